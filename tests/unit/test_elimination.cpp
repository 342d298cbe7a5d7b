// Iterative elimination rules on hand-worked examples: Wikipedia's Tennessee capital election,
// the 2009 Burlington mayoral election (PrefLib 00005), pref_voting's docstring profiles worked
// by hand, and the tie conventions (simultaneous / fixed / put).
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/profile.hpp"
#include "io/read.hpp"
#include "registry/registry.hpp"

using namespace prefero;

namespace {

using Tiers = std::vector<std::vector<Cand>>;
using ParamMap = std::map<std::string, std::string>;

Profile profile(int m, const std::vector<std::pair<Tiers, int64_t>>& ballots) {
  ProfileBuilder b(Candidates::numbered(m), BallotKind::ranking);
  for (const auto& [tiers, count] : ballots) b.add_tiers(tiers, count);
  return b.finish();
}

// Strict rankings given as lists of candidate indices, best first.
Profile linear(int m, const std::vector<std::pair<std::vector<Cand>, int64_t>>& ballots) {
  std::vector<std::pair<Tiers, int64_t>> tiers;
  for (const auto& [order, count] : ballots) {
    Tiers t;
    for (Cand c : order) t.push_back({c});
    tiers.emplace_back(t, count);
  }
  return profile(m, tiers);
}

ElectOutcome run(const std::string& rule, const Profile& p, const ParamMap& params = {}) {
  return run_elect(require_method(rule), p, params);
}

std::vector<Cand> winners(const std::string& rule, const Profile& p, const ParamMap& params = {}) {
  return run(rule, p, params).result.winners;
}

// Tennessee capital (Wikipedia, "Instant-runoff voting" / "Coombs' method" / "Condorcet method"):
// 0 Memphis, 1 Nashville, 2 Chattanooga, 3 Knoxville; 42/26/15/17 voters.
Profile tennessee() {
  return linear(4, {{{0, 1, 2, 3}, 42}, {{1, 2, 3, 0}, 26}, {{2, 3, 1, 0}, 15}, {{3, 2, 1, 0}, 17}});
}

constexpr Cand kNashville = 1, kKnoxville = 3;

const char* const kRules[] = {"instant_runoff", "coombs", "baldwin", "strict_nanson", "weak_nanson", "benham",
                              "tideman_alternative_smith", "tideman_alternative_schwartz", "woodall", "condorcet_irv",
                              "smith_irv", "bottom_two_runoff_instant_runoff", "plurality_with_runoff", "knockout",
                              "raynaud", "iterated_removal_cl", "daunou", "blacks", "borda_minimax_faceoff"};

}  // namespace

TEST(Elimination, TennesseeInstantRunoffElectsKnoxville) {
  auto out = run("instant_runoff", tennessee());
  EXPECT_EQ(out.result.winners, std::vector<Cand>{kKnoxville});
  // Wikipedia's rounds: Chattanooga (15) out, then Nashville (26 against Knoxville's 32), then
  // Knoxville has 58 of 100.
  const auto& rounds = out.result.explanation["rounds"];
  ASSERT_EQ(rounds.size(), 3u);
  EXPECT_EQ(rounds[0]["scores"], (json{{"1", 42}, {"2", 26}, {"3", 15}, {"4", 17}}));
  EXPECT_EQ(rounds[0]["eliminated"], json::array({3}));
  EXPECT_EQ(rounds[1]["scores"], (json{{"1", 42}, {"2", 26}, {"4", 32}}));
  EXPECT_EQ(rounds[1]["eliminated"], json::array({2}));
  EXPECT_EQ(rounds[2]["scores"], (json{{"1", 42}, {"4", 58}}));
}

TEST(Elimination, TennesseeCoombsEliminatesMemphisThenNashvilleHasAMajority) {
  auto out = run("coombs", tennessee());
  EXPECT_EQ(out.result.winners, std::vector<Cand>{kNashville});
  const auto& rounds = out.result.explanation["rounds"];
  ASSERT_EQ(rounds.size(), 2u);
  EXPECT_EQ(rounds[0]["scores"]["last_places"]["1"], 58);  // Memphis last for 26 + 15 + 17
  EXPECT_EQ(rounds[0]["eliminated"], json::array({1}));
  EXPECT_EQ(rounds[1]["scores"]["first_places"]["2"], 68);  // 42 + 26
}

