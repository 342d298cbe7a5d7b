// Approval, score voting, STAR, majority judgement and random dictator on hand-worked examples.
#include "scoring_test_util.hpp"

using namespace prefero;
using namespace prefero::testing_util;

TEST(Approval, TennesseeTopTwo) {
  // Approving each voter's top two cities: Memphis 42, Nashville 68, Chattanooga 58, Knoxville 32.
  auto out = elect("approval", tennessee(), {{"approve_top", "2"}});
  EXPECT_EQ(out.result.winners, (std::vector<Cand>{1}));
  EXPECT_EQ(out.result.explanation["approvals"]["2"], 68);
  EXPECT_EQ(out.result.explanation["approvals"]["4"], 32);
}

TEST(Approval, CategoricalCategoryZeroApproves) {
  ProfileBuilder b(Candidates::numbered(3), BallotKind::categorical);
  b.set_category_names({"yes", "no"});
  b.add_levels(std::vector<int32_t>{0, 1, 0}, 2);
  b.add_levels(std::vector<int32_t>{1, 0, kUnranked}, 3);
  auto out = elect("approval", b.finish());
  EXPECT_EQ(out.result.explanation["approvals"]["1"], 2);
  EXPECT_EQ(out.result.explanation["approvals"]["2"], 3);
  EXPECT_EQ(out.result.winners, (std::vector<Cand>{1}));
}

TEST(Approval, ScoreBallotsWithMinimumGrade) {
  auto p = scores_profile("A,B\n1,0\n1,1\n0,2\n");
  EXPECT_EQ(winners("approval", p), (std::vector<Cand>{0, 1}));
  EXPECT_EQ(winners("approval", p, {{"min_grade", "2"}}), (std::vector<Cand>{1}));
}

namespace {
// A: 5+5+1+(missing) ; B: 3+3+5+2 ; C: (missing)x2 + 4 + 5.
const char* kScores = "count,A,B,C\n2,5,3,\n1,1,5,4\n1,,2,5\n";
}  // namespace

TEST(ScoreVoting, SumOfGivenGrades) {
  // A 11, B 13, C 9
  auto out = elect("score_voting", scores_profile(kScores));
  EXPECT_EQ(out.result.winners, (std::vector<Cand>{1}));
  EXPECT_EQ(out.result.explanation["scores"]["1"], "11");
  EXPECT_EQ(out.result.explanation["scores"]["3"], "9");
  EXPECT_EQ(winners("range", scores_profile(kScores)), (std::vector<Cand>{1}));
}

TEST(ScoreVoting, MeanAndMissingGradePolicies) {
  // mean: A 11/3, B 13/4, C 9/2 -> C
  auto mean = elect("score_voting", scores_profile(kScores), {{"evaluation", "mean"}});
  EXPECT_EQ(mean.result.winners, (std::vector<Cand>{2}));
  EXPECT_EQ(mean.result.explanation["scores"]["1"], "11/3");
  // lowest grade in the profile is 1: A 12, B 13, C 11
  auto lowest = elect("score_voting", scores_profile(kScores), {{"missing_grade", "lowest"}});
  EXPECT_EQ(lowest.result.explanation["scores"]["1"], "12");
  EXPECT_EQ(lowest.result.explanation["scores"]["3"], "11");
}

TEST(ScoreVoting, RankingsAreRejected) {
  EXPECT_THROW(elect("score_voting", tennessee()), InputError);
  EXPECT_THROW(elect("star", tennessee()), InputError);
  EXPECT_THROW(elect("majority_judgement", tennessee()), InputError);
}

TEST(Star, RunoffOverturnsTheScoreLeader) {
  // 4: A5 B4 C0 ; 3: A0 B5 C1. Totals A 20, B 31, C 3; runoff A vs B: 4 prefer A, 3 prefer B.
  auto out = elect("star", scores_profile("count,A,B,C\n4,5,4,0\n3,0,5,1\n"));
  EXPECT_EQ(out.result.winners, (std::vector<Cand>{0}));
  const auto& run = out.result.explanation["runoffs"][0];
  EXPECT_EQ(run["finalists"], (json{2, 1}));
  EXPECT_EQ(run["prefer_first"], 3);
  EXPECT_EQ(run["prefer_second"], 4);
  EXPECT_EQ(winners("score_voting", scores_profile("count,A,B,C\n4,5,4,0\n3,0,5,1\n")), (std::vector<Cand>{1}));
}

TEST(Star, TiedRunoff) {
  // A 5, B 4; one voter each way: pref_voting keeps both, the official tiebreaker takes A.
  auto p = scores_profile("A,B\n5,0\n0,4\n");
  EXPECT_EQ(winners("star", p), (std::vector<Cand>{0, 1}));
  EXPECT_EQ(winners("star", p, {{"runoff_tie", "score"}}), (std::vector<Cand>{0}));
}

