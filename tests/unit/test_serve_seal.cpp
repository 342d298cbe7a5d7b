// Sealed matchup ids: they open with the key they were sealed with, reveal nothing of the
// plaintext (no model name in the token), and any change to a byte, or another key, is refused.
#include <gtest/gtest.h>

#include <string>

#include "serve/service_sign.hpp"

namespace prefero::serve {
namespace {

TEST(ServeSeal, RoundTripHidesAndRefusesTampering) {
  const std::string key = "k3y", plain = R"(["arena","item",["gpt-4o","claude-3-opus"],"1234567890"])";
  const std::string token = seal(SealKey(key), plain);
  EXPECT_EQ(token.find("gpt"), std::string::npos);
  EXPECT_EQ(token.find(to_hex("gpt-4o")), std::string::npos);
  std::string out;
  ASSERT_TRUE(unseal(SealKey(key), token, out));
  EXPECT_EQ(out, plain);
  EXPECT_FALSE(unseal(SealKey("other key"), token, out));
  for (size_t i = 0; i < token.size(); i += 7) {
    std::string t = token;
    if (t[i] == '.') continue;
    t[i] = t[i] == '0' ? '1' : '0';
    EXPECT_FALSE(unseal(SealKey(key), t, out)) << "byte " << i;
  }
  EXPECT_FALSE(unseal(SealKey(key), "", out));
  EXPECT_FALSE(unseal(SealKey(key), "zz.zz", out));
  EXPECT_NE(seal(SealKey(key), plain + "x").substr(0, 10), token.substr(0, 10));
}

}  // namespace
}  // namespace prefero::serve
