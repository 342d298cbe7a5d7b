#pragma once
// Method parameters: declared by each registry entry (name, type, default, doc) and resolved
// from the user's NAME=VALUE pairs with a clear error for anything unknown or malformed.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace prefero {

enum class ParamType { integer, number, boolean, choice, text, candidate_list };

struct ParamSpec {
  std::string name;
  ParamType type = ParamType::text;
  std::string default_value;
  std::string doc;
  std::vector<std::string> choices;  // for ParamType::choice
};

std::string to_string(ParamType t);

// Every declared parameter with its value (the user's, or the default). Values are checked
// against their type when resolved, so the getters only convert.
class Params {
 public:
  const std::string& text(const std::string& name) const;
  int64_t integer(const std::string& name) const;
  double number(const std::string& name) const;
  bool boolean(const std::string& name) const;
  bool has(const std::string& name) const { return values_.count(name) != 0; }
  const std::map<std::string, std::string>& values() const { return values_; }
  void set(const std::string& name, std::string value) { values_[name] = std::move(value); }

 private:
  std::map<std::string, std::string> values_;
};

// Checks `given` against `specs` (unknown name, bad integer, choice not listed ... are
// InputErrors naming the method, the parameter and what was expected).
Params resolve_params(const std::string& method_id, const std::vector<ParamSpec>& specs,
                      const std::map<std::string, std::string>& given);

}  // namespace prefero