TEST(Elimination, TennesseeCondorcetWinnerNashvilleWinsTheCondorcetConsistentRules) {
  // Nashville beats every city head to head (68-32, 58-42, 68-32).
  for (const char* rule : {"baldwin", "strict_nanson", "weak_nanson", "benham", "condorcet_irv", "smith_irv",
                           "tideman_alternative_smith", "tideman_alternative_schwartz", "woodall", "blacks",
                           "daunou", "bottom_two_runoff_instant_runoff", "raynaud", "iterated_removal_cl",
                           "borda_minimax_faceoff", "knockout"})
    EXPECT_EQ(winners(rule, tennessee()), std::vector<Cand>{kNashville}) << rule;
  // plurality with runoff: Memphis 42 and Nashville 26 meet; Nashville wins 58-42.
  EXPECT_EQ(winners("plurality_with_runoff", tennessee()), std::vector<Cand>{kNashville});
}

TEST(Elimination, TennesseeBaldwinAndNansonRoundsByHand) {
  // Borda (3-2-1-0): Memphis 126, Nashville 194, Chattanooga 173, Knoxville 107.
  auto b = run("baldwin", tennessee());
  const auto& r0 = b.result.explanation["rounds"][0];
  EXPECT_EQ(r0["scores"], (json{{"1", 126}, {"2", 194}, {"3", 173}, {"4", 107}}));
  EXPECT_EQ(r0["eliminated"], json::array({4}));
  // without Knoxville: Memphis 84, Nashville 126, Chattanooga 90 -> Memphis out
  EXPECT_EQ(b.result.explanation["rounds"][1]["scores"], (json{{"1", 84}, {"2", 126}, {"3", 90}}));
  EXPECT_EQ(b.result.explanation["rounds"][1]["eliminated"], json::array({1}));
  // Nanson: average 150, Memphis and Knoxville are below it and go together.
  auto n = run("strict_nanson", tennessee());
  EXPECT_EQ(n.result.explanation["rounds"][0]["scores"]["average"], "150");
  EXPECT_EQ(n.result.explanation["rounds"][0]["eliminated"], json::array({1, 4}));
}

TEST(Elimination, TennesseePluralityWithRunoffNamesItsRunoff) {
  auto out = run("plurality_with_runoff", tennessee());
  ASSERT_EQ(out.result.explanation["runoffs"].size(), 1u);
  EXPECT_EQ(out.result.explanation["runoffs"][0]["pair"], json::array({1, 2}));
  EXPECT_EQ(out.result.explanation["runoffs"][0]["margin"], -16);  // Memphis 42 - Nashville 58
}

// pref_voting's instant_runoff_tb / _put docstring profile: three voters, three first places.
TEST(Elimination, ThreeWayFirstPlaceTieUnderEachTieConvention) {
  Profile p = linear(3, {{{1, 2, 0}, 1}, {{2, 1, 0}, 1}, {{0, 1, 2}, 1}});
  EXPECT_EQ(winners("instant_runoff", p), (std::vector<Cand>{0, 1, 2}));  // all tied: all win
  // fixed removes the tied candidate listed first: 0 (lowest id), then 1 has 2 of 3.
  EXPECT_EQ(winners("instant_runoff", p, {{"elimination_ties", "fixed"}}), std::vector<Cand>{1});
  EXPECT_EQ(winners("instant_runoff", p, {{"elimination_ties", "fixed"}, {"tie_break_order", "2,3,1"}}),
            std::vector<Cand>{2});
  // put: removing 0 -> 1 wins; removing 1 -> 2 wins; removing 2 -> 1 wins.
  auto put = run("instant_runoff", p, {{"elimination_ties", "put"}});
  EXPECT_EQ(put.result.winners, (std::vector<Cand>{1, 2}));
  EXPECT_EQ(put.result.explanation["universes_visited"], 4);  // {0,1,2} and its three 2-subsets
}

