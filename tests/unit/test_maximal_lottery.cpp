// Maximal lotteries: known closed forms (cycles), Condorcet winners, non-unique cases, and an
// exact check that the returned lottery is maximal on random profiles.
#include <gtest/gtest.h>

#include <random>

#include "opt_test_util.hpp"

using namespace prefero;
using namespace prefero::opt_test;

namespace {

std::vector<std::pair<Cand, Rational>> lottery(std::initializer_list<std::pair<Cand, Rational>> l) { return l; }

}  // namespace

TEST(MaximalLottery, ThreeCycleIsUniform) {
  Profile p = strict_profile(3, {{{0, 1, 2}, 1}, {{1, 2, 0}, 1}, {{2, 0, 1}, 1}});
  ElectionResult r = run("maximal_lottery", p);
  EXPECT_EQ(r.winners, (std::vector<Cand>{0, 1, 2}));
  EXPECT_EQ(r.lottery, lottery({{0, Rational(1, 3)}, {1, Rational(1, 3)}, {2, Rational(1, 3)}}));
  EXPECT_EQ(r.explanation["unique"], true);
}

TEST(MaximalLottery, WeightedRockPaperScissors) {
  // margins a>b 3, b>c 3, c>a 1. For a cycle with margins x = m(a,b), y = m(b,c), z = m(c,a) the
  // maximal lottery is (y, z, x) / (x + y + z) (each candidate weighted by the margin of the pair
  // it is not part of) = (3, 1, 3) / 7.
  Profile p = strict_profile(3, {{{0, 1, 2}, 3}, {{1, 2, 0}, 2}, {{2, 0, 1}, 2}});
  ElectionResult r = run("maximal_lottery", p);
  EXPECT_EQ(r.lottery, lottery({{0, Rational(3, 7)}, {1, Rational(1, 7)}, {2, Rational(3, 7)}}));
  EXPECT_EQ(r.explanation["lottery"], (json{{"1", "3/7"}, {"2", "1/7"}, {"3", "3/7"}}));
}

TEST(MaximalLottery, CondorcetWinnerGetsProbabilityOne) {
  Profile p = strict_profile(4, {{{2, 0, 1, 3}, 3}, {{0, 2, 3, 1}, 2}, {{1, 2, 3, 0}, 2}});
  ElectionResult r = run("maximal_lottery", p);
  EXPECT_EQ(r.winners, std::vector<Cand>{2});
  EXPECT_EQ(r.lottery, lottery({{2, Rational(1)}}));
}

TEST(MaximalLottery, SignMatrixIsC1MaximalLottery) {
  // With only the majority relation the weighted cycle above becomes the plain 3-cycle.
  Profile p = strict_profile(3, {{{0, 1, 2}, 3}, {{1, 2, 0}, 2}, {{2, 0, 1}, 2}});
  ElectionResult r = run("maximal_lottery", p, {{"matrix", "sign"}});
  EXPECT_EQ(r.lottery, lottery({{0, Rational(1, 3)}, {1, Rational(1, 3)}, {2, Rational(1, 3)}}));
}

TEST(MaximalLottery, NonUniqueIsResolvedLexicographicallyByTieBreakOrder) {
  // a and b tie head to head and both beat c: every mix of a and b is maximal.
  Profile p = strict_profile(3, {{{0, 1, 2}, 1}, {{1, 0, 2}, 1}});
  ElectionResult r = run("maximal_lottery", p);
  EXPECT_EQ(r.explanation["unique"], false);
  EXPECT_EQ(r.explanation["possible_support"], json::array({1, 2}));
  EXPECT_EQ(r.lottery, lottery({{0, Rational(1)}}));
  ElectionResult r2 = run("maximal_lottery", p, {{"tie_break_order", "2"}});
  EXPECT_EQ(r2.lottery, lottery({{1, Rational(1)}}));
}

TEST(MaximalLottery, ExactlyMaximalOnRandomProfiles) {
  std::mt19937 rng(99);
  for (int trial = 0; trial < 40; ++trial) {
    int m = 3 + trial % 5;
    int voters = 1 + static_cast<int>(rng() % 12);
    Profile p = profile_of(m, random_rankings(m, voters, rng));
    ElectionResult r = run("maximal_lottery", p);
    Rational total = 0;
    std::vector<Rational> prob(static_cast<size_t>(m));
    for (const auto& [c, q] : r.lottery) {
      EXPECT_GT(q, 0);
      prob[c] = q;
      total += q;
    }
    EXPECT_EQ(total, 1) << "trial " << trial;
    for (Cand y = 0; y < m; ++y) {  // no pure candidate beats the lottery in expectation
      Rational value = 0;
      for (Cand x = 0; x < m; ++x) value += prob[x] * Rational(static_cast<long>(p.support_ranked.margin(x, y)));
      EXPECT_GE(value, 0) << "trial " << trial << " against " << y;
    }
    if (voters % 2 == 1) {
      EXPECT_EQ(r.explanation["unique"], true) << "odd electorates have a unique maximal lottery";
    }
  }
}

TEST(MaximalLottery, RestrictedToOneCandidate) {
  Profile p = strict_profile(3, {{{0, 1, 2}, 1}, {{1, 2, 0}, 1}, {{2, 0, 1}, 1}});
  const MethodInfo& rule = require_method("maximal_lottery");
  ElectionResult r = rule.elect(p, {1}, resolve_params("maximal_lottery", rule.params, {}));
  EXPECT_EQ(r.winners, std::vector<Cand>{1});
  EXPECT_EQ(r.lottery, lottery({{1, Rational(1)}}));
}
