#pragma once
// Signing and hashing for the service: matchup ids are signed so that they need no server state
// (they survive restarts and work across processes), and voter tokens are stored only as hashes.
#include <string>

#include "serve/http_auth.hpp"  // random_token

namespace prefero::serve {

// HMAC-SHA-256(key, msg) as lower-case hex.
std::string sign(const std::string& key, const std::string& msg);
// SHA-256(msg) as lower-case hex.
std::string digest_hex(const std::string& msg);
// Equality that takes the same time wherever the strings first differ (for tokens and signatures).
bool constant_time_equal(const std::string& a, const std::string& b);
// Lower-case hex of arbitrary bytes, and back ("" / false for malformed input).
std::string to_hex(const std::string& bytes);
bool from_hex(const std::string& hex, std::string& bytes);

}  // namespace prefero::serve
