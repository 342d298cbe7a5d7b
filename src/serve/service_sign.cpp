// The service's signing and hashing: HMAC-SHA-256 and SHA-256 from serve/http_auth.
#include "serve/service_sign.hpp"

#include "serve/http_auth.hpp"

namespace prefero::serve {

std::string sign(const std::string& key, const std::string& msg) { return hmac_sha256_hex(key, msg); }

std::string digest_hex(const std::string& msg) { return sha256_hex(msg); }

bool constant_time_equal(const std::string& a, const std::string& b) { return same_token(a, b); }

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

