// Borda, Dowdall, anti-plurality, positive-negative voting and Superior Voting on hand-worked
// examples (Tennessee from Wikipedia; tie/truncation cases worked out in the comments).
#include "scoring_test_util.hpp"

using namespace prefero;
using namespace prefero::testing_util;

TEST(Borda, TennesseeCapital) {
  // Wikipedia "Borda count": Nashville 194, Chattanooga 173, Memphis 126, Knoxville 107.
  auto out = elect("borda", tennessee());
  EXPECT_EQ(out.result.winners, (std::vector<Cand>{1}));
  const auto& s = out.result.explanation["borda_scores"];
  EXPECT_EQ(s["1"], "126");
  EXPECT_EQ(s["2"], "194");
  EXPECT_EQ(s["3"], "173");
  EXPECT_EQ(s["4"], "107");
}

TEST(Borda, CondorcetPhpBaseOneAddsOnePointPerVoter) {
  auto out = elect("borda", tennessee(), {{"base", "1"}});
  EXPECT_EQ(out.result.explanation["borda_scores"]["2"], "294");
  EXPECT_EQ(out.result.explanation["borda_scores"]["4"], "207");
}

TEST(Borda, SymmetricVariantOnTennessee) {
  // below - above per voter = 2 * classical - 3 per voter: Memphis 252 - 300, Nashville 388 - 300.
  auto out = elect("borda", tennessee(), {{"borda_variant", "symmetric"}});
  EXPECT_EQ(out.result.winners, (std::vector<Cand>{1}));
  EXPECT_EQ(out.result.explanation["borda_scores"]["1"], "-48");
  EXPECT_EQ(out.result.explanation["borda_scores"]["2"], "88");
}

namespace {
// 2 x {a,b} > c ; 1 x c > a (b unranked)
Profile tied_and_truncated() { return ranking_profile(3, {{2, {{0, 1}, {2}}}, {1, {{2}, {0}}}}); }
}  // namespace

TEST(Borda, TiedCandidatesShareTheirPositionsPoints) {
  // positional, base 0: {a,b} share (2+1)/2 = 3/2 each (x2 = 3); second ballot c 2, a 1, b 0.
  auto out = elect("borda", tied_and_truncated());
  EXPECT_EQ(out.result.explanation["borda_scores"]["1"], "4");
  EXPECT_EQ(out.result.explanation["borda_scores"]["2"], "3");
  EXPECT_EQ(out.result.explanation["borda_scores"]["3"], "2");
  EXPECT_EQ(out.result.winners, (std::vector<Cand>{0}));
}

TEST(Borda, FractionsAreExact) {
  // a > {b, c}: b and c share positions 2 and 3: (1 + 0) / 2.
  auto out = elect("borda", ranking_profile(3, {{1, {{0}, {1, 2}}}}));
  EXPECT_EQ(out.result.explanation["borda_scores"]["2"], "1/2");
  EXPECT_EQ(out.result.explanation["borda_scores"]["3"], "1/2");
}

TEST(Borda, CondorcetPhpImplicitAndExplicitModes) {
  // base 1: {a,b} get (3+2)/2 = 5/2 each (x2 = 5), c 1 (x2 = 2); second ballot c 3, a 2 and
  // unranked b the last position's 1 (implicit) or 0 (explicit).
  auto implicit = elect("borda", tied_and_truncated(), {{"base", "1"}});
  EXPECT_EQ(implicit.result.explanation["borda_scores"]["1"], "7");
  EXPECT_EQ(implicit.result.explanation["borda_scores"]["2"], "6");
  EXPECT_EQ(implicit.result.explanation["borda_scores"]["3"], "5");
  auto expl = elect("borda", tied_and_truncated(), {{"base", "1"}, {"unranked_points", "zero"}});
  EXPECT_EQ(expl.result.explanation["borda_scores"]["2"], "5");
}

TEST(Borda, ModifiedBordaCountsOnlyRankedPositions) {
  // base 1 (Wikipedia's modified Borda count): ballot 1 ranks 3: {a,b} = 1 + 1 + 1/2, c = 1;
  // ballot 2 ranks 2: c 2, a 1, b 0. Totals a 6, b 5, c 4.
  auto out = elect("borda", tied_and_truncated(), {{"borda_variant", "modified"}, {"base", "1"}});
  EXPECT_EQ(out.result.explanation["borda_scores"]["1"], "6");
  EXPECT_EQ(out.result.explanation["borda_scores"]["2"], "5");
  EXPECT_EQ(out.result.explanation["borda_scores"]["3"], "4");
}

TEST(Borda, PrefVotingTieVariants) {
  // extended preferences (unranked below ranked). Ballot 1 (x2): a,b: above 0, below 1, tied 1;
  // c: above 2. Ballot 2: c above 0 below 2; a above 1 below 1; b above 2 below 0.
  auto p = tied_and_truncated();
  auto score = [&](const std::string& v, const char* id) {
    return elect("borda", p, {{"borda_variant", v}}).result.explanation["borda_scores"][id].get<std::string>();
  };
  EXPECT_EQ(score("symmetric", "1"), "2");      // 2*(1-0) + (1-1)
  EXPECT_EQ(score("symmetric", "3"), "-2");     // 2*(0-2) + (2-0)
  EXPECT_EQ(score("domination", "1"), "3");     // 2*1 + 1
  EXPECT_EQ(score("domination", "2"), "2");     // 2*1 + 0
  EXPECT_EQ(score("weak_domination", "1"), "8");  // 2*(1+1+1) + (1+0+1)
  EXPECT_EQ(score("non_domination", "2"), "-2");  // 2*0 - 2
  EXPECT_EQ(score("non_domination", "3"), "-4");  // 2*(-2) - 0
}

