// Helpers shared by the service's handlers (see service_util.hpp).
#include "serve/service_util.hpp"

#include <cctype>
#include <cstdio>
#include <cstring>

#include "core/error.hpp"
#include "serve/http_auth.hpp"
#include "serve/idempotency_index.hpp"

namespace prefero::serve {

json parse_body(const Request& r) {
  json j;
  try {
    j = json::parse(r.body.empty() ? std::string("{}") : r.body);
  } catch (const json::parse_error& e) {
    throw bad_request(std::string("the body is not valid JSON: ") + e.what());
  }
  if (!j.is_object()) throw bad_request("the body must be a JSON object");
  return j;
}

static std::string path_of(const std::string& prefix, const std::string& key) {
  return prefix.empty() ? key : prefix + "." + key;
}

std::string get_string(const json& o, const std::string& key, const std::string& prefix, bool required,
                       const std::string& def) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) {
    if (required) throw bad_request("'" + path_of(prefix, key) + "' is required", path_of(prefix, key));
    return def;
  }
  if (!it->is_string()) throw bad_request("'" + path_of(prefix, key) + "' must be a string", path_of(prefix, key));
  return it->get<std::string>();
}

int64_t get_int(const json& o, const std::string& key, const std::string& prefix, int64_t def, int64_t lo, int64_t hi) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return def;
  const std::string f = path_of(prefix, key);
  if (!it->is_number_integer()) throw bad_request("'" + f + "' must be an integer", f);
  const int64_t v = it->get<int64_t>();
  if (v < lo || v > hi)
    throw bad_request("'" + f + "' must be between " + std::to_string(lo) + " and " + std::to_string(hi), f);
  return v;
}

bool get_bool(const json& o, const std::string& key, const std::string& prefix, bool def) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return def;
  if (!it->is_boolean()) throw bad_request("'" + path_of(prefix, key) + "' must be true or false", path_of(prefix, key));
  return it->get<bool>();
}

std::map<std::string, std::string> params_of(const json& o, const std::string& field) {
  std::map<std::string, std::string> out;
  if (o.is_null()) return out;
  if (!o.is_object()) throw bad_request("'" + field + "' must be an object of NAME: VALUE", field);
  for (auto it = o.begin(); it != o.end(); ++it) {
    const json& v = it.value();
    if (v.is_string()) out[it.key()] = v.get<std::string>();
    else if (v.is_boolean()) out[it.key()] = v.get<bool>() ? "true" : "false";
    else if (v.is_number() || v.is_array()) out[it.key()] = v.dump();
    else throw bad_request("'" + field + "." + it.key() + "' must be a string, number or boolean", field + "." + it.key());
  }
  return out;
}

std::string valid_utf8(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size();
    for (size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) >> 6) == 2;
    if (ok && len == 2) ok = c >= 0xc2;  // no overlong forms
    if (ok && len == 3) {
      const auto d = static_cast<unsigned char>(s[i + 1]);
      ok = !(c == 0xe0 && d < 0xa0) && !(c == 0xed && d >= 0xa0);  // overlong, surrogates
    }
    if (ok && len == 4) {
      const auto d = static_cast<unsigned char>(s[i + 1]);
      ok = c <= 0xf4 && !(c == 0xf0 && d < 0x90) && !(c == 0xf4 && d >= 0x90);
    }
    if (ok) {
      out.append(s, i, len);
      i += len;
    } else {
      out += '?';
      ++i;
    }
  }
  return out;
}

std::string dump_json(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

Response safe_error(int status, const std::string& code, const std::string& message, const std::string& field) {
  return error_response(status, code, valid_utf8(message), valid_utf8(field));
}

Response json_response(int status, const json& body) { return json_text_response(status, dump_json(body)); }

IdempotencyId idempotency_id(const std::string& stream, const std::string& key) {
  const std::string digest = sha256_bytes(idempotency_slot(stream, key));
  IdempotencyId id;
  std::memcpy(&id.hi, digest.data(), 8);
  std::memcpy(&id.lo, digest.data() + 8, 8);
  return id;
}

void append_json_string(std::string& out, const std::string& s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (const char ch : valid_utf8(s)) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(ch);
    } else if (c < 0x20) {
      out.append("\\u00");
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(ch);
    }
  }
  out.push_back('"');
}

Response json_text_response(int status, std::string body) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

Response answer_errors(const std::function<Response()>& f) {
  try {
    return f();
  } catch (const ApiError& e) {
    return safe_error(e.status, e.code, e.what(), e.field);
  } catch (const InputError& e) {
    return safe_error(400, "bad_request", e.detail().empty() ? e.what() : e.detail());
  } catch (const std::exception& e) {
    return safe_error(500, "internal", std::string("internal error: ") + e.what());
  }
}

void check_body_size(const Request& r, size_t max_body) {
  if (r.body.size() > max_body)
    throw ApiError(413, "payload_too_large",
                   "the body has " + std::to_string(r.body.size()) + " bytes; the limit is " + std::to_string(max_body));
}

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace

int64_t parse_time_ms(const json& v, const std::string& field) {
  if (v.is_number_integer()) return v.get<int64_t>();
  if (!v.is_string()) throw bad_request("'" + field + "' must be Unix milliseconds or an ISO 8601 time", field);
  const std::string s = v.get<std::string>();
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, n = 0;
  double sec = 0;
  const auto fail = [&] {
    return bad_request("'" + field + "' must be an ISO 8601 time such as 2026-11-27T16:00:00Z, got '" + s + "'", field);
  };
  if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d%n", &y, &mo, &d, &h, &mi, &n) != 5) throw fail();
  size_t pos = static_cast<size_t>(n);
  if (pos < s.size() && s[pos] == ':') {
    int m2 = 0;
    if (std::sscanf(s.c_str() + pos + 1, "%lf%n", &sec, &m2) != 1) throw fail();
    pos += 1 + static_cast<size_t>(m2);
  }
  int64_t offset_min = 0;
  if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    int oh = 0, om = 0;
    if (std::sscanf(s.c_str() + pos + 1, "%2d:%2d", &oh, &om) != 2) throw fail();
    offset_min = (s[pos] == '-' ? -1 : 1) * (oh * 60 + om);
    pos += 6;
  }
  if (pos != s.size() || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec < 0 || sec >= 61) throw fail();
  const int64_t days = days_from_civil(y, mo, d);
  const double ms = static_cast<double>(((days * 24 + h) * 60 + mi - offset_min) * 60) * 1000.0 + sec * 1000.0;
  return static_cast<int64_t>(ms);
}

bool valid_id(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  for (unsigned char c : s)
    if (!std::isalnum(c) && c != '-' && c != '_' && c != '.') return false;
  return true;
}

std::string slug(const std::string& name, const std::string& fallback) {
  std::string out;
  for (unsigned char c : name) {
    if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    else if (!out.empty() && out.back() != '-') out += '-';
    if (out.size() >= 48) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? fallback : out;
}

}  // namespace prefero::serve
