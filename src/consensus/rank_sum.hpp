#pragma once
// Streaming rank-sum (Borda) aggregation of many voters' full rankings of many items: the server
// vote of Federated Rank Learning (Mozaffari, Shejwalkar and Houmansadr, "Every vote counts:
// ranking-based training of federated learning to resist poisoning attacks", USENIX Security 2023).
// Each voter sends a ranking of all n items from least to most important; an item's reputation in
// it is its position (0 = least important); the aggregate is the sum of reputations, and the
// global model keeps the top-k items. Memory is O(n) whatever the number of voters: one 64-bit sum
// per item plus an n-bit scratch set to check that each ranking is a permutation.
#include <cstdint>
#include <span>
#include <vector>

namespace prefero {

class RankSumAccumulator {
 public:
  explicit RankSumAccumulator(uint32_t items);

  // One voter's ranking as FRL's clients send it: ascending[p] = the item at position p, from the
  // least (p = 0) to the most important. InputError unless it is a permutation of 0..n-1.
  void add_ascending_ranking(std::span<const uint32_t> ascending);
  // The same vote given as each item's position (reputation): position[item] in 0..n-1, distinct.
  void add_positions(std::span<const uint32_t> position);

  uint32_t items() const { return items_; }
  int64_t voters() const { return voters_; }
  // sum[item] = Σ over voters of the item's position (FRL's A(e)).
  const std::vector<uint64_t>& sums() const { return sums_; }

  // The k items with the largest rank sum, best first; equal sums: smaller item id first.
  std::vector<uint32_t> top_k(uint32_t k) const;
  // All items by ascending rank sum, like FRL's argsort(A); equal sums: smaller item id first.
  std::vector<uint32_t> global_ascending() const;

 private:
  void count_voter();
  uint32_t items_;
  int64_t voters_ = 0;
  std::vector<uint64_t> sums_;
  std::vector<uint64_t> seen_;  // bit set, cleared after every vote
};

}  // namespace prefero
