#pragma once
// Rank-aggregation heuristics on pairwise costs (strict orders unless said otherwise). Every
// function is deterministic for a given seed.
#include <chrono>
#include <cstdint>
#include <vector>

#include "consensus/pair_costs.hpp"

namespace prefero {

using Clock = std::chrono::steady_clock;

// Borda with fractional ties: score(a) = sum_b strict(a, b) + 1/2 * tied(a, b) voters.
std::vector<double> borda_scores(const PairCosts& pc, const Profile& p, Unranked unranked);
// Copeland: wins + 1/2 ties of the pairwise majority (by strict weights).
std::vector<double> copeland_scores(const PairCosts& pc);
// Strict order sorted by score, ties broken by local index (lower first).
std::vector<int> order_by_score(const std::vector<double>& score);

// Insertion local search ("LocalKemeny", Schalekamp & van Zuylen 2009): move one candidate to
// its best position while that lowers the Kemeny cost. Stops at a local optimum or `deadline`.
std::vector<int> insertion_local_search(const PairCosts& pc, std::vector<int> order,
                                        Clock::time_point deadline = Clock::time_point::max());

// KwikSort / FAS-Pivot (Ailon, Charikar, Newman, JACM 2008): random pivot, candidates the
// majority puts above the pivot go left, the others right, recurse. One run.
std::vector<int> kwiksort(const PairCosts& pc, uint64_t seed);

// BioConsert (Cohen-Boulakia, Denise, Hamel, SSDBM 2011): local search over rankings with ties
// (move one element into another tier or into a new tier), from a given start.
LocalRanking bioconsert_from(const PairCosts& pc, LocalRanking start,
                             Clock::time_point deadline = Clock::time_point::max());

// Best strict ranking found by Borda, Copeland and `restarts` KwikSort runs, each improved by
// insertion local search (the exact solver's warm start).
std::vector<int> best_heuristic_order(const PairCosts& pc, int restarts, uint64_t seed,
                                      Clock::time_point deadline = Clock::time_point::max());

}  // namespace prefero
