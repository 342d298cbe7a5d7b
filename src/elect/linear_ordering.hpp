#pragma once
// Exact minimum-cost linear ordering by dynamic programming over subsets, shared by the rules
// that pick the rankings closest to the pairwise data (Kemeny-Young, Slater).
// Cost of a ranking = sum, over every pair with a placed above b, of penalty(b, a)
// (the weight of "b over a" that the ranking overrules).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/candidates.hpp"

namespace prefero {

// Largest candidate set the subset DP accepts (2^20 table entries, 8 MiB).
inline constexpr int kMaxLinearOrderingCandidates = 20;

struct LinearOrderingResult {
  int64_t optimal_cost = 0;
  std::vector<Cand> first_places;     // every candidate that tops some optimal ranking (ascending)
  std::vector<Cand> one_optimal;      // one optimal ranking, best first
};

// Exact optimum over all rankings of `cands`. `penalty(b, a)` is the cost of placing a above b.
// `rule` names the caller in the InputError thrown when `cands` has more than
// kMaxLinearOrderingCandidates members. Among optimal rankings, `one_optimal` is the
// lexicographically smallest by candidate index.
LinearOrderingResult min_cost_linear_ordering(const CandidateSet& cands, const std::function<int64_t(Cand, Cand)>& penalty,
                                              const std::string& rule);

// Cost of a given ranking (best first) under `penalty`.
int64_t linear_ordering_cost(const std::vector<Cand>& ranking, const std::function<int64_t(Cand, Cand)>& penalty);

}  // namespace prefero
