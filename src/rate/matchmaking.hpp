#pragma once
// Matchmaking: which K models should be compared next, given what has been seen so far.
//   uniform  - K distinct models uniformly at random;
//   weighted - FastChat's get_battle_pair: model 1 drawn with probability proportional to its
//              sampling weight, each rival likewise among the rest, sides shuffled;
//   ucb      - K-Sort Arena's active policy: pivot = the model compared least (ties: lowest
//              index), opponents = the K-1 models with the largest
//              UCB_q = -|s_pivot - s_q| + alpha sqrt(2 ln(t) / n_pivot,q),
//              s = current skill in natural-log odds units, t = comparisons so far.
#include <string>
#include <vector>

#include "rate/seeded_rng.hpp"

namespace prefero {

enum class MatchPolicy { uniform, weighted, ucb };

MatchPolicy match_policy_from(const std::string& name);  // InputError for an unknown name

struct MatchState {
  size_t num_models = 0;
  std::vector<double> pair_counts;  // n x n, symmetric: comparisons of i with j
  std::vector<double> skill;        // natural-log odds units (empty = all equal)
  std::vector<double> weights;      // sampling weights for `weighted` (empty = all 1)
  double total = 0;                 // comparisons so far (t)
  double alpha = 1.0;               // exploration weight of `ucb`
};

// The next comparison: k distinct model indices (2 <= k <= num_models).
std::vector<int> propose_match(MatchPolicy policy, const MatchState& state, int k, SeededRng& rng);

// Records one comparison among `models` (every pair among them gets one more count).
void record_match(MatchState& state, const std::vector<int>& models);

}  // namespace prefero
