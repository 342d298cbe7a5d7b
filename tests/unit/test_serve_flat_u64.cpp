// serve/flat_u64.hpp against std::map on random keys (with 0, duplicates, and keys that differ
// only in high bits, as the service's (actor << 32 | day) keys do).
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "serve/flat_u64.hpp"

namespace prefero::serve {
namespace {

TEST(ServeFlatU64, AgreesWithStdMapThroughGrowth) {
  std::mt19937_64 g(5);
  FlatU64Map<int64_t> flat;
  std::map<uint64_t, int64_t> oracle;
  for (int i = 0; i < 50000; ++i) {
    const uint64_t pick = g() % 4;
    const uint64_t key = pick == 0 ? g() % 64 : pick == 1 ? (g() % 64) << 40 : g();
    flat[key] += i;
    oracle[key] += i;
    if (i % 997 == 0) {
      ASSERT_EQ(flat.size(), oracle.size());
      for (const auto& [k, v] : oracle) {
        const auto* e = flat.find(k);
        ASSERT_NE(e, nullptr) << k;
        EXPECT_EQ(e->first, k);
        EXPECT_EQ(e->second, v);
      }
    }
  }
  for (int i = 0; i < 1000; ++i) {
    const uint64_t key = g();
    EXPECT_EQ(flat.find(key) != nullptr, oracle.count(key) == 1);
  }
}

TEST(ServeFlatU64, SetInsertSaysWhetherTheKeyIsNew) {
  FlatU64Set s;
  EXPECT_EQ(s.find(0), nullptr);
  EXPECT_TRUE(s.insert(0).second);
  EXPECT_FALSE(s.insert(0).second);
  EXPECT_TRUE(s.insert(7).second);
  EXPECT_FALSE(s.insert(7).second);
  EXPECT_NE(s.find(0), nullptr);
  EXPECT_EQ(s.find(8), nullptr);
  EXPECT_EQ(s.size(), 2u);
  EXPECT_EQ(sizeof(FlatU64Set::Slot), sizeof(uint64_t));  // the set keeps 8 bytes a slot
}

}  // namespace
}  // namespace prefero::serve