TEST(Borda, BaseWithAPrefVotingVariantIsAnError) {
  EXPECT_THROW(elect("borda", tennessee(), {{"borda_variant", "symmetric"}, {"base", "1"}}), InputError);
}

TEST(Borda, RestrictedToACandidateSubset) {
  // Without Memphis: N>C>K (68), C>K>N (15), K>C>N (17): Nashville 68*2 = 136,
  // Chattanooga 68 + 15*2 + 17 = 115.
  Params params = resolve_params("borda", require_method("borda").params, {});
  auto r = require_method("borda").elect(tennessee(), {1, 2, 3}, params);
  EXPECT_EQ(r.explanation["borda_scores"]["2"], "136");
  EXPECT_EQ(r.explanation["borda_scores"]["3"], "115");
  EXPECT_FALSE(r.explanation["borda_scores"].contains("1"));
}

TEST(Dowdall, TennesseeExactFractions) {
  // Memphis 42 + 58/4 = 113/2; Nashville 42/2 + 26 + 15/3 + 17/3 = 173/3;
  // Chattanooga 42/3 + 26/2 + 15 + 17/2 = 101/2; Knoxville 42/4 + 26/3 + 15/2 + 17 = 131/3.
  auto out = elect("dowdall", tennessee());
  EXPECT_EQ(out.result.winners, (std::vector<Cand>{1}));
  const auto& s = out.result.explanation["dowdall_scores"];
  EXPECT_EQ(s["1"], "113/2");
  EXPECT_EQ(s["2"], "173/3");
  EXPECT_EQ(s["3"], "101/2");
  EXPECT_EQ(s["4"], "131/3");
}

TEST(Dowdall, TiedTopSharesFirstAndSecondPlacePoints) {
  auto out = elect("dowdall", ranking_profile(3, {{1, {{0, 1}, {2}}}}));
  EXPECT_EQ(out.result.explanation["dowdall_scores"]["1"], "3/4");
  EXPECT_EQ(out.result.explanation["dowdall_scores"]["3"], "1/3");
}

TEST(AntiPlurality, TennesseeVetoesMemphisAndKnoxville) {
  // last places: Memphis 26+15+17 = 58, Knoxville 42, Nashville and Chattanooga 0.
  auto out = elect("anti_plurality", tennessee());
  EXPECT_EQ(out.result.winners, (std::vector<Cand>{1, 2}));
  EXPECT_EQ(out.result.explanation["last_place_scores"]["1"], "58");
  EXPECT_EQ(out.result.explanation["last_place_scores"]["4"], "42");
}

TEST(AntiPlurality, UnrankedCandidatesShareTheLastPlace) {
  // a (b, c unranked: 1/2 veto each) ; c > b > a (a vetoed): a 1, b 1/2, c 1/2
  auto out = elect("anti_plurality", ranking_profile(3, {{1, {{0}}}, {1, {{2}, {1}, {0}}}}));
  EXPECT_EQ(out.result.explanation["last_place_scores"]["1"], "1");
  EXPECT_EQ(out.result.explanation["last_place_scores"]["2"], "1/2");
  EXPECT_EQ(out.result.winners, (std::vector<Cand>{1, 2}));
}

TEST(PositiveNegativeVoting, Tennessee) {
  // Memphis 42 - 58, Nashville 26, Chattanooga 15, Knoxville 17 - 42
  auto out = elect("positive_negative_voting", tennessee());
  EXPECT_EQ(out.result.winners, (std::vector<Cand>{1}));
  EXPECT_EQ(out.result.explanation["positive_negative_scores"]["1"], "-16");
  EXPECT_EQ(out.result.explanation["positive_negative_scores"]["4"], "-25");
}

TEST(SuperiorVoting, TennesseeCondorcetWinnerCollectsEveryFirstPlace) {
  // Nashville beats all: 26 + 42 + 15 + 17 = 100; Chattanooga beats Memphis and Knoxville:
  // 15 + 42 + 17 = 74; Knoxville beats Memphis: 17 + 42 = 59; Memphis 42.
  auto out = elect("superior_voting", tennessee());
  EXPECT_EQ(out.result.winners, (std::vector<Cand>{1}));
  const auto& s = out.result.explanation["points"];
  EXPECT_EQ(s["1"], "42");
  EXPECT_EQ(s["2"], "100");
  EXPECT_EQ(s["3"], "74");
  EXPECT_EQ(s["4"], "59");
}

TEST(SuperiorVoting, BeatenCandidateWithoutFirstPlacesGivesNothing) {
  // 2: a > b > c ; 2: c > b > a ; 1: b > a > c. b is the Condorcet winner (3-2 over a and c):
  // b = 1 + 2 + 2 = 5 ; a beats c (3-2): 2 + 2 = 4 ; c 2.
  auto p = ranking_profile(3, {{2, {{0}, {1}, {2}}}, {2, {{2}, {1}, {0}}}, {1, {{1}, {0}, {2}}}});
  auto out = elect("superior_voting", p);
  EXPECT_EQ(out.result.winners, (std::vector<Cand>{1}));
  EXPECT_EQ(out.result.explanation["points"]["1"], "4");
  EXPECT_EQ(out.result.explanation["points"]["2"], "5");
}
