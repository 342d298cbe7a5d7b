#pragma once
// The idempotency keys of a store's events, in memory: which seq holds (stream, key). The SQLite
// store checks keys here instead of in a unique index on the table: idempotency keys are random
// (a vote's key is usually its sealed matchup id), so every insert into such an index dirties a
// random B-tree page, and that page (4 KB) is written to the WAL, synced and checkpointed for a
// vote of a few hundred bytes.
//
// A key is kept as a 64-bit hash of "stream NUL key" -> seq (16 bytes a slot, the table at most
// half full). A hit is confirmed against the stored event (`key_at`), so a hash collision never
// makes two different keys one; the key whose hash another key already owns is kept whole in a
// small side table.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "serve/flat_u64.hpp"

namespace prefero::serve {

// The key of an idempotency record: the stream and the client's key, which may hold any byte
// but NUL (HTTP header values cannot carry it).
inline std::string idempotency_slot(const std::string& stream, const std::string& key) {
  std::string slot;
  slot.reserve(stream.size() + 1 + key.size());
  slot.append(stream).push_back('\0');
  slot.append(key);
  return slot;
}

class IdempotencyIndex {
 public:
  // The slot of the stored event at `seq` (idempotency_slot), read back from the store.
  using KeyAt = std::function<std::string(int64_t seq)>;
  using Hash = uint64_t (*)(const std::string& slot);

  // `hash` is replaceable so that tests can make every key collide.
  explicit IdempotencyIndex(Hash hash = &std_hash) : hash_(hash) {}

  // The seq of the event with this slot, or 0.
  int64_t find(const std::string& slot, const KeyAt& key_at) const {
    if (auto whole = collided_.find(slot); whole != collided_.end()) return whole->second;
    const auto* hit = by_hash_.find(hash_(slot));
    return hit && key_at(hit->second) == slot ? hit->second : 0;
  }

  // Records that `seq` holds `slot` (not in the index yet).
  void add(const std::string& slot, int64_t seq, const KeyAt& key_at) {
    auto [owner, fresh] = by_hash_.insert(hash_(slot));
    if (fresh) *owner = seq;
    else if (key_at(*owner) != slot) collided_.emplace(slot, seq);
  }

  size_t size() const { return by_hash_.size() + collided_.size(); }

 private:
  static uint64_t std_hash(const std::string& slot) { return std::hash<std::string_view>{}(slot); }
  Hash hash_;
  FlatU64Map<int64_t> by_hash_;
  std::unordered_map<std::string, int64_t> collided_;
};

}  // namespace prefero::serve
