// The in-memory idempotency index of the SQLite store: every key finds the seq it was added with
// and an unknown key finds nothing, also when all keys share one 64-bit hash (the collision path,
// forced with a constant hash); the oracle is a std::map of the same keys.
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <string>

#include "serve/idempotency_index.hpp"

namespace prefero::serve {
namespace {

uint64_t same_hash(const std::string&) { return 42; }

void check_index(IdempotencyIndex::Hash hash) {
  std::map<int64_t, std::string> stored;  // what the store holds: seq -> slot
  IdempotencyIndex::KeyAt key_at = [&](int64_t seq) {
    auto it = stored.find(seq);
    return it == stored.end() ? std::string() : it->second;
  };
  IdempotencyIndex index = hash ? IdempotencyIndex(hash) : IdempotencyIndex();
  for (int64_t seq = 1; seq <= 200; ++seq) {
    const std::string slot = idempotency_slot("arena:a" + std::to_string(seq % 3), "key-" + std::to_string(seq));
    EXPECT_EQ(index.find(slot, key_at), 0) << slot;  // not there before it is added
    stored[seq] = slot;
    index.add(slot, seq, key_at);
  }
  EXPECT_EQ(index.size(), 200u);
  for (const auto& [seq, slot] : stored) EXPECT_EQ(index.find(slot, key_at), seq) << slot;
  // The same key in another stream, and a key never stored, are not found.
  EXPECT_EQ(index.find(idempotency_slot("arena:zz", "key-7"), key_at), 0);
  EXPECT_EQ(index.find(idempotency_slot("arena:a1", "key-999"), key_at), 0);
}

TEST(ServeIdempotencyIndex, FindsEveryKeyAndNothingElse) { check_index(nullptr); }

TEST(ServeIdempotencyIndex, EveryHashColliding) { check_index(&same_hash); }

}  // namespace
}  // namespace prefero::serve
