// Subset dynamic program for the linear ordering problem (Held-Karp style):
// best(S) = min over f in S of [penalty of putting f above all of S \ {f}] + best(S \ {f}).
#include "elect/linear_ordering.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>

#include "core/error.hpp"

namespace prefero {

namespace {

// above_cost(f, T) = sum over y in T of penalty(y, f), looked up in two half-width tables so that
// each (subset, candidate) step is O(1).
struct AboveCostTable {
  int low_bits = 0;
  std::vector<std::vector<int64_t>> low, high;  // [f][mask of the low / high half]

  AboveCostTable(const std::vector<std::vector<int64_t>>& w, int k) {
    low_bits = k / 2;
    const int high_bits = k - low_bits;
    low.assign(k, std::vector<int64_t>(size_t{1} << low_bits, 0));
    high.assign(k, std::vector<int64_t>(size_t{1} << high_bits, 0));
    for (int f = 0; f < k; ++f) {
      fill(low[f], w, f, 0, low_bits);
      fill(high[f], w, f, low_bits, high_bits);
    }
  }
  static void fill(std::vector<int64_t>& table, const std::vector<std::vector<int64_t>>& w, int f, int offset, int bits) {
    for (size_t mask = 1; mask < (size_t{1} << bits); ++mask) {
      int y = std::countr_zero(mask);
      table[mask] = table[mask & (mask - 1)] + w[static_cast<size_t>(y + offset)][static_cast<size_t>(f)];
    }
  }
  int64_t operator()(int f, uint32_t set) const {
    const uint32_t low_mask = (uint32_t{1} << low_bits) - 1;
    return low[f][set & low_mask] + high[f][set >> low_bits];
  }
};

}  // namespace

LinearOrderingResult min_cost_linear_ordering(const CandidateSet& cands, const std::function<int64_t(Cand, Cand)>& penalty,
                                              const std::string& rule) {
  const int k = static_cast<int>(cands.size());
  if (k > kMaxLinearOrderingCandidates)
    throw InputError(fmt::format("{}: the exact method (dynamic programming over subsets) supports at most {} "
                                 "candidates, got {}; restrict the candidate set",
                                 rule, kMaxLinearOrderingCandidates, k));
  LinearOrderingResult r;
  if (k == 0) return r;
  std::vector<std::vector<int64_t>> w(k, std::vector<int64_t>(k, 0));  // w[y][f] = penalty(y, f) = cost of f above y
  for (int y = 0; y < k; ++y)
    for (int f = 0; f < k; ++f)
      if (y != f) w[y][f] = penalty(cands[y], cands[f]);
  AboveCostTable above(w, k);

  const uint32_t full = (uint32_t{1} << k) - 1;
  std::vector<int64_t> best(size_t{full} + 1, 0);
  for (uint32_t set = 1; set <= full; ++set) {
    int64_t b = INT64_MAX;
    for (uint32_t rest = set; rest != 0; rest &= rest - 1) {
      int f = std::countr_zero(rest);
      uint32_t others = set & ~(uint32_t{1} << f);
      b = std::min(b, above(f, others) + best[others]);
    }
    best[set] = b;
  }
  r.optimal_cost = best[full];
  auto tops = [&](int f, uint32_t set) {
    uint32_t others = set & ~(uint32_t{1} << f);
    return above(f, others) + best[others] == best[set];
  };
  for (int f = 0; f < k; ++f)
    if (tops(f, full)) r.first_places.push_back(cands[f]);
  for (uint32_t set = full; set != 0;) {
    int f = 0;
    while (!((set >> f) & 1u) || !tops(f, set)) ++f;
    r.one_optimal.push_back(cands[f]);
    set &= ~(uint32_t{1} << f);
  }
  std::sort(r.first_places.begin(), r.first_places.end());
  return r;
}

int64_t linear_ordering_cost(const std::vector<Cand>& ranking, const std::function<int64_t(Cand, Cand)>& penalty) {
  int64_t cost = 0;
  for (size_t i = 0; i < ranking.size(); ++i)
    for (size_t j = i + 1; j < ranking.size(); ++j) cost += penalty(ranking[j], ranking[i]);
  return cost;
}

}  // namespace prefero
