// Majority-graph (C1) rules on hand-worked examples: Wikipedia's Tennessee capital election,
// the Condorcet paradox, and small majority graphs built with McGarvey's construction.
#include <gtest/gtest.h>

#include "unit/c1_test_support.hpp"

using namespace prefero;
using namespace prefero::c1test;

namespace {

// Wikipedia, "Condorcet method" / "Copeland's method": Memphis 42, Nashville 26,
// Chattanooga 15, Knoxville 17 (candidates 0 = M, 1 = N, 2 = C, 3 = K).
Profile tennessee() {
  ProfileBuilder b(Candidates::numbered(4), BallotKind::ranking);
  b.add_tiers({{0}, {1}, {2}, {3}}, 42);
  b.add_tiers({{1}, {2}, {3}, {0}}, 26);
  b.add_tiers({{2}, {3}, {1}, {0}}, 15);
  b.add_tiers({{3}, {2}, {1}, {0}}, 17);
  return b.finish();
}

Profile paradox() {
  ProfileBuilder b(Candidates::numbered(3), BallotKind::ranking);
  b.add_tiers({{0}, {1}, {2}}, 1);
  b.add_tiers({{1}, {2}, {0}}, 1);
  b.add_tiers({{2}, {0}, {1}}, 1);
  return b.finish();
}

// a > b > d > c > a plus a > d and b > c (a = 0, b = 1, c = 2, d = 3). Worked by hand:
// dominators D(a) = {c}, D(b) = {a}, D(c) = {b, d}, D(d) = {a, b}; b covers d (b beats d and
// D(b) is inside D(d)); maximal chains a>b>d, b>d>c, c>a; Copeland a: 1, b: 1, c: -1, d: -1.
Profile four_cycle() { return mcgarvey(4, {{0, 1, 1}, {1, 3, 1}, {3, 2, 1}, {2, 0, 1}, {0, 3, 1}, {1, 2, 1}}); }

}  // namespace

TEST(C1Rules, TennesseeHasNashvilleAsCondorcetWinner) {
  Profile p = tennessee();
  for (const char* rule : {"condorcet", "weak_condorcet", "copeland", "llull", "top_cycle", "gocha", "uc_gill",
                           "uc_fish", "uc_bordes", "uc_mckelvey", "banks", "condorcet_plurality", "copeland_local_borda",
                           "copeland_global_borda", "copeland_local_minimax",
                           "copeland_global_minimax"})
    EXPECT_EQ(winners(rule, p), (std::vector<Cand>{1})) << rule;
  // Copeland scores: Nashville 3 wins, Chattanooga 2, Knoxville 1, Memphis 0 (wins - losses).
  auto e = explanation("copeland", p);
  EXPECT_EQ(e["copeland_scores"]["2"], 3);
  EXPECT_EQ(e["copeland_scores"]["3"], 1);
  EXPECT_EQ(e["copeland_scores"]["4"], -1);
  EXPECT_EQ(e["copeland_scores"]["1"], -3);
  EXPECT_EQ(explanation("condorcet", p)["condorcet_winner"], 2);
  // Weighted covering is not Condorcet-consistent: Nashville beats Chattanooga (68-32) but
  // its margin over Knoxville (36) is below Chattanooga's (83-17 = 66), so C stays uncovered.
  EXPECT_EQ(winners("weighted_covering", p), (std::vector<Cand>{1, 2}));
}

TEST(C1Rules, CondorcetParadoxElectsEveryone) {
  Profile p = paradox();
  std::vector<Cand> all{0, 1, 2};
  for (const char* rule : {"condorcet", "weak_condorcet", "copeland", "llull", "top_cycle", "gocha", "uc_gill",
                           "uc_fish", "uc_bordes", "uc_mckelvey", "banks", "weighted_covering", "pareto"})
    EXPECT_EQ(winners(rule, p), all) << rule;
  // plurality among all three: one first place each
  EXPECT_EQ(winners("condorcet_plurality", p), all);
}

TEST(C1Rules, WeakCondorcetKeepsEveryUnbeatenCandidate) {
  ProfileBuilder b(Candidates::numbered(3), BallotKind::ranking);
  b.add_tiers({{0}, {1}, {2}}, 1);
  b.add_tiers({{1}, {0}, {2}}, 1);
  Profile p = b.finish();
  EXPECT_EQ(winners("weak_condorcet", p), (std::vector<Cand>{0, 1}));
  EXPECT_EQ(winners("condorcet", p), (std::vector<Cand>{0, 1, 2}));  // no Condorcet winner
  EXPECT_EQ(winners("llull", p), (std::vector<Cand>{0, 1}));
  EXPECT_EQ(winners("copeland", p), (std::vector<Cand>{0, 1}));
}

