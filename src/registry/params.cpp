#include "registry/params.hpp"

#include <charconv>
#include <stdexcept>

#include "core/error.hpp"

namespace prefero {

std::string to_string(ParamType t) {
  switch (t) {
    case ParamType::integer: return "integer";
    case ParamType::number: return "number";
    case ParamType::boolean: return "boolean";
    case ParamType::choice: return "choice";
    case ParamType::text: return "text";
    case ParamType::candidate_list: return "candidate_list";
  }
  return "?";
}

namespace {

bool parse_int(const std::string& s, int64_t& out) {
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size() && !s.empty();
}

bool parse_double(const std::string& s, double& out) {
  if (s.empty()) return false;
  try {
    size_t used = 0;
    out = std::stod(s, &used);
    return used == s.size();
  } catch (const std::exception&) {
    return false;
  }
}

bool parse_bool(const std::string& s, bool& out) {
  if (s == "true" || s == "1" || s == "yes") return out = true, true;
  if (s == "false" || s == "0" || s == "no") return out = false, true;
  return false;
}

void check_value(const std::string& method_id, const ParamSpec& spec, const std::string& value) {
  auto fail = [&](const std::string& expected) {
    throw InputError("parameter '" + spec.name + "' of '" + method_id + "': got '" + value + "', expected " +
                     expected);
  };
  int64_t i = 0;
  double d = 0;
  bool b = false;
  switch (spec.type) {
    case ParamType::integer:
      if (!parse_int(value, i)) fail("an integer");
      break;
    case ParamType::number:
      if (!parse_double(value, d)) fail("a number");
      break;
    case ParamType::boolean:
      if (!parse_bool(value, b)) fail("true or false");
      break;
    case ParamType::choice: {
      for (const auto& c : spec.choices)
        if (c == value) return;
      std::string list;
      for (const auto& c : spec.choices) list += (list.empty() ? "" : " | ") + c;
      fail("one of " + list);
      break;
    }
    case ParamType::text:
    case ParamType::candidate_list: break;
  }
}

}  // namespace

const std::string& Params::text(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) throw std::logic_error("undeclared parameter '" + name + "'");
  return it->second;
}

int64_t Params::integer(const std::string& name) const {
  int64_t v = 0;
  if (!parse_int(text(name), v)) throw InputError("parameter '" + name + "': expected an integer");
  return v;
}

double Params::number(const std::string& name) const {
  double v = 0;
  if (!parse_double(text(name), v)) throw InputError("parameter '" + name + "': expected a number");
  return v;
}

bool Params::boolean(const std::string& name) const {
  bool v = false;
  if (!parse_bool(text(name), v)) throw InputError("parameter '" + name + "': expected true or false");
  return v;
}

Params resolve_params(const std::string& method_id, const std::vector<ParamSpec>& specs,
                      const std::map<std::string, std::string>& given) {
  Params out;
  for (const auto& spec : specs) out.set(spec.name, spec.default_value);
  for (const auto& [name, value] : given) {
    const ParamSpec* spec = nullptr;
    for (const auto& s : specs)
      if (s.name == name) spec = &s;
    if (!spec) {
      std::string known;
      for (const auto& s : specs) known += (known.empty() ? "" : ", ") + s.name;
      throw InputError("unknown parameter '" + name + "' for '" + method_id + "'; known: " +
                       (known.empty() ? "(none)" : known));
    }
    check_value(method_id, *spec, value);
    out.set(name, value);
  }
  return out;
}

}  // namespace prefero
