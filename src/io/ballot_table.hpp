#pragma once
// Fast merging of identical ballots for the file readers: appends unique ballots straight into
// a Profile (first appearance keeps its position, as ProfileBuilder does) through a flat
// open-addressing hash table, so a million distinct ballots cost one probe each and no
// per-bucket allocation. The readers produce levels already in ProfileBuilder's form
// (rankings compacted to 0, 1, 2, ...; categorical = category index).
#include <cstdint>
#include <cstring>
#include <span>
#include <vector>

#include "core/error.hpp"
#include "core/profile.hpp"

namespace prefero::io_detail {

class BallotTable {
 public:
  BallotTable(Profile& p) : p_(p), m_(static_cast<size_t>(p.num_candidates())), slots_(1024, 0) {}

  // Room for about n unique ballots (the caller bounds n, e.g. by the lines left in the file).
  void reserve(size_t n) {
    p_.levels.reserve(n * m_);
    p_.counts.reserve(n);
    hashes_.reserve(n);
    size_t want = slots_.size();
    while (want < 2 * n) want *= 2;
    if (want > slots_.size()) {
      slots_.assign(want / 2, 0);  // grow() doubles it and re-inserts what is there
      grow();
    }
  }

  // Adds `count` voters with this ballot (count 0 adds nothing).
  void add(std::span<const int32_t> levels, int64_t count) {
    if (count == 0) return;
    const uint64_t h = hash(levels);
    size_t i = h & (slots_.size() - 1);
    for (; slots_[i] != 0; i = (i + 1) & (slots_.size() - 1)) {
      const size_t b = slots_[i] - 1;
      if (hashes_[b] == h && (levels.empty() || std::memcmp(p_.levels.data() + b * m_, levels.data(), levels.size_bytes()) == 0)) {
        add_to_total(count);  // counts[b] <= num_voters: no overflow below
        p_.counts[b] += count;
        return;
      }
    }
    const size_t b = p_.counts.size();
    slots_[i] = static_cast<uint32_t>(b + 1);
    hashes_.push_back(h);
    p_.levels.insert(p_.levels.end(), levels.begin(), levels.end());
    add_to_total(count);
    p_.counts.push_back(count);
    if (2 * p_.counts.size() > slots_.size()) grow();
  }

 private:
  void add_to_total(int64_t count) {
    if (__builtin_add_overflow(p_.num_voters, count, &p_.num_voters))
      throw InputError("the ballot counts add up to more than 2^63 - 1");
  }

  static uint64_t hash(std::span<const int32_t> levels) {
    uint64_t h = 0x9E3779B97F4A7C15ULL;
    for (int32_t v : levels) h = (h ^ static_cast<uint32_t>(v)) * 0xFF51AFD7ED558CCDULL;
    return h ^ (h >> 32);
  }
  void grow() {
    std::vector<uint32_t> bigger(slots_.size() * 2, 0);
    for (size_t b = 0; b < hashes_.size(); ++b) {
      size_t i = hashes_[b] & (bigger.size() - 1);
      while (bigger[i] != 0) i = (i + 1) & (bigger.size() - 1);
      bigger[i] = static_cast<uint32_t>(b + 1);
    }
    slots_ = std::move(bigger);
  }

  Profile& p_;
  size_t m_;
  std::vector<uint32_t> slots_;  // unique ballot index + 1; 0 = empty
  std::vector<uint64_t> hashes_;  // hash of unique ballot b
};

}  // namespace prefero::io_detail
