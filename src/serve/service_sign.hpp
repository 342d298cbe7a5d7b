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
// Authenticated deterministic encryption of `plaintext` (SIV: the synthetic IV is
// HMAC-SHA-256(K1, plaintext) cut to 16 bytes, the keystream HMAC-SHA-256(K2, IV || counter);
// K1 and K2 are derived from `key`), as hex(ciphertext) "." hex(IV). Matchup ids are sealed so
// that a voter can neither read which models are behind the slots nor forge an id. The plaintext
// should hold a fresh nonce (equal plaintexts give equal tokens).
std::string seal(const std::string& key, const std::string& plaintext);
// The plaintext of a token made by seal() with the same key; false for anything else.
bool unseal(const std::string& key, const std::string& token, std::string& plaintext);
// Lower-case hex of arbitrary bytes, and back ("" / false for malformed input).
std::string to_hex(const std::string& bytes);
bool from_hex(const std::string& hex, std::string& bytes);

}  // namespace prefero::serve
