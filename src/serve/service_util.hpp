#pragma once
// Helpers shared by the service's handlers: the API error (thrown, turned into the JSON error
// shape by Service::handle), JSON body parsing and typed field access naming the field at fault.
#include <cstdint>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>

#include "core/result.hpp"
#include "serve/http_message.hpp"

namespace prefero::serve {

struct ApiError : std::runtime_error {
  int status;
  std::string code, field;
  ApiError(int status_, std::string code_, const std::string& message, std::string field_ = "")
      : std::runtime_error(message), status(status_), code(std::move(code_)), field(std::move(field_)) {}
};

inline ApiError bad_request(const std::string& message, const std::string& field = "") {
  return ApiError(400, "bad_request", message, field);
}

// The request body as a JSON object (400 when it is not one).
json parse_body(const Request& r);
// Field accessors: a missing optional field gives the default; a wrong type is a 400 naming it.
std::string get_string(const json& o, const std::string& key, const std::string& field_prefix, bool required,
                       const std::string& def = "");
int64_t get_int(const json& o, const std::string& key, const std::string& field_prefix, int64_t def, int64_t lo,
                int64_t hi);
bool get_bool(const json& o, const std::string& key, const std::string& field_prefix, bool def);
// {"a": 1, "b": "x"} -> {"a": "1", "b": "x"} (method parameters as the registry takes them).
std::map<std::string, std::string> params_of(const json& o, const std::string& field);
// `s` with every byte that is not part of valid UTF-8 replaced by '?' (messages echo request
// text, and JSON output must be valid UTF-8).
std::string valid_utf8(const std::string& s);
// JSON text of `j`; invalid UTF-8 in strings is replaced (never throws for it).
std::string dump_json(const json& j);
// error_response with the message and field made valid UTF-8.
Response safe_error(int status, const std::string& code, const std::string& message, const std::string& field = "");
// A JSON response with `status`.
Response json_response(int status, const json& body);
// f(), or the JSON error for what it threw: ApiError as given, InputError 400, anything else 500.
Response answer_errors(const std::function<Response()>& f);
// An idempotency record's identity: the first 128 bits of SHA-256(stream NUL key). Keeping the
// digest instead of the key (a vote's key is usually its ~230-character matchup id) costs ~64
// bytes a record instead of ~300; two different keys share one with probability ~n²/2^129.
struct IdempotencyId {
  uint64_t hi = 0, lo = 0;
  bool operator==(const IdempotencyId&) const = default;
};
struct IdempotencyIdHash {
  size_t operator()(const IdempotencyId& d) const { return static_cast<size_t>(d.hi); }
};
IdempotencyId idempotency_id(const std::string& stream, const std::string& key);
// `s` as a JSON string literal (quotes and escapes included), appended to `out`; bytes that are
// not valid UTF-8 become '?' as in dump_json.
void append_json_string(std::string& out, const std::string& s);
// A response whose body is JSON text already.
Response json_text_response(int status, std::string body);
// 413 (ApiError) when the body is longer than max_body.
void check_body_size(const Request& r, size_t max_body);
// Unix ms from a JSON number (ms) or an ISO 8601 UTC string "YYYY-MM-DDTHH:MM[:SS[.fff]][Z|+HH:MM]".
int64_t parse_time_ms(const json& v, const std::string& field);
// A short identifier: letters, digits, '-', '_', '.', 1..64 characters.
bool valid_id(const std::string& s);
// A slug of `name` for generated ids ("" -> fallback).
std::string slug(const std::string& name, const std::string& fallback);

}  // namespace prefero::serve