TEST(C1Rules, CoveringSetsSeparateFromTheTopCycle) {
  Profile p = four_cycle();
  EXPECT_EQ(winners("top_cycle", p), (std::vector<Cand>{0, 1, 2, 3}));
  EXPECT_EQ(winners("gocha", p), (std::vector<Cand>{0, 1, 2, 3}));
  EXPECT_EQ(winners("uc_gill", p), (std::vector<Cand>{0, 1, 2}));
  EXPECT_EQ(winners("uc_fish", p), (std::vector<Cand>{0, 1, 2}));
  EXPECT_EQ(winners("banks", p), (std::vector<Cand>{0, 1, 2}));
  EXPECT_EQ(winners("copeland", p), (std::vector<Cand>{0, 1}));
  EXPECT_EQ(explanation("uc_gill", p)["covered_by"]["4"], 2);  // d covered by b (external ids)
  EXPECT_EQ(explanation("banks", p)["maximal_chains"]["3"], (json{3, 1}));  // c > a
}

TEST(C1Rules, AliasesResolveToTheRules) {
  EXPECT_EQ(require_method("smith_set").id, "top_cycle");
  EXPECT_EQ(require_method("Top Cycle").id, "top_cycle");
  EXPECT_EQ(require_method("schwartz_set").id, "gocha");
  EXPECT_EQ(require_method("uncovered_set").id, "uc_gill");
  EXPECT_EQ(require_method("Uncovered Set - McKelvey").id, "uc_mckelvey");
  EXPECT_EQ(require_method("Copeland-Global-Minimax").id, "copeland_global_minimax");
}

TEST(C1Rules, TiesBetweenCopelandWinnersBrokenLocallyOrGlobally) {
  // a beats b (2) and c (2), d beats a (2); b beats c (10) and d (10); c beats d (2).
  // Copeland: a = b = 1, c = d = -1. Among {a, b}: a beats b, so local Borda and local Minimax
  // pick a. Over all candidates: symmetric Borda a = 2 + 2 - 2 = 2, b = -2 + 10 + 10 = 18, so b;
  // worst defeats a: 2 (by d), b: 2 (by a), so both.
  Profile p = mcgarvey(4, {{0, 1, 1}, {0, 2, 1}, {3, 0, 1}, {1, 2, 5}, {1, 3, 5}, {2, 3, 1}});
  EXPECT_EQ(winners("copeland", p), (std::vector<Cand>{0, 1}));
  EXPECT_EQ(winners("copeland_local_borda", p), (std::vector<Cand>{0}));
  EXPECT_EQ(winners("copeland_global_borda", p), (std::vector<Cand>{1}));
  EXPECT_EQ(winners("copeland_local_minimax", p), (std::vector<Cand>{0}));
  EXPECT_EQ(winners("copeland_global_minimax", p), (std::vector<Cand>{0, 1}));
}

TEST(C1Rules, CondorcetPluralityFallsBackToPlurality) {
  // 3 c>a>b, 2 a>b>c, 2 b>c>a: c beats a 5-2, a beats b 5-2, b beats c 4-3 (a cycle).
  ProfileBuilder b(Candidates::numbered(3), BallotKind::ranking);
  b.add_tiers({{2}, {0}, {1}}, 3);
  b.add_tiers({{0}, {1}, {2}}, 2);
  b.add_tiers({{1}, {2}, {0}}, 2);
  Profile p = b.finish();
  EXPECT_EQ(winners("condorcet", p), (std::vector<Cand>{0, 1, 2}));
  EXPECT_EQ(winners("condorcet_plurality", p), (std::vector<Cand>{2}));
}

TEST(C1Rules, WeightedCoveringUsesMargins) {
  // a beats b by 2 and c by 2; b beats c by 6. In the majority graph a covers b (a is a
  // Condorcet winner), but weighted covering also needs margin(a, c) >= margin(b, c): 2 < 6.
  Profile p = mcgarvey(3, {{0, 1, 1}, {0, 2, 1}, {1, 2, 3}});
  EXPECT_EQ(winners("uc_gill", p), (std::vector<Cand>{0}));
  EXPECT_EQ(winners("weighted_covering", p), (std::vector<Cand>{0, 1}));
}

