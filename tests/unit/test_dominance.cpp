// Smith and Schwartz sets on hand-worked majority graphs.
#include <gtest/gtest.h>

#include "elect/dominance.hpp"

using namespace prefero;

namespace {
// support from a list of (winner, loser, margin) edges
PairwiseMatrix graph(int m, std::initializer_list<std::tuple<int, int, int>> edges) {
  PairwiseMatrix s(m);
  for (auto [a, b, w] : edges) s.at(a, b) = w;
  return s;
}
}  // namespace

TEST(Dominance, CycleAboveACondorcetLoser) {
  // 0>1>2>0 cycle, all beat 3
  auto s = graph(4, {{0, 1, 1}, {1, 2, 1}, {2, 0, 1}, {0, 3, 1}, {1, 3, 1}, {2, 3, 1}});
  auto all = all_candidates(4);
  EXPECT_EQ(smith_set(s, all), (CandidateSet{0, 1, 2}));
  EXPECT_EQ(schwartz_set(s, all), (CandidateSet{0, 1, 2}));
  EXPECT_FALSE(condorcet_winner(s, all).has_value());
  EXPECT_EQ(condorcet_loser(s, all), 3);
}

TEST(Dominance, TiesSeparateSmithFromSchwartz) {
  // 0 beats 2, 0 ties 1, 1 ties 2: Smith = {0,1,2}; Schwartz: 2 is beaten by 0 and cannot reach back.
  auto s = graph(3, {{0, 2, 1}});
  auto all = all_candidates(3);
  EXPECT_EQ(smith_set(s, all), (CandidateSet{0, 1, 2}));
  EXPECT_EQ(schwartz_set(s, all), (CandidateSet{0, 1}));
  EXPECT_EQ(weak_condorcet_winners(s, all), (std::vector<Cand>{0, 1}));
}
