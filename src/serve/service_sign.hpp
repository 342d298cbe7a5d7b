#pragma once
// Sealed matchup ids for the service: they need no server state (they survive restarts and work
// across processes). Hashing (voter tokens are stored only as hashes), HMAC and constant-time
// comparison are serve/http_auth's sha256_hex, hmac_sha256 and same_token.
#include <string>

#include "serve/http_auth.hpp"  // sha256_hex, hmac_sha256, same_token, random_token

namespace prefero::serve {

// Authenticated deterministic encryption of `plaintext` (SIV: the synthetic IV is
// HMAC-SHA-256(K1, plaintext) cut to 16 bytes, the keystream HMAC-SHA-256(K2, IV || counter);
// K1 and K2 are derived from `key`), as hex(ciphertext) "." hex(IV). Matchup ids are sealed so
// that a voter can neither read which models are behind the slots nor forge an id. The plaintext
// should hold a fresh nonce (equal plaintexts give equal tokens).
// K1 and K2 are derived once per key (two HMACs fewer per seal and unseal).
struct SealKey {
  explicit SealKey(const std::string& key);
  std::string k1, k2;
};
std::string seal(const SealKey& key, const std::string& plaintext);
// The plaintext of a token made by seal() with the same key; false for anything else.
bool unseal(const SealKey& key, const std::string& token, std::string& plaintext);
// Lower-case hex of arbitrary bytes, and back ("" / false for malformed input).
std::string to_hex(const std::string& bytes);
bool from_hex(const std::string& hex, std::string& bytes);

}  // namespace prefero::serve
