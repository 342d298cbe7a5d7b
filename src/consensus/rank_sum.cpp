// Streaming rank-sum (Borda) aggregation, FRL's server vote (see rank_sum.hpp).
#include "consensus/rank_sum.hpp"

#include <algorithm>
#include <numeric>
#include <string>

#include "core/error.hpp"

namespace prefero {

RankSumAccumulator::RankSumAccumulator(uint32_t items)
    : items_(items), sums_(items, 0), seen_((static_cast<size_t>(items) + 63) / 64, 0) {
  if (items == 0) throw InputError("rank-sum aggregation needs at least one item");
}

void RankSumAccumulator::count_voter() {
  // Every sum stays <= voters * (n - 1): refuse the vote that could overflow 64 bits.
  if (static_cast<uint64_t>(voters_ + 1) > UINT64_MAX / std::max<uint64_t>(1, items_ - 1))
    throw InputError("rank-sum aggregation: too many voters for 64-bit sums");
  ++voters_;
}

// Mozaffari et al. 2023, FRL_Vote: A(e) = Σ_u position of e in u's ascending ranking.
void RankSumAccumulator::add_ascending_ranking(std::span<const uint32_t> ascending) {
  if (ascending.size() != items_)
    throw InputError("a ranking must list all " + std::to_string(items_) + " items, got " +
                     std::to_string(ascending.size()));
  for (uint32_t p = 0; p < items_; ++p) {
    const uint32_t e = ascending[p];
    if (e >= items_ || (seen_[e >> 6] >> (e & 63) & 1)) {
      std::fill(seen_.begin(), seen_.end(), 0);
      throw InputError("the ranking is not a permutation: item " + std::to_string(e) + " at position " +
                       std::to_string(p) + (e >= items_ ? " is out of range" : " appears twice"));
    }
    seen_[e >> 6] |= uint64_t{1} << (e & 63);
  }
  std::fill(seen_.begin(), seen_.end(), 0);
  count_voter();
  for (uint32_t p = 0; p < items_; ++p) sums_[ascending[p]] += p;
}

void RankSumAccumulator::add_positions(std::span<const uint32_t> position) {
  if (position.size() != items_)
    throw InputError("a vote must give the position of all " + std::to_string(items_) + " items, got " +
                     std::to_string(position.size()));
  for (uint32_t e = 0; e < items_; ++e) {
    const uint32_t p = position[e];
    if (p >= items_ || (seen_[p >> 6] >> (p & 63) & 1)) {
      std::fill(seen_.begin(), seen_.end(), 0);
      throw InputError("the positions are not a permutation: item " + std::to_string(e) + " has position " +
                       std::to_string(p) + (p >= items_ ? " (out of range)" : " (taken twice)"));
    }
    seen_[p >> 6] |= uint64_t{1} << (p & 63);
  }
  std::fill(seen_.begin(), seen_.end(), 0);
  count_voter();
  for (uint32_t e = 0; e < items_; ++e) sums_[e] += position[e];
}

std::vector<uint32_t> RankSumAccumulator::top_k(uint32_t k) const {
  k = std::min(k, items_);
  std::vector<uint32_t> ids(items_);
  std::iota(ids.begin(), ids.end(), 0u);
  auto better = [&](uint32_t a, uint32_t b) { return sums_[a] != sums_[b] ? sums_[a] > sums_[b] : a < b; };
  std::nth_element(ids.begin(), ids.begin() + k, ids.end(), better);
  ids.resize(k);
  std::sort(ids.begin(), ids.end(), better);
  return ids;
}

std::vector<uint32_t> RankSumAccumulator::global_ascending() const {
  std::vector<uint32_t> ids(items_);
  std::iota(ids.begin(), ids.end(), 0u);
  std::sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) { return sums_[a] != sums_[b] ? sums_[a] < sums_[b] : a < b; });
  return ids;
}

}  // namespace prefero