// pref_voting's coombs_tb docstring profile, worked by hand: every candidate is last for 2 of 6.
TEST(Elimination, CoombsTieForLastPlace) {
  Profile p = linear(3, {{{2, 0, 1}, 1}, {{0, 2, 1}, 1}, {{1, 0, 2}, 1}, {{2, 1, 0}, 2}, {{0, 1, 2}, 1}});
  EXPECT_EQ(winners("coombs", p), (std::vector<Cand>{0, 1, 2}));
  EXPECT_EQ(winners("coombs", p, {{"elimination_ties", "fixed"}}), std::vector<Cand>{2});
  EXPECT_EQ(winners("coombs", p, {{"elimination_ties", "fixed"}, {"tie_break_order", "3,2,1"}}),
            std::vector<Cand>{0});
  EXPECT_EQ(winners("coombs", p, {{"elimination_ties", "put"}}), (std::vector<Cand>{0, 1, 2}));
}

// pref_voting's baldwin_put docstring profile, worked by hand: Borda 8, 5, 5.
TEST(Elimination, BaldwinTieForLowestBorda) {
  Profile p = linear(3, {{{1, 2, 0}, 1}, {{0, 1, 2}, 3}, {{2, 0, 1}, 2}});
  EXPECT_EQ(winners("baldwin", p), std::vector<Cand>{0});  // 1 and 2 leave together
  EXPECT_EQ(winners("baldwin", p, {{"elimination_ties", "put"}}), (std::vector<Cand>{0, 2}));
  EXPECT_EQ(winners("baldwin", p, {{"elimination_ties", "fixed"}}), std::vector<Cand>{2});
}

TEST(Elimination, ParallelUniversesAreMemoizedOnTheRemainingSet) {
  // 12 candidates, 12 voters: the cyclic rotations of 0 > 1 > ... > 11. Rotating the candidates
  // maps the profile onto itself, so the PUT winners are all 12 (a nonempty rotation-invariant
  // set); every Borda tie branches, which 12! orders could not enumerate but 2^12 sets can.
  const int m = 12;
  std::vector<std::pair<std::vector<Cand>, int64_t>> ballots;
  for (int r = 0; r < m; ++r) {
    std::vector<Cand> order;
    for (int i = 0; i < m; ++i) order.push_back((r + i) % m);
    ballots.emplace_back(order, 1);
  }
  Profile p = linear(m, ballots);
  auto out = run("baldwin", p, {{"elimination_ties", "put"}});
  EXPECT_EQ(out.result.winners.size(), 12u);
  EXPECT_LE(out.result.explanation["universes_visited"].get<int>(), 1 << m);
  EXPECT_EQ(winners("instant_runoff", p, {{"elimination_ties", "put"}}).size(), 12u);
}

TEST(Elimination, InstantRunoffPutDropsCandidatesWithNoFirstPlaceAtOnce) {
  // 40 candidates, 3 voters with different favourites: 37 candidates have no first place; the
  // three favourites then tie and each survives some universe. 0 > 1 > 2 > ..., 1 > 2 > 0 > ...,
  // 2 > 0 > 1 > ...: removing 0 -> 1 wins (2 of 3), removing 1 -> 2, removing 2 -> 0.
  const int m = 40;
  std::vector<std::pair<std::vector<Cand>, int64_t>> ballots;
  for (std::vector<Cand> head : {std::vector<Cand>{0, 1, 2}, {1, 2, 0}, {2, 0, 1}}) {
    for (Cand c = 3; c < m; ++c) head.push_back(c);
    ballots.emplace_back(head, 1);
  }
  Profile p = linear(m, ballots);
  auto out = run("instant_runoff", p, {{"elimination_ties", "put"}});
  EXPECT_EQ(out.result.winners, (std::vector<Cand>{0, 1, 2}));
  EXPECT_EQ(out.result.explanation["universes_visited"], 5);  // all 40, {0,1,2}, its three pairs
}

