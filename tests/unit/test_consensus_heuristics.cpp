// Consensus heuristics: hand-worked examples, brute-force oracles (footrule), local optimality
// checked by trying every single move, and each method's reported cost recomputed from the
// ballots.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "consensus/consensus.hpp"
#include "opt_test_util.hpp"
#include "registry/registry.hpp"

namespace prefero {
namespace {

double kendall_cost(const Profile& p, const Ranking& r, double tie_cost = 1) {
  const int m = p.num_candidates();
  std::vector<int> lvl(static_cast<size_t>(m), -1);
  for (size_t t = 0; t < r.size(); ++t)
    for (Cand c : r[t]) lvl[static_cast<size_t>(c)] = static_cast<int>(t);
  double cost = 0;
  for (size_t b = 0; b < p.num_ballots(); ++b) {
    auto bl = p.ballot(b);
    for (int a = 0; a < m; ++a)
      for (int c = a + 1; c < m; ++c) {
        int la = bl[static_cast<size_t>(a)], lc = bl[static_cast<size_t>(c)];
        if (la == kUnranked || lc == kUnranked || la == lc) continue;
        int ra = lvl[static_cast<size_t>(a)], rc = lvl[static_cast<size_t>(c)];
        double x = ra == rc ? tie_cost : (((ra < rc) != (la < lc)) ? 1 : 0);
        cost += x * static_cast<double>(p.counts[b]);
      }
  }
  return cost;
}

ConsensusResult run(const std::string& id, const Profile& p, std::map<std::string, std::string> given = {}) {
  const MethodInfo& m = require_method(id);
  if (m.family != "consensus") throw std::runtime_error(id + " is not a consensus method");
  return m.consensus(p, all_candidates(p.num_candidates()), resolve_params(m.id, m.params, given));
}

const std::vector<std::string> kMethods = {"borda_ranking",     "copeland_ranking",   "footrule_ranking",
                                           "kwiksort_ranking",  "insertion_ranking",  "bioconsert_ranking",
                                           "median_ranking",    "mc4_ranking",        "kemeny_ranking"};

TEST(ConsensusHeuristics, EveryMethodReportsTheCostOfItsRankingAndAValidBound) {
  std::mt19937 rng(42);
  for (int trial = 0; trial < 10; ++trial) {
    const int m = 4 + trial;
    Profile p = opt_test::profile_of(m, opt_test::random_rankings(m, 7 + trial, rng));
    double opt = run("kemeny_ranking", p).cost;
    for (const auto& id : kMethods) {
      ConsensusResult r = run(id, p);
      SCOPED_TRACE(id);
      size_t placed = 0;
      for (const auto& t : r.ranking) placed += t.size();
      EXPECT_EQ(placed, static_cast<size_t>(m));
      EXPECT_DOUBLE_EQ(r.cost, kendall_cost(p, r.ranking));
      EXPECT_LE(r.lower_bound, opt + 1e-9);
      bool ties = std::any_of(r.ranking.begin(), r.ranking.end(), [](const auto& t) { return t.size() > 1; });
      if (!ties) {
        EXPECT_GE(r.cost, opt - 1e-9);
      }
    }
  }
}

TEST(ConsensusHeuristics, BordaWithFractionalTies) {
  // ballots: a > b = c (x2), c > a > b (x1). Points: a = 2*2 + 1 = 5, b = 2*0.5 + 0 = 1, c = 2*0.5 + 2 = 3.
  ProfileBuilder b(Candidates::numbered(3), BallotKind::ranking);
  b.add_tiers({{0}, {1, 2}}, 2);
  b.add_tiers({{2}, {0}, {1}}, 1);
  Profile p = b.finish();
  EXPECT_EQ(run("borda_ranking", p).ranking, (Ranking{{0}, {2}, {1}}));
  // equal points share a tier: a > b (x1), b > a (x1)
  Profile q = opt_test::strict_profile(2, {{{0, 1}, 1}, {{1, 0}, 1}});
  EXPECT_EQ(run("borda_ranking", q).ranking, (Ranking{{0, 1}}));
  EXPECT_EQ(run("copeland_ranking", q).ranking, (Ranking{{0, 1}}));
}

TEST(ConsensusHeuristics, CopelandOrdersByPairwiseWins) {
  // a beats b and c; b beats c: Copeland a 2, b 1, c 0.
  Profile p = opt_test::strict_profile(3, {{{0, 1, 2}, 2}, {{2, 0, 1}, 1}, {{1, 2, 0}, 1}});
  // a>b: 3-1, a>c: 2-2 tie, b>c: 3-1 -> a 1.5, b 1, c 0.5
  EXPECT_EQ(run("copeland_ranking", p).ranking, (Ranking{{0}, {1}, {2}}));
}

TEST(ConsensusHeuristics, FootruleMatchesEnumeration) {
  std::mt19937 rng(8);
  for (int trial = 0; trial < 15; ++trial) {
    const int m = 3 + trial % 5;
    Profile p = opt_test::profile_of(m, opt_test::random_rankings(m, 3 + trial % 6, rng));
    std::vector<Cand> order(static_cast<size_t>(m));
    std::iota(order.begin(), order.end(), 0);
    double best = 1e300;
    do {
      double f = 0;
      for (size_t b = 0; b < p.num_ballots(); ++b)
        for (size_t i = 0; i < order.size(); ++i)
          f += static_cast<double>(p.counts[b]) * std::abs(p.ballot(b)[static_cast<size_t>(order[i])] - static_cast<double>(i));
      best = std::min(best, f);
    } while (std::next_permutation(order.begin(), order.end()));
    ConsensusResult r = run("footrule", p);
    EXPECT_DOUBLE_EQ(r.explanation["footrule_distance"].get<double>(), best);
  }
}

TEST(ConsensusHeuristics, InsertionResultIsLocallyOptimal) {
  std::mt19937 rng(9);
  for (int trial = 0; trial < 10; ++trial) {
    const int m = 6 + trial;
    Profile p = opt_test::profile_of(m, opt_test::random_rankings(m, 9, rng));
    ConsensusResult r = run("insertion", p);
    std::vector<Cand> order;
    for (const auto& t : r.ranking) order.push_back(t[0]);
    for (size_t i = 0; i < order.size(); ++i)
      for (size_t k = 0; k < order.size(); ++k) {
        auto o = order;
        Cand x = o[i];
        o.erase(o.begin() + static_cast<std::ptrdiff_t>(i));
        o.insert(o.begin() + static_cast<std::ptrdiff_t>(k), x);
        Ranking rr;
        for (Cand c : o) rr.push_back({c});
        EXPECT_GE(kendall_cost(p, rr), r.cost - 1e-9);
      }
  }
}

TEST(ConsensusHeuristics, UnanimousProfileIsRecoveredByEveryMethod) {
  Profile p = opt_test::strict_profile(5, {{{3, 1, 4, 0, 2}, 4}});
  for (const auto& id : kMethods) {
    ConsensusResult r = run(id, p);
    EXPECT_EQ(r.ranking, (Ranking{{3}, {1}, {4}, {0}, {2}})) << id;
    EXPECT_DOUBLE_EQ(r.cost, 0) << id;
    EXPECT_TRUE(r.proven_optimal) << id;
  }
}

TEST(ConsensusHeuristics, MedianRankHandExample) {
  // positions (1-based): a: 1,3,2 -> median 2; b: 2,1,3 -> 2; c: 3,2,1 -> 2 ... all tied
  Profile p = opt_test::strict_profile(3, {{{0, 1, 2}, 1}, {{1, 2, 0}, 1}, {{2, 0, 1}, 1}});
  EXPECT_EQ(run("median_rank", p).ranking, (Ranking{{0, 1, 2}}));
  // a: 1,1,3 -> 1; b: 2,3,1 -> 2; c: 3,2,2 -> 2
  Profile q = opt_test::strict_profile(3, {{{0, 1, 2}, 1}, {{0, 2, 1}, 1}, {{1, 2, 0}, 1}});
  EXPECT_EQ(run("median_rank", q).ranking, (Ranking{{0}, {1, 2}}));
}

TEST(ConsensusHeuristics, Mc4PutsTheCondorcetWinnerFirst) {
  Profile p = opt_test::strict_profile(4, {{{2, 0, 1, 3}, 3}, {{0, 2, 3, 1}, 2}, {{1, 2, 3, 0}, 2}});
  ConsensusResult r = run("mc4", p);
  EXPECT_EQ(r.ranking.front(), (std::vector<Cand>{2}));
}

TEST(ConsensusHeuristics, BioConsertNeverWorseThanItsStartsAndFindsTiedOptimum) {
  // two voters a>b, two b>a: tying a and b costs tie_cost*4 = 2 with tie_cost 0.5 < 2 for ordering.
  Profile p = opt_test::strict_profile(2, {{{0, 1}, 2}, {{1, 0}, 2}});
  ConsensusResult r = run("bioconsert", p, {{"tie_cost", "0.25"}});
  EXPECT_EQ(r.ranking, (Ranking{{0, 1}}));
  EXPECT_DOUBLE_EQ(r.cost, 1.0);
  ConsensusResult k = run("kemeny_ranking", p, {{"tie_cost", "0.25"}, {"output_ties", "true"}});
  EXPECT_DOUBLE_EQ(k.cost, 1.0);
}

}  // namespace
}  // namespace prefero
