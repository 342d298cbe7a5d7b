// Placeholder signing and hashing (see service_sign.hpp): std::hash mixed over a few rounds.
// TODO(integration): sign -> hmac_sha256_hex(key, msg) and digest_hex -> SHA-256 from
// serve/http_auth.hpp (HTTP slice). Callers only rely on the hex-string interface.
#include "serve/service_sign.hpp"

#include <cstdint>
#include <functional>

namespace prefero::serve {

namespace {

std::string hex64(uint64_t x) {
  static const char* d = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i, x >>= 4) s[static_cast<size_t>(i)] = d[x & 15];
  return s;
}

// 256 bits as four hashes of the message under distinct prefixes.
std::string hash256(const std::string& msg) {
  std::string out;
  for (char round = 'a'; round < 'e'; ++round) out += hex64(std::hash<std::string>{}(std::string(1, round) + msg));
  return out;
}

}  // namespace

std::string sign(const std::string& key, const std::string& msg) {
  return hash256(hash256(key + "\x01") + msg + hash256(key + "\x02"));
}

std::string digest_hex(const std::string& msg) { return hash256(msg); }

bool constant_time_equal(const std::string& a, const std::string& b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  const size_t n = a.size() < b.size() ? a.size() : b.size();
  for (size_t i = 0; i < n; ++i) diff = static_cast<unsigned char>(diff | (a[i] ^ b[i]));
  return diff == 0;
}

std::string to_hex(const std::string& bytes) {
  static const char* d = "0123456789abcdef";
  std::string s;
  s.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    s += d[c >> 4];
    s += d[c & 15];
  }
  return s;
}

bool from_hex(const std::string& hex, std::string& bytes) {
  if (hex.size() % 2) return false;
  auto val = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  bytes.clear();
  for (size_t i = 0; i < hex.size(); i += 2) {
    const int hi = val(hex[i]), lo = val(hex[i + 1]);
    if (hi < 0 || lo < 0) return false;
    bytes += static_cast<char>(hi * 16 + lo);
  }
  return true;
}

}  // namespace prefero::serve

#include <random>

namespace prefero::serve {

std::string random_token() {
  std::random_device rd;
  std::string bytes;
  for (int i = 0; i < 4; ++i) {
    const uint32_t x = rd();
    for (int s = 0; s < 32; s += 8) bytes += static_cast<char>((x >> s) & 0xff);
  }
  return to_hex(bytes);
}

}  // namespace prefero::serve
