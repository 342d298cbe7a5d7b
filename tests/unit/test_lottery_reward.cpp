// SPO's win-rate reward against the maximal lottery: hand-worked examples and the exact property
// that no candidate's reward exceeds 1/2 against a maximal lottery of complete strict rankings.
#include <gtest/gtest.h>

#include <random>

#include "elect/lottery_reward.hpp"
#include "opt_test_util.hpp"

using namespace prefero;
using namespace prefero::opt_test;

TEST(LotteryReward, RockPaperScissorsGivesOneHalfEach) {
  // a>b>c, b>c>a, c>a>b: lottery 1/3 each. reward(a) = 1/3 (1/2 + 2/3 + 1/3) = 1/2, same for b, c.
  Profile p = strict_profile(3, {{{0, 1, 2}, 1}, {{1, 2, 0}, 1}, {{2, 0, 1}, 1}});
  ElectionResult r = run("maximal_lottery", p);
  EXPECT_EQ(r.explanation["reward"], (json{{"1", "1/2"}, {"2", "1/2"}, {"3", "1/2"}}));
}

TEST(LotteryReward, CondorcetWinnerLotteryRewardsWinRateAgainstIt) {
  // c>a>b x3, a>c>b, b>c>a, c>b>a x2 (7 voters): c beats a 6-1 and b 6-1, so the lottery is c
  // with probability 1 and reward(x) = w(x, c): a 1/7, b 1/7, c 1/2.
  Profile p = strict_profile(3, {{{2, 0, 1}, 3}, {{0, 2, 1}, 1}, {{1, 2, 0}, 1}, {{2, 1, 0}, 2}});
  ElectionResult r = run("maximal_lottery", p);
  ASSERT_EQ(r.winners, std::vector<Cand>{2});
  EXPECT_EQ(r.explanation["reward"], (json{{"1", "1/7"}, {"2", "1/7"}, {"3", "1/2"}}));
}

TEST(LotteryReward, WeightedCycleByHand) {
  // margins a>b 3, b>c 3, c>a 1 over 7 voters; lottery (3, 1, 3)/7 (closed form, see
  // test_maximal_lottery). Win rates: w(a,b) = 5/7, w(b,c) = 5/7, w(c,a) = 4/7.
  // reward(a) = 3/7·1/2 + 1/7·5/7 + 3/7·3/7 = 21/98 + 10/98 + 18/98 = 1/2;
  // reward(b) = 3/7·2/7 + 1/7·1/2 + 3/7·5/7 = 12/98 + 7/98 + 30/98 = 1/2;
  // reward(c) = 3/7·4/7 + 1/7·2/7 + 3/7·1/2 = 24/98 + 4/98 + 21/98 = 1/2.
  Profile p = strict_profile(3, {{{0, 1, 2}, 3}, {{1, 2, 0}, 2}, {{2, 0, 1}, 2}});
  ElectionResult r = run("maximal_lottery", p);
  EXPECT_EQ(r.explanation["reward"], (json{{"1", "1/2"}, {"2", "1/2"}, {"3", "1/2"}}));
}

TEST(LotteryReward, NoCandidateBeatsTheMaximalLottery) {
  std::mt19937 rng(17);
  for (int trial = 0; trial < 30; ++trial) {
    const int m = 3 + static_cast<int>(rng() % 4);
    std::vector<std::pair<std::vector<Cand>, int64_t>> ballots;
    for (int v = 0; v < 5; ++v) {
      std::vector<Cand> order(static_cast<size_t>(m));
      for (int c = 0; c < m; ++c) order[static_cast<size_t>(c)] = c;
      std::shuffle(order.begin(), order.end(), rng);
      ballots.push_back({order, 1 + static_cast<int64_t>(rng() % 3)});
    }
    Profile p = strict_profile(m, ballots);
    ElectionResult r = run("maximal_lottery", p);
    for (const auto& [id, value] : r.explanation["reward"].items()) {
      Rational reward(value.get<std::string>());
      EXPECT_LE(reward, Rational(1, 2)) << id;
    }
    for (const auto& [c, prob] : r.lottery)
      EXPECT_EQ(Rational(r.explanation["reward"][std::to_string(p.id(c))].get<std::string>()), Rational(1, 2));
  }
}
