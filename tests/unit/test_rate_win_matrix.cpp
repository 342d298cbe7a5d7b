// rate/win_matrix: the win and tie matrices, with K-wise rankings counted as their implied pairs
// (KwisePairs::implied). Expected matrices are counted by hand from the comparisons below.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "rate/win_matrix.hpp"

namespace prefero {
namespace {

Comparisons four_models() {
  Comparisons c;
  c.models = {"m0", "m1", "m2", "m3"};
  PairRow p;
  p.a = 0, p.b = 1, p.outcome = Outcome::a_wins, p.count = 2;
  c.pairs.push_back(p);
  p.a = 1, p.b = 2, p.outcome = Outcome::tie, p.count = 1;
  c.pairs.push_back(p);
  c.rankings.push_back(KwiseRow{{{2}, {0, 3}, {1}}, 1});  // 2 > {0 = 3} > 1
  c.rankings.push_back(KwiseRow{{{1}, {2}}, 3});          // 1 > 2, three times; 0 and 3 left out
  return c;
}

TEST(RateWinMatrix, KwiseRankingsCountAsTheirImpliedPairs) {
  const WinTie m = win_tie_matrices(four_models(), "test", KwisePairs::implied);
  ASSERT_EQ(m.n, 4u);
  // By hand: W[0][1] = 2 (battles) + 1 (ranking 1); ranking 1 also gives 2 > 0, 2 > 3, 2 > 1,
  // 3 > 1 and the tie 0 = 3; ranking 2 gives 1 > 2 three times; the battle tie gives 1 = 2.
  const double W[4][4] = {{0, 3, 0, 0}, {0, 0, 3, 0}, {1, 1, 0, 1}, {0, 1, 0, 0}};
  const double T[4][4] = {{0, 0, 0, 1}, {0, 0, 1, 0}, {0, 1, 0, 0}, {1, 0, 0, 0}};
  for (size_t i = 0; i < 4; ++i)
    for (size_t j = 0; j < 4; ++j) {
      EXPECT_EQ(m.w(i, j), W[i][j]) << i << " " << j;
      EXPECT_EQ(m.t(i, j), T[i][j]) << i << " " << j;
    }
}

TEST(RateWinMatrix, PairwiseModelsStillRefuseRankingsByDefault) {
  Comparisons c = four_models();
  c.pairs.clear();
  EXPECT_THROW(win_tie_matrices(c, "test"), InputError);
  EXPECT_NO_THROW(win_tie_matrices(c, "test", KwisePairs::implied));
  // With battles present the default ignores the rankings (as before the K-wise convention).
  const WinTie m = win_tie_matrices(four_models(), "test");
  EXPECT_EQ(m.w(0, 1), 2);
  EXPECT_EQ(m.w(1, 2), 0);
}

TEST(RateWinMatrix, RankingsNamingUnknownModelsOrBadCountsAreInputErrors) {
  Comparisons c = four_models();
  c.rankings.push_back(KwiseRow{{{0}, {4}}, 1});
  EXPECT_THROW(win_tie_matrices(c, "test", KwisePairs::implied), InputError);
  c = four_models();
  c.rankings.push_back(KwiseRow{{{0}, {-1}}, 1});
  EXPECT_THROW(win_tie_matrices(c, "test", KwisePairs::implied), InputError);
  c = four_models();
  c.rankings[0].count = -1;
  EXPECT_THROW(win_tie_matrices(c, "test", KwisePairs::implied), InputError);
}

}  // namespace
}  // namespace prefero
