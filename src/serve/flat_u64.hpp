#pragma once
// A hash table keyed by 64-bit integers with open addressing (linear probing, power-of-two
// capacity, at most half full): 8 bytes a slot plus the value, no allocation per entry. The
// service keeps one entry per vote in some of these, where a node-based std::set costs ≈ 60 bytes.
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace prefero::serve {

struct NoValue {};

template <class V>
class FlatU64Map {
 public:
  struct Slot {
    uint64_t first = 0;
    [[no_unique_address]] V second{};
  };

  size_t size() const { return size_ + (has_zero_ ? 1 : 0); }

  // The entry of `key`, or nullptr.
  const Slot* find(uint64_t key) const {
    if (key == 0) return has_zero_ ? &zero_ : nullptr;
    if (slots_.empty()) return nullptr;
    for (size_t i = home(key);; i = (i + 1) & mask()) {
      if (slots_[i].first == key) return &slots_[i];
      if (slots_[i].first == 0) return nullptr;
    }
  }

  // The value of `key`, inserted as V{} when absent (a reference valid until the next insert).
  V& operator[](uint64_t key) { return *insert(key).first; }

  // (value of key, true when it was inserted now).
  std::pair<V*, bool> insert(uint64_t key) {
    if (key == 0) {
      const bool fresh = !has_zero_;
      has_zero_ = true;
      return {&zero_.second, fresh};
    }
    if (2 * (size_ + 1) > slots_.size()) grow();
    for (size_t i = home(key);; i = (i + 1) & mask()) {
      if (slots_[i].first == key) return {&slots_[i].second, false};
      if (slots_[i].first == 0) {
        slots_[i].first = key;
        ++size_;
        return {&slots_[i].second, true};
      }
    }
  }

 private:
  // slots_ holds the non-zero keys (0 marks an empty slot); key 0 lives in zero_.
  std::vector<Slot> slots_;
  size_t size_ = 0;
  bool has_zero_ = false;
  Slot zero_;

  size_t mask() const { return slots_.size() - 1; }
  size_t home(uint64_t key) const {
    // The splitmix64 finalizer: keys with structure (an actor and a day) spread over the table.
    key ^= key >> 30;
    key *= 0xbf58476d1ce4e5b9ULL;
    key ^= key >> 27;
    key *= 0x94d049bb133111ebULL;
    key ^= key >> 31;
    return static_cast<size_t>(key) & mask();
  }
  void grow() {
    std::vector<Slot> old(slots_.empty() ? 16 : 2 * slots_.size());
    old.swap(slots_);
    for (const Slot& s : old) {
      if (s.first == 0) continue;
      size_t i = home(s.first);
      while (slots_[i].first != 0) i = (i + 1) & mask();
      slots_[i] = s;
    }
  }
};

using FlatU64Set = FlatU64Map<NoValue>;

}  // namespace prefero::serve
