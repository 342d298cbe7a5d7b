#pragma once
// Pieces every consensus method shares: the cost parameters, the cost matrix built from them,
// and the result of a ranking (cost, lower bound, proven optimal when the cost meets the bound).
#include <string>
#include <vector>

#include "consensus/pair_costs.hpp"
#include "registry/params.hpp"

namespace prefero {

// unranked, split_tie_cost, tie_cost.
std::vector<ParamSpec> consensus_cost_params();
PairCosts costs_of(const Profile& p, const CandidateSet& cands, const Params& params);
// Result for a ranking produced by a heuristic: its Kemeny cost, the pairwise lower bound
// (strict output: cheaper order of each pair; with ties also the tie cost), and
// proven_optimal when they meet.
ConsensusResult heuristic_result(const PairCosts& pc, const LocalRanking& r);
// Candidate positions of each ballot restricted to `cands` (1-based, tied candidates share the
// average position; unranked: tied_last = average of the remaining positions, incomparable = -1).
std::vector<std::vector<double>> ballot_positions(const Profile& p, const CandidateSet& cands, Unranked unranked);

}  // namespace prefero
