#pragma once
// Signing and hashing for the service: matchup ids are signed so that they need no server state
// (they survive restarts and work across processes), and voter tokens are stored only as hashes.
//
// TODO(integration): these are placeholders built on std::hash (NOT cryptographic). The HTTP slice
// provides HMAC-SHA-256 in serve/http_auth.hpp (`hmac_sha256_hex(key, msg)`); the integrator
// replaces the two bodies in service_sign.cpp with HMAC-SHA-256 and SHA-256 respectively.
#include <string>

namespace prefero::serve {

// A keyed signature of `msg` as lower-case hex (to become HMAC-SHA-256(key, msg)).
std::string sign(const std::string& key, const std::string& msg);
// A one-way digest of `msg` as lower-case hex (to become SHA-256(msg)).
std::string digest_hex(const std::string& msg);
// Equality that takes the same time wherever the strings first differ (for tokens and signatures).
bool constant_time_equal(const std::string& a, const std::string& b);
// Lower-case hex of arbitrary bytes, and back ("" / false for malformed input).
std::string to_hex(const std::string& bytes);
bool from_hex(const std::string& hex, std::string& bytes);

}  // namespace prefero::serve

namespace prefero::serve {
// A fresh unguessable token (32 hex characters from std::random_device) for voters.
std::string random_token();
}  // namespace prefero::serve
