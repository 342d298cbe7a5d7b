// Streaming rank-sum (FRL's server vote): hand-worked example, brute-force oracle, bad votes.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>

#include "consensus/rank_sum.hpp"
#include "core/error.hpp"

using namespace prefero;

TEST(RankSum, HandWorkedFrlVote) {
  // 4 items, 3 voters, rankings from least to most important:
  //   u1: 0 1 2 3   u2: 1 0 3 2   u3: 3 0 1 2
  // positions: item0 0+1+1 = 2, item1 1+0+2 = 3, item2 2+3+3 = 8, item3 3+2+0 = 5.
  RankSumAccumulator acc(4);
  acc.add_ascending_ranking(std::vector<uint32_t>{0, 1, 2, 3});
  acc.add_ascending_ranking(std::vector<uint32_t>{1, 0, 3, 2});
  acc.add_positions(std::vector<uint32_t>{1, 2, 3, 0});  // u3 given as positions of items 0..3
  EXPECT_EQ(acc.sums(), (std::vector<uint64_t>{2, 3, 8, 5}));
  EXPECT_EQ(acc.top_k(2), (std::vector<uint32_t>{2, 3}));
  EXPECT_EQ(acc.global_ascending(), (std::vector<uint32_t>{0, 1, 3, 2}));
  EXPECT_EQ(acc.voters(), 3);
}

TEST(RankSum, TiesBreakBySmallerItemId) {
  RankSumAccumulator acc(3);
  acc.add_ascending_ranking(std::vector<uint32_t>{0, 1, 2});
  acc.add_ascending_ranking(std::vector<uint32_t>{2, 1, 0});  // all sums 2
  EXPECT_EQ(acc.top_k(3), (std::vector<uint32_t>{0, 1, 2}));
  EXPECT_EQ(acc.top_k(10).size(), 3u);
}

TEST(RankSum, MatchesBordaOfTheFullProfile) {
  std::mt19937 rng(3);
  const uint32_t n = 9;
  RankSumAccumulator acc(n);
  std::vector<std::vector<uint32_t>> votes;
  for (int v = 0; v < 25; ++v) {
    std::vector<uint32_t> r(n);
    std::iota(r.begin(), r.end(), 0u);
    std::shuffle(r.begin(), r.end(), rng);
    votes.push_back(r);
    acc.add_ascending_ranking(r);
  }
  // Oracle: Borda = number of (voter, other item) pairs the item beats.
  for (uint32_t e = 0; e < n; ++e) {
    uint64_t beats = 0;
    for (const auto& r : votes) {
      const auto pe = std::find(r.begin(), r.end(), e) - r.begin();
      for (uint32_t f = 0; f < n; ++f)
        if (f != e && std::find(r.begin(), r.end(), f) - r.begin() < pe) ++beats;
    }
    EXPECT_EQ(acc.sums()[e], beats);
  }
  std::vector<uint32_t> top = acc.top_k(4);
  for (size_t i = 1; i < top.size(); ++i) EXPECT_GE(acc.sums()[top[i - 1]], acc.sums()[top[i]]);
  for (uint32_t e = 0; e < n; ++e)
    if (std::find(top.begin(), top.end(), e) == top.end()) {
      EXPECT_LE(acc.sums()[e], acc.sums()[top.back()]);
    }
}

TEST(RankSum, RejectsVotesThatAreNotPermutationsAndKeepsState) {
  RankSumAccumulator acc(3);
  EXPECT_THROW(acc.add_ascending_ranking(std::vector<uint32_t>{0, 0, 2}), InputError);
  EXPECT_THROW(acc.add_ascending_ranking(std::vector<uint32_t>{0, 1, 3}), InputError);
  EXPECT_THROW(acc.add_ascending_ranking(std::vector<uint32_t>{0, 1}), InputError);
  EXPECT_THROW(acc.add_positions(std::vector<uint32_t>{2, 2, 0}), InputError);
  EXPECT_EQ(acc.voters(), 0);
  acc.add_ascending_ranking(std::vector<uint32_t>{2, 0, 1});  // the scratch set was cleared
  EXPECT_EQ(acc.sums(), (std::vector<uint64_t>{1, 2, 0}));
}
