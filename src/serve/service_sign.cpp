// Sealed matchup ids (SIV over HMAC-SHA-256 from serve/http_auth) and hex helpers.
#include "serve/service_sign.hpp"

#include "serve/http_auth.hpp"

namespace prefero::serve {

namespace {

// plaintext XOR the keystream HMAC(k2, iv || counter), 32 bytes per counter value.
std::string ctr_xor(const std::string& k2, const std::string& iv, const std::string& in) {
  std::string out = in;
  for (size_t block = 0; block * 32 < in.size(); ++block) {
    const std::string ks = hmac_sha256(k2, iv + std::to_string(block));
    for (size_t i = 0; i < 32 && block * 32 + i < in.size(); ++i) out[block * 32 + i] = static_cast<char>(out[block * 32 + i] ^ ks[i]);
  }
  return out;
}

}  // namespace

SealKey::SealKey(const std::string& key)
    : k1(hmac_sha256(key, "prefero seal: iv")), k2(hmac_sha256(key, "prefero seal: stream")) {}

std::string seal(const SealKey& key, const std::string& plaintext) {
  const std::string iv = hmac_sha256(key.k1, plaintext).substr(0, 16);
  return to_hex(ctr_xor(key.k2, iv, plaintext)) + "." + to_hex(iv);
}

bool unseal(const SealKey& key, const std::string& token, std::string& plaintext) {
  const size_t dot = token.find('.');
  std::string cipher, iv;
  if (dot == std::string::npos || !from_hex(token.substr(0, dot), cipher) || !from_hex(token.substr(dot + 1), iv) ||
      iv.size() != 16)
    return false;
  std::string plain = ctr_xor(key.k2, iv, cipher);
  if (!same_token(hmac_sha256(key.k1, plain).substr(0, 16), iv)) return false;
  plaintext = std::move(plain);
  return true;
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
  bytes.assign(hex.size() / 2, '\0');
  for (size_t i = 0; i < hex.size(); i += 2) {
    const int hi = val(hex[i]), lo = val(hex[i + 1]);
    if (hi < 0 || lo < 0) return false;
    bytes[i / 2] = static_cast<char>(hi * 16 + lo);
  }
  return true;
}

}  // namespace prefero::serve

