// Bucklin, Simplified Bucklin and Weighted Bucklin on hand-worked examples.
#include "scoring_test_util.hpp"

using namespace prefero;
using namespace prefero::testing_util;

TEST(Bucklin, TennesseeNashvilleWinsInRoundTwo) {
  // Wikipedia "Bucklin voting": no majority (51) of first choices; with second choices
  // Memphis 42, Nashville 68, Chattanooga 58, Knoxville 32.
  auto out = elect("bucklin", tennessee());
  EXPECT_EQ(out.result.winners, (std::vector<Cand>{1}));
  const auto& ex = out.result.explanation;
  EXPECT_EQ(ex["threshold"], "51");
  EXPECT_EQ(ex["decided_in_round"], 2);
  EXPECT_EQ(ex["rounds"][0]["scores"]["1"], "42");
  EXPECT_EQ(ex["rounds"][1]["scores"]["2"], "68");
  EXPECT_EQ(ex["rounds"][1]["scores"]["3"], "58");
  EXPECT_EQ(ex["rounds"][1]["scores"]["4"], "32");
}

TEST(SimplifiedBucklin, EveryMajorityCandidateWins) {
  // Nashville (68) and Chattanooga (58) both pass 51 in round two.
  EXPECT_EQ(winners("simplified_bucklin", tennessee()), (std::vector<Cand>{1, 2}));
}

TEST(Bucklin, TruncatedBallotsAndEmptyBallots) {
  // 2: a ; 2: b > c ; 1: c > b ; 2 empty. Empty ballots are left out: majority of 5 = 3.
  // Round 1: a 2, b 2, c 1. Round 2: a 2, b 3, c 3.
  auto p = ranking_profile(3, {{2, {{0}}}, {2, {{1}, {2}}}, {1, {{2}, {1}}}, {2, {}}});
  auto out = elect("bucklin", p);
  EXPECT_EQ(out.result.explanation["threshold"], "3");
  EXPECT_EQ(out.result.winners, (std::vector<Cand>{1, 2}));
}

TEST(Bucklin, NoMajorityEverFallsBackToHighestScore) {
  // 1: a ; 1: b ; 1: c — three voters, majority 2, nobody ever reaches it.
  auto p = ranking_profile(3, {{1, {{0}}}, {1, {{1}}}, {1, {{2}}}});
  auto out = elect("simplified_bucklin", p);
  EXPECT_EQ(out.result.winners, (std::vector<Cand>{0, 1, 2}));
  EXPECT_FALSE(out.result.explanation["threshold_reached"].get<bool>());
}

TEST(Bucklin, TiedClassesCountTogether) {
  // 2: {a,b} > c ; 1: c > a > b. Majority 2: round 1 a 2, b 2, c 1 -> a, b.
  auto p = ranking_profile(3, {{2, {{0, 1}, {2}}}, {1, {{2}, {0}, {1}}}});
  EXPECT_EQ(winners("bucklin", p), (std::vector<Cand>{0, 1}));
}

TEST(WeightedBucklin, TennesseeWeightsTwoThirdsForSecondPlaces) {
  // weights 1, 2/3, 1/3, 0; threshold 50. Round 1: nobody. Round 2: Nashville 26 + 42*2/3 = 54.
  auto out = elect("weighted_bucklin", tennessee());
  EXPECT_EQ(out.result.winners, (std::vector<Cand>{1}));
  EXPECT_EQ(out.result.explanation["threshold"], "50");
  EXPECT_EQ(out.result.explanation["rounds"][1]["scores"]["2"], "54");
  EXPECT_EQ(out.result.explanation["rounds"][1]["scores"]["3"], "131/3");  // 15 + 43 * 2/3
}

TEST(WeightedBucklin, ExactTieOfPrefVotingCase2956) {
  // pref_voting case 2956: 2: 1>3>2>0 ; 2: 2>0>3>1 ; 1: 3>0>2>1 (candidates 0..3). Threshold 5/2.
  // Round 2: 3 has 1 + 2*(2/3) = 7/3, 0 has 3*(2/3) = 2: nobody. Round 3: 2 has 2 + 3*(1/3) = 3,
  // 3 has 7/3 + 2*(1/3) = 3: an exact tie (pref_voting's floats give {2}).
  auto p = ranking_profile(4, {{2, {{1}, {3}, {2}, {0}}}, {2, {{2}, {0}, {3}, {1}}}, {1, {{3}, {0}, {2}, {1}}}});
  auto out = elect("weighted_bucklin", p);
  EXPECT_EQ(out.result.winners, (std::vector<Cand>{2, 3}));
  EXPECT_EQ(out.result.explanation["decided_in_round"], 3);
  EXPECT_EQ(out.result.explanation["rounds"][2]["scores"]["3"], "3");
  EXPECT_EQ(out.result.explanation["rounds"][2]["scores"]["4"], "3");
}

TEST(WeightedBucklin, StrictThreshold) {
  auto out = elect("weighted_bucklin", tennessee(), {{"strict_threshold", "true"}});
  EXPECT_EQ(out.result.explanation["threshold"], "51");
  EXPECT_EQ(out.result.winners, (std::vector<Cand>{1}));
}