TEST(Star, SeveralTiedForTopRunEveryPair) {
  // A, B, C all total 5; A beats B 2-1, B beats C 2-1, C beats A 2-1: each wins one runoff.
  auto p = scores_profile("A,B,C\n3,2,0\n0,3,2\n2,0,3\n");
  EXPECT_EQ(winners("star", p), (std::vector<Cand>{0, 1, 2}));
}

TEST(MajorityJudgement, HighestMedianWins) {
  // A 1,2,3,4,5 (median 3) ; B 2,3,4,4,4 (median 4) ; C 0,1,2,5,5 (median 2)
  auto p = scores_profile("A,B,C\n5,4,1\n4,4,2\n3,2,5\n1,3,5\n2,4,0\n");
  auto out = elect("majority_judgement", p);
  EXPECT_EQ(out.result.winners, (std::vector<Cand>{1}));
  EXPECT_EQ(out.result.explanation["majority_grades"]["1"], 3);
  EXPECT_EQ(out.result.explanation["majority_grades"]["2"], 4);
  EXPECT_EQ(out.result.explanation["majority_grades"]["3"], 2);
}

TEST(MajorityJudgement, MajorityValueBreaksTiesTheGaugeDoesNot) {
  // A 2,3,3,4 and B 1,3,3,5: both have lower median 3. Removing the 3s leaves A {2,4} (median 2)
  // and B {1,5} (median 1): A wins (Balinski & Laraki). The gauge sees one grade above and one
  // below for both (-1/4 each) and keeps the tie.
  auto p = scores_profile("A,B\n2,1\n3,3\n3,3\n4,5\n");
  EXPECT_EQ(winners("majority_judgement", p), (std::vector<Cand>{0}));
  EXPECT_EQ(winners("majority_judgement", p, {{"tie_rule", "gauge"}}), (std::vector<Cand>{0, 1}));
  EXPECT_EQ(winners("majority_judgement", p, {{"tie_rule", "none"}}), (std::vector<Cand>{0, 1}));
}

TEST(MajorityJudgement, HugeCountsNeedNoExpansion) {
  // the tie above with every ballot weighing 10^12 voters: same decision, memory per grade value
  auto p = scores_profile(
      "count,A,B\n1000000000000,2,1\n2000000000000,3,3\n1000000000000,4,5\n");
  EXPECT_EQ(winners("majority_judgement", p), (std::vector<Cand>{0}));
}

TEST(MajorityJudgement, GaugeFavoursMoreProponents) {
  // A 1,3,3,3,4: above 1, below 1 -> -1/5 ; B 2,2,3,4,4: above 2, below 2 -> -2/5 ; A wins.
  auto p = scores_profile("A,B\n1,2\n3,2\n3,3\n3,4\n4,4\n");
  auto out = elect("majority_judgement", p, {{"tie_rule", "gauge"}});
  EXPECT_EQ(out.result.winners, (std::vector<Cand>{0}));
  EXPECT_EQ(out.result.explanation["gauges"]["1"], "-1/5");
  EXPECT_EQ(out.result.explanation["gauges"]["2"], "-2/5");
}

TEST(MajorityJudgement, MissingGradeAsLowest) {
  // ignore: A {4,4,0} median 4 ; B {3,3,3,0} median 3 ; C {5} median 5 -> C.
  // lowest (0): A {0,0,4,4} lower median 0 ; B 3 ; C {0,0,5,0} median 0 -> B.
  auto p = scores_profile("A,B,C\n4,3,\n4,3,\n,3,5\n0,0,\n");
  EXPECT_EQ(winners("majority_judgement", p), (std::vector<Cand>{2}));
  EXPECT_EQ(winners("majority_judgement", p, {{"missing_grade", "lowest"}}), (std::vector<Cand>{1}));
}

TEST(RandomDictator, TennesseeLotteryIsFirstPlaceShares) {
  auto out = elect("random_dictator", tennessee());
  ASSERT_EQ(out.result.lottery.size(), 4u);
  EXPECT_EQ(out.result.lottery[0].second, Rational(21, 50));
  EXPECT_EQ(out.result.lottery[1].second, Rational(13, 50));
  EXPECT_EQ(out.result.lottery[2].second, Rational(3, 20));
  EXPECT_EQ(out.result.lottery[3].second, Rational(17, 100));
  EXPECT_EQ(out.result.winners, (std::vector<Cand>{0, 1, 2, 3}));
}

TEST(RandomDictator, TiedTopSplitsAndEmptyBallotsDrop) {
  // {a,b} > c ; c ; empty: a 1/4, b 1/4, c 1/2
  auto out = elect("random_dictator", ranking_profile(3, {{1, {{0, 1}, {2}}}, {1, {{2}}}, {1, {}}}));
  EXPECT_EQ(out.result.explanation["lottery"]["1"], "1/4");
  EXPECT_EQ(out.result.explanation["lottery"]["3"], "1/2");
}