TEST(C1Rules, ParetoDropsUnanimouslyBeatenCandidates) {
  ProfileBuilder b(Candidates::numbered(3), BallotKind::ranking);
  b.add_tiers({{0}, {1}, {2}}, 2);
  b.add_tiers({{2}, {0}, {1}}, 1);
  Profile p = b.finish();
  EXPECT_EQ(winners("pareto", p), (std::vector<Cand>{0, 2}));  // everyone prefers 0 to 1
  // Truncated ballot "2 only": by default (tied_last, as pref_voting) 2 is above 0 and 1 there.
  ProfileBuilder t(Candidates::numbered(3), BallotKind::ranking);
  t.add_tiers({{0}, {1}, {2}}, 2);
  t.add_tiers({{0}, {1}}, 1);
  Profile q = t.finish();
  EXPECT_EQ(winners("pareto", q), (std::vector<Cand>{0}));
  // Read as incomparable, the truncated voter says nothing about 2: 0 still beats 1 unanimously,
  // but 0 over 2 is not unanimous (the third voter never compared them).
  EXPECT_EQ(winners("pareto", q, {{"unranked", "incomparable"}}), (std::vector<Cand>{0, 2}));
}

TEST(C1Rules, StrongParetoNeedsOnlyOneStrictSupporter) {
  ProfileBuilder b(Candidates::numbered(3), BallotKind::ranking);
  b.add_tiers({{0}, {1}, {2}}, 1);
  b.add_tiers({{0, 1}, {2}}, 1);  // indifferent between 0 and 1
  Profile p = b.finish();
  EXPECT_EQ(winners("pareto", p), (std::vector<Cand>{0, 1}));
  EXPECT_EQ(winners("pareto", p, {{"strong", "true"}}), (std::vector<Cand>{0}));
}

TEST(C1Rules, StrongParetoOnIncomparableBallotsCanCycle) {
  // voter 1: 0 > 1, voter 2: 1 > 2, voter 3: 2 > 0: each pair is compared by one voter only,
  // so strong Pareto dominance is a cycle; the rule falls back to the cycle itself.
  ProfileBuilder b(Candidates::numbered(3), BallotKind::ranking);
  b.add_tiers({{0}, {1}}, 1);
  b.add_tiers({{1}, {2}}, 1);
  b.add_tiers({{2}, {0}}, 1);
  Profile p = b.finish();
  EXPECT_EQ(winners("pareto", p, {{"strong", "true"}, {"unranked", "incomparable"}}), (std::vector<Cand>{0, 1, 2}));
}

TEST(C1Rules, UnrankedParameterChangesTheMajorityGraph) {
  // 2 voters 0 > 1 > 2, 3 voters rank only 2. Incomparable: 0 is the Condorcet winner.
  // Tied last: 2 beats 0 and 1 by 3 to 2.
  ProfileBuilder b(Candidates::numbered(3), BallotKind::ranking);
  b.add_tiers({{0}, {1}, {2}}, 2);
  b.add_tiers({{2}}, 3);
  Profile p = b.finish();
  EXPECT_EQ(winners("condorcet", p), (std::vector<Cand>{0}));
  EXPECT_EQ(winners("condorcet", p, {{"unranked", "tied_last"}}), (std::vector<Cand>{2}));
  EXPECT_EQ(winners("banks", p, {{"unranked", "tied_last"}}), (std::vector<Cand>{2}));
}

TEST(C1Rules, SubsetOfCandidatesRestrictsTheGraph) {
  // On four_cycle restricted to {b, c, d}: b > d > c and b > c: b is the Condorcet winner.
  Profile p = four_cycle();
  Params params = resolve_params("uc_gill", require_method("uc_gill").params, {});
  auto r = require_method("uc_gill").elect(p, CandidateSet{1, 2, 3}, params);
  EXPECT_EQ(r.winners, (std::vector<Cand>{1}));
  r = require_method("banks").elect(p, CandidateSet{0, 2}, params);  // c beats a
  EXPECT_EQ(r.winners, (std::vector<Cand>{2}));
}

// Condorcet loser by hand: 2 x a>b>c, 1 x b>c>a: c loses to a (2-1) and to b (3-0).
TEST(CondorcetLoser, ReportsTheCandidateEveryoneBeats) {
  prefero::ProfileBuilder b(prefero::Candidates::numbered(3), prefero::BallotKind::ranking);
  b.add_tiers({{0}, {1}, {2}}, 2);
  b.add_tiers({{1}, {2}, {0}}, 1);
  prefero::Profile p = b.finish();
  auto out = prefero::run_elect(prefero::require_method("condorcet_loser"), p, {});
  EXPECT_EQ(out.result.winners, (std::vector<prefero::Cand>{2}));
  // a 3-cycle has no Condorcet loser: every candidate is returned
  prefero::ProfileBuilder cyc(prefero::Candidates::numbered(3), prefero::BallotKind::ranking);
  cyc.add_tiers({{0}, {1}, {2}}, 1);
  cyc.add_tiers({{1}, {2}, {0}}, 1);
  cyc.add_tiers({{2}, {0}, {1}}, 1);
  out = prefero::run_elect(prefero::require_method("condorcet_loser"), cyc.finish(), {});
  EXPECT_EQ(out.result.winners, (std::vector<prefero::Cand>{0, 1, 2}));
}