TEST(Elimination, WoodallSmithIrvAndTidemanDifferOnACycleWithAStrongOutsider) {
  // a(0) > b(1) 9-4, b > c(2) 10-3, c > a 7-6; d(3) loses to each 4-9 but has 4 first places.
  Profile p = linear(4, {{{3, 0, 1, 2}, 4}, {{0, 1, 2, 3}, 2}, {{1, 2, 0, 3}, 4}, {{2, 0, 1, 3}, 3}});
  // Smith-IRV on {a, b, c}: a 6, b 4, c 3 -> c out, a 9 of 13.
  EXPECT_EQ(winners("smith_irv", p), std::vector<Cand>{0});
  // Tideman (Smith): c out of the Smith set {a, b, c}; then a beats b and d.
  EXPECT_EQ(winners("tideman_alternative_smith", p), std::vector<Cand>{0});
  // Instant runoff over everyone: a (2) out, then c (3), then b 9 - d 4.
  EXPECT_EQ(winners("instant_runoff", p), std::vector<Cand>{1});
  // Woodall: the same count; once c is out, b is the only Smith member left.
  auto w = run("woodall", p);
  EXPECT_EQ(w.result.winners, std::vector<Cand>{1});
  EXPECT_EQ(w.result.explanation["smith_set"], json::array({1, 2, 3}));
  EXPECT_EQ(w.result.explanation["rounds"].size(), 3u);
  // Benham: after a is out, b beats c and d.
  EXPECT_EQ(winners("benham", p), std::vector<Cand>{1});
}

TEST(Elimination, StrictAndWeakNansonDifferOnACandidateAtTheAverage) {
  // a>b>c, b>c>a: Borda a 2, b 3, c 1, average 2.
  Profile p = linear(3, {{{0, 1, 2}, 1}, {{1, 2, 0}, 1}});
  EXPECT_EQ(winners("strict_nanson", p), (std::vector<Cand>{0, 1}));  // then a, b tie 1-1
  EXPECT_EQ(winners("weak_nanson", p), std::vector<Cand>{1});
}

TEST(Elimination, TruncatedBallotsAreExhaustedInInstantRunoff) {
  // 4 bullet votes for 0, 3 x 1 > 2, 2 bullet votes for 2, 3 x 3 > 1. Round 1: 2 has the fewest
  // first places (2) and goes; its bullet voters are exhausted (they do not move to anyone).
  Profile p = profile(4, {{{{0}}, 4}, {{{1}, {2}}, 3}, {{{2}}, 2}, {{{3}, {1}}, 3}});
  auto out = run("instant_runoff", p);
  const auto& rounds = out.result.explanation["rounds"];
  EXPECT_EQ(rounds[0]["eliminated"], json::array({3}));
  // Then 0: 4, 1: 3, 3: 3 -> 1 and 3 tie and leave together: 0 alone.
  EXPECT_EQ(rounds[1]["eliminated"], json::array({2, 4}));
  EXPECT_EQ(out.result.winners, std::vector<Cand>{0});
}

TEST(Elimination, TiedTopTiersFollowTopTies) {
  // 3 voters 0=1 > 2, 2 voters 2 > 0, 2 voters 1 > 2.
  Profile p = profile(3, {{{{0, 1}, {2}}, 3}, {{{2}, {0}}, 2}, {{{1}, {2}}, 2}});
  // split: 0 1.5, 1 3.5, 2 2 -> 0 out; then 1: 5 of 7.
  EXPECT_EQ(winners("instant_runoff", p), std::vector<Cand>{1});
  // ignore: 0 0, 1 2, 2 2 -> 0 out; then 1: 3 + 2 = 5.
  EXPECT_EQ(winners("instant_runoff", p, {{"top_ties", "ignore"}}), std::vector<Cand>{1});
  // whole: 0 3, 1 5, 2 2 -> 1 is ranked first (tied or not) on 5 of 7 ballots: a majority.
  EXPECT_EQ(winners("instant_runoff", p, {{"top_ties", "whole"}}), std::vector<Cand>{1});
}

TEST(Elimination, PluralityWithRunoffTiedLeadersMeetPairwise) {
  // 0, 1, 2 have 2 first places each; 0 beats 1, 1 beats 2, 2 beats 0 (4-2 each).
  Profile p = linear(3, {{{0, 1, 2}, 2}, {{1, 2, 0}, 2}, {{2, 0, 1}, 2}});
  auto out = run("plurality_with_runoff", p);
  EXPECT_EQ(out.result.winners, (std::vector<Cand>{0, 1, 2}));
  EXPECT_EQ(out.result.explanation["runoffs"].size(), 3u);
}

