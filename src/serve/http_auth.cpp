#include "serve/http_auth.hpp"

#include <openssl/evp.h>

#include <array>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <random>
#include <stdexcept>

namespace prefero::serve {

namespace {

using Digest = std::array<uint8_t, 32>;

// SHA-256 (FIPS 180-4) of the concatenation of `parts` (HMAC hashes a prefix block and a
// message), by OpenSSL's libcrypto: its implementation uses the CPU's SHA extensions where
// present, several times faster than portable code on the vote path (every vote opens a sealed
// matchup id: seven HMACs).
Digest sha256(std::initializer_list<std::string_view> parts) {
  static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  thread_local const std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  Digest out{};
  unsigned int n = 0;
  bool ok = md && ctx && EVP_DigestInit_ex2(ctx.get(), md, nullptr) == 1;
  for (std::string_view part : parts) ok = ok && EVP_DigestUpdate(ctx.get(), part.data(), part.size()) == 1;
  if (!ok || EVP_DigestFinal_ex(ctx.get(), out.data(), &n) != 1 || n != out.size())
    throw std::runtime_error("SHA-256 is not available from OpenSSL's libcrypto");
  return out;
}

std::string hex(const uint8_t* bytes, size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s(2 * n, '0');
  for (size_t i = 0; i < n; ++i) {
    s[2 * i] = kDigits[bytes[i] >> 4];
    s[2 * i + 1] = kDigits[bytes[i] & 0xf];
  }
  return s;
}

std::string_view view(const Digest& d) { return {reinterpret_cast<const char*>(d.data()), d.size()}; }

}  // namespace

bool same_token(std::string_view a, std::string_view b) {
  const size_t n = a.size() > b.size() ? a.size() : b.size();
  unsigned diff = a.size() == b.size() ? 0u : 1u;
  for (size_t i = 0; i < n; ++i) {
    const unsigned x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0u;
    const unsigned y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0u;
    diff |= x ^ y;
  }
  return diff == 0;
}

std::string sha256_bytes(std::string_view data) { return std::string(view(sha256({data}))); }

std::string sha256_hex(std::string_view data) {
  const Digest d = sha256({data});
  return hex(d.data(), d.size());
}

std::string hmac_sha256(std::string_view key, std::string_view message) {
  // RFC 2104: keys longer than the block are hashed first; then H(K^opad || H(K^ipad || m)).
  std::array<uint8_t, 64> k{};
  if (key.size() > k.size()) {
    const Digest kd = sha256({key});
    for (size_t i = 0; i < kd.size(); ++i) k[i] = kd[i];
  } else {
    for (size_t i = 0; i < key.size(); ++i) k[i] = static_cast<uint8_t>(key[i]);
  }
  std::string ipad(64, '\0'), opad(64, '\0');
  for (size_t i = 0; i < 64; ++i) {
    ipad[i] = static_cast<char>(k[i] ^ 0x36);
    opad[i] = static_cast<char>(k[i] ^ 0x5c);
  }
  const Digest inner = sha256({ipad, message});
  return std::string(view(sha256({opad, view(inner)})));
}

std::string random_token() {
  std::random_device rd("/dev/urandom");  // throws std::runtime_error when unavailable
  std::array<uint8_t, 32> bytes{};
  for (size_t i = 0; i < bytes.size(); i += 4) {
    const uint32_t r = rd();
    for (size_t j = 0; j < 4; ++j) bytes[i + j] = static_cast<uint8_t>(r >> (8 * j));
  }
  return hex(bytes.data(), bytes.size());
}

}  // namespace prefero::serve
