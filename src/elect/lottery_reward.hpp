#pragma once
// Each candidate's win rate against a lottery: the reward Self-Play Preference Optimization gives a
// sample (its proportion of wins against other samples of the current policy). Swamy, Dann, Kidambi,
// Wu and Agarwal, "A minimaximalist approach to reinforcement learning from human feedback", ICML 2024.
//
//   reward(x) = Σ_y p(y) · w(x, y),   w(x, y) = N[x][y] / (N[x][y] + N[y][x]),
//
// with w(x, y) = 1/2 when no voter compares x and y, and w(x, x) = 1/2 (a sample against an equal
// sample is a tie). Exact rationals. Against a maximal lottery of complete strict rankings every
// reward is at most 1/2, with equality on the lottery's support (no candidate beats it).
#include <vector>

#include "core/pairwise.hpp"
#include "core/profile.hpp"
#include "core/rational.hpp"
#include "core/result.hpp"

namespace prefero {

// lottery[i] = probability of cands[i]; returns reward[i] for cands[i].
std::vector<Rational> lottery_win_rate_reward(const PairwiseMatrix& support, const CandidateSet& cands,
                                              const std::vector<Rational>& lottery);

// The same as a JSON object {external id: "p/q"} for the rule explanations.
json lottery_reward_json(const Profile& p, const PairwiseMatrix& support, const CandidateSet& cands,
                         const std::vector<Rational>& lottery);

}  // namespace prefero
