#pragma once
// Secrets on the wire: constant-time token comparison, SHA-256 (FIPS 180-4) and HMAC-SHA-256
// (RFC 2104) for stored token hashes and signed matchup ids, and random tokens.
#include <string>
#include <string_view>

namespace prefero::serve {

// True when a == b. Runs over every byte of the longer input whatever the contents (no early
// exit), so the time reveals the lengths only, never where the inputs differ.
bool same_token(std::string_view a, std::string_view b);

// SHA-256 of `data` (FIPS 180-4, section 6.2): the 32 bytes, or 64 lower-case hex digits.
std::string sha256_bytes(std::string_view data);
std::string sha256_hex(std::string_view data);

// HMAC-SHA-256 (RFC 2104) of `message` under `key`: the 32 bytes.
std::string hmac_sha256(std::string_view key, std::string_view message);

// 32 bytes from the operating system's random source (/dev/urandom via std::random_device),
// as 64 lower-case hex digits. Throws std::runtime_error when no random source is available.
std::string random_token();

}  // namespace prefero::serve
