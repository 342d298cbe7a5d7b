// Matchmaking policies and the convergence simulation: structural checks and hand-worked cases.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "core/error.hpp"
#include "rate/matchmaking.hpp"
#include "rate/simulate.hpp"

using namespace prefero;

namespace {

MatchState fresh(size_t n) {
  MatchState s;
  s.num_models = n;
  s.pair_counts.assign(n * n, 0.0);
  return s;
}

TEST(RateMatchmaking, EveryPolicyProposesKDistinctModels) {
  for (const char* name : {"uniform", "weighted", "ucb"}) {
    MatchState s = fresh(6);
    SeededRng rng(1, 0);
    for (int round = 0; round < 50; ++round) {
      const auto m = propose_match(match_policy_from(name), s, 3, rng);
      ASSERT_EQ(m.size(), 3u);
      EXPECT_EQ(std::set<int>(m.begin(), m.end()).size(), 3u) << name;
      for (int x : m) EXPECT_TRUE(x >= 0 && x < 6);
      record_match(s, m);
    }
    EXPECT_DOUBLE_EQ(s.total, 50);
  }
  EXPECT_THROW(match_policy_from("greedy"), InputError);
  MatchState s = fresh(3);
  SeededRng rng(1, 0);
  EXPECT_THROW(propose_match(MatchPolicy::uniform, s, 4, rng), InputError);
}

TEST(RateMatchmaking, WeightedNeverPicksAZeroWeightModel) {
  MatchState s = fresh(4);
  s.weights = {1, 0, 2, 1};
  SeededRng rng(9, 0);
  for (int i = 0; i < 200; ++i) {
    const auto m = propose_match(MatchPolicy::weighted, s, 2, rng);
    EXPECT_TRUE(std::find(m.begin(), m.end(), 1) == m.end());
  }
}

TEST(RateMatchmaking, UcbPivotIsTheLeastComparedModelAndPrefersCloseUnseenRivals) {
  MatchState s = fresh(4);
  record_match(s, {0, 1});
  record_match(s, {0, 1});
  record_match(s, {1, 2});
  record_match(s, {0, 2});
  // counts: 0 -> 3, 1 -> 3, 2 -> 2, 3 -> 0: model 3 is the pivot
  s.skill = {0.0, 0.2, 5.0, 0.05};
  SeededRng rng(2, 0);
  const auto m = propose_match(MatchPolicy::ucb, s, 2, rng);
  EXPECT_TRUE(std::find(m.begin(), m.end(), 3) != m.end());
  // all rivals unseen by 3: same bonus, so the closest skill (model 0, gap 0.05) wins
  EXPECT_TRUE(std::find(m.begin(), m.end(), 0) != m.end());
}

TEST(RateSimulate, KendallTauByHand) {
  EXPECT_DOUBLE_EQ(kendall_tau({3, 2, 1}, {3, 2, 1}), 1.0);
  EXPECT_DOUBLE_EQ(kendall_tau({1, 2, 3}, {3, 2, 1}), -1.0);
  EXPECT_DOUBLE_EQ(kendall_tau({3, 1, 2}, {3, 2, 1}), 1.0 / 3.0);  // 2 concordant, 1 discordant
  EXPECT_DOUBLE_EQ(kendall_tau({1, 1, 1}, {3, 2, 1}), 0.0);
}

TEST(RateSimulate, DeterministicAndBounded) {
  SimulationSettings s;
  s.models = 5;
  s.runs = 5;
  s.max_votes = 400;
  const auto a = simulate_convergence(s, {"uniform", "ucb"});
  const auto b = simulate_convergence(s, {"uniform", "ucb"});
  ASSERT_EQ(a.size(), 2u);
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].votes_tau, b[i].votes_tau);
    EXPECT_EQ(a[i].votes_top1, b[i].votes_top1);
    EXPECT_EQ(a[i].final_mean_tau, b[i].final_mean_tau);
    EXPECT_LE(a[i].votes_tau, 400);
  }
  // an easy problem (2 models far apart) is solved quickly by every policy
  s.models = 2;
  s.spread = 6;
  for (const auto& r : simulate_convergence(s, {"uniform", "weighted", "ucb"})) EXPECT_GT(r.votes_top1, 0);
  s.k = 3;
  EXPECT_THROW(simulate_convergence(s, {"uniform"}), InputError);
}

}  // namespace