TEST(Elimination, BottomTwoRunoffRemovesTheHeadToHeadLoser) {
  // First places: 0 5, 1 4, 2 3. Bottom two 2 and 1: 2 beats 1 8-4, so 1 (id 2) is out;
  // then 0 beats 2 9-3.
  Profile p = linear(3, {{{0, 2, 1}, 5}, {{1, 0, 2}, 4}, {{2, 0, 1}, 3}});
  auto out = run("bottom_two_runoff_instant_runoff", p);
  EXPECT_EQ(out.result.winners, std::vector<Cand>{0});
  EXPECT_EQ(out.result.explanation["rounds"][0]["eliminated"], json::array({2}));
}

TEST(Elimination, IteratedRemovalOfCondorcetLosersStopsAtACycle) {
  // 0 > 1 > 2 > 0 cycle (3 voters), 3 ranked last by all: 3 is removed, then no loser.
  Profile p = linear(4, {{{0, 1, 2, 3}, 1}, {{1, 2, 0, 3}, 1}, {{2, 0, 1, 3}, 1}});
  auto out = run("iterated_removal_cl", p);
  EXPECT_EQ(out.result.winners, (std::vector<Cand>{0, 1, 2}));
  EXPECT_EQ(out.result.explanation["condorcet_losers_removed"], json::array({4}));
  // Daunou then elects the plurality winners of the cycle: all three (1 first place each).
  EXPECT_EQ(winners("daunou", p), (std::vector<Cand>{0, 1, 2}));
}

TEST(Elimination, UnknownEliminationTiesValueIsAnInputError) {
  EXPECT_THROW(run("instant_runoff", tennessee(), {{"elimination_ties", "random"}}), InputError);
  EXPECT_THROW(run("woodall", tennessee(), {{"elimination_ties", "put"}}), InputError);
}

TEST(Elimination, SingleCandidateWins) {
  Profile p = linear(1, {{{0}, 3}});
  for (const char* rule : kRules) EXPECT_EQ(winners(rule, p), std::vector<Cand>{0}) << rule;
}

// Burlington, Vermont, 2009 mayoral election (PrefLib 00005-00000002.toi): 1 Kiss, 2 Montroll,
// 3 Simpson, 4 Smith, 5 Wright, 6 write-in. Kiss won the instant runoff although Montroll beat
// every other candidate head to head (Wikipedia, "2009 Burlington mayoral election").
TEST(Elimination, Burlington2009KissWinsInstantRunoffMontrollIsTheCondorcetWinner) {
  Profile p = read_profile(std::string(PREFERO_SHARED_DIR) + "/refdata/preflib/datasets/00005-burlington/00005-00000002.toi");
  const Cand kiss = *p.candidates.find_id(1), montroll = *p.candidates.find_id(2);
  for (const char* ties : {"split", "whole", "ignore"})
    EXPECT_EQ(winners("instant_runoff", p, {{"top_ties", ties}}), std::vector<Cand>{kiss}) << ties;
  // Official first round (ballots with a tied top counted for nobody): Kiss 2585, Montroll 2063,
  // Simpson 35, Smith 1306, Wright 2951, write-ins 36; Montroll is out with 2554 in round 3.
  auto out = run("instant_runoff", p, {{"top_ties", "ignore"}});
  const auto& rounds = out.result.explanation["rounds"];
  EXPECT_EQ(rounds[0]["scores"], (json{{"1", 2585}, {"2", 2063}, {"3", 35}, {"4", 1306}, {"5", 2951}, {"6", 36}}));
  ASSERT_EQ(rounds.size(), 5u);
  EXPECT_EQ(rounds[3]["scores"]["2"], 2554);
  EXPECT_EQ(rounds[3]["eliminated"], json::array({2}));
  for (const char* rule : {"condorcet_irv", "smith_irv", "benham", "woodall", "tideman_alternative_smith", "blacks"})
    EXPECT_EQ(winners(rule, p), std::vector<Cand>{montroll}) << rule;
}
