#pragma once
// Pairwise costs of a consensus ranking under the generalized Kendall distance (Fagin et al.,
// PODS 2004; corankco's scoring scheme B/T restricted to its common settings):
//   consensus puts a strictly above b: every voter with b over a costs 1, every voter who tied a
//   and b costs `split_tie_cost` (corankco B[2]);
//   consensus ties a and b: every voter who ordered a and b strictly costs `tie_cost` (T[0]=T[1]).
// Unranked candidates follow the profile's `unranked` convention (incomparable: the pair costs
// nothing; tied_last: unranked below ranked, unranked pairs tied).
// Costs are indexed by LOCAL index 0..n-1 of the candidate set `cands`.
#include <vector>

#include "consensus/consensus.hpp"
#include "core/profile.hpp"

namespace prefero {

struct TieCosts {
  double split_tie_cost = 0.0;  // consensus orders a pair that a voter tied
  double tie_cost = 1.0;        // consensus ties a pair that a voter ordered
};

struct PairCosts {
  int n = 0;
  CandidateSet cands;              // local index -> candidate
  std::vector<double> before_;     // [i*n+j] cost of i strictly above j
  std::vector<double> tied_;       // [i*n+j] cost of i tied with j (symmetric)
  std::vector<double> strict_;     // [i*n+j] weight of voters with i strictly over j
  bool complete_strict = false;    // every voter ranks every candidate strictly (3/4 rule applies)
  double total_weight = 0;         // number of voters

  double before(int i, int j) const { return before_[static_cast<size_t>(i) * static_cast<size_t>(n) + static_cast<size_t>(j)]; }
  double tied(int i, int j) const { return tied_[static_cast<size_t>(i) * static_cast<size_t>(n) + static_cast<size_t>(j)]; }
  double strict(int i, int j) const { return strict_[static_cast<size_t>(i) * static_cast<size_t>(n) + static_cast<size_t>(j)]; }
};

PairCosts pair_costs(const Profile& p, const CandidateSet& cands, Unranked unranked, TieCosts tc);
// Builds costs straight from a matrix of strict weights (strict[i][j] = voters with i over j) and
// tied weights; used by tests and by callers that already hold pairwise counts.
PairCosts pair_costs_from_matrix(const std::vector<std::vector<double>>& strict,
                                 const std::vector<std::vector<double>>& ties, TieCosts tc);

using LocalRanking = std::vector<std::vector<int>>;  // tiers of local indices, best first

double kemeny_cost(const PairCosts& pc, const LocalRanking& r);
double kemeny_cost(const PairCosts& pc, const std::vector<int>& order);  // strict order
// Sum over pairs of the cheapest pair cost: a lower bound on every ranking's cost (strict
// rankings only, or also tied pairs when `allow_ties`).
double pairwise_lower_bound(const PairCosts& pc, bool allow_ties);

// Local tiers -> Ranking of candidates (each tier ascending).
Ranking to_ranking(const PairCosts& pc, const LocalRanking& r);
LocalRanking singleton_tiers(const std::vector<int>& order);
// Tiers from scores (higher first; equal scores share a tier).
LocalRanking tiers_by_score(const std::vector<double>& score);

}  // namespace prefero
