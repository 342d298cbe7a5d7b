// Exact Kemeny consensus against independent oracles written here: enumeration of every strict
// ranking (and every weak order) with the generalized Kendall distance computed from the ballots,
// and the subset dynamic program of src/elect/linear_ordering (the single-winner rule's engine).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <set>

#include "consensus/kemeny.hpp"
#include "elect/linear_ordering.hpp"
#include "opt_test_util.hpp"

namespace prefero {
namespace {

// Generalized Kendall distance of `r` (tiers of candidates) to every ballot, from the levels.
double oracle_cost(const Profile& p, const Ranking& r, double split_tie, double tie_cost, bool tied_last = false) {
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
        if (tied_last) {
          if (la == kUnranked) la = 1 << 20;
          if (lc == kUnranked) lc = 1 << 20;
        } else if (la == kUnranked || lc == kUnranked) {
          continue;
        }
        int ra = lvl[static_cast<size_t>(a)], rc = lvl[static_cast<size_t>(c)];
        double x = 0;
        if (ra == rc) x = la == lc ? 0 : tie_cost;
        else if (la == lc) x = split_tie;
        else x = ((ra < rc) != (la < lc)) ? 1 : 0;
        cost += x * static_cast<double>(p.counts[b]);
      }
  }
  return cost;
}

Ranking strict_ranking(const std::vector<Cand>& order) {
  Ranking r;
  for (Cand c : order) r.push_back({c});
  return r;
}

struct Optima {
  double cost = 1e300;
  std::set<Ranking> all;
};

Optima brute_strict(const Profile& p, double split_tie = 0) {
  std::vector<Cand> order(static_cast<size_t>(p.num_candidates()));
  std::iota(order.begin(), order.end(), 0);
  Optima o;
  do {
    Ranking r = strict_ranking(order);
    double c = oracle_cost(p, r, split_tie, 1);
    if (c < o.cost - 1e-9) o.cost = c, o.all.clear();
    if (c <= o.cost + 1e-9) o.all.insert(r);
  } while (std::next_permutation(order.begin(), order.end()));
  return o;
}

// every weak order: levels 0..m-1 onto a prefix of levels
Optima brute_weak(const Profile& p, double split_tie, double tie_cost) {
  const int m = p.num_candidates();
  std::vector<int> lv(static_cast<size_t>(m), 0);
  Optima o;
  while (true) {
    std::set<int> used(lv.begin(), lv.end());
    if (*used.rbegin() == static_cast<int>(used.size()) - 1) {
      Ranking r(used.size());
      for (int c = 0; c < m; ++c) r[static_cast<size_t>(lv[static_cast<size_t>(c)])].push_back(c);
      double c = oracle_cost(p, r, split_tie, tie_cost);
      if (c < o.cost - 1e-9) o.cost = c, o.all.clear();
      if (c <= o.cost + 1e-9) o.all.insert(r);
    }
    int i = 0;
    while (i < m && ++lv[static_cast<size_t>(i)] == m) lv[static_cast<size_t>(i++)] = 0;
    if (i == m) break;
  }
  return o;
}

Profile random_weak_profile(int m, int voters, std::mt19937& rng, bool truncate) {
  ProfileBuilder b(Candidates::numbered(m), BallotKind::ranking);
  for (int v = 0; v < voters; ++v) {
    std::vector<int32_t> lv(static_cast<size_t>(m));
    for (auto& x : lv) x = static_cast<int32_t>(rng() % static_cast<unsigned>(m));
    if (truncate && rng() % 3 == 0) lv[rng() % static_cast<unsigned>(m)] = kUnranked;
    b.add_levels(lv, 1 + static_cast<int64_t>(rng() % 3));
  }
  return b.finish();
}

ConsensusResult solve(const Profile& p, KemenyOptions o, TieCosts tc = {}) {
  return kemeny_solve(pair_costs(p, all_candidates(p.num_candidates()), Unranked::incomparable, tc), o);
}

TEST(KemenyExact, AllAlgorithmsFindEveryStrictOptimumOfRandomProfiles) {
  std::mt19937 rng(20261127);
  for (int trial = 0; trial < 30; ++trial) {
    const int m = 3 + trial % 5;              // 3..7 candidates
    const int voters = 2 + (trial * 7) % 9;   // few voters: many tied optima
    Profile p = opt_test::profile_of(m, opt_test::random_rankings(m, voters, rng));
    Optima want = brute_strict(p);
    for (std::string algo : {"branch_and_bound", "ilp"}) {
      for (bool reduce : {true, false}) {
        if (algo == "ilp" && (trial % 3 != 0 || reduce != (trial % 2 == 0))) continue;  // CBC runs are slow: a sample
        KemenyOptions o;
        o.algorithm = algo;
        o.all_cap = 100000;
        o.decompose = reduce;
        o.majority_rule = reduce;
        ConsensusResult r = solve(p, o);
        SCOPED_TRACE(fmt::format("trial {} m {} voters {} {} reduce {}", trial, m, voters, algo, reduce));
        EXPECT_TRUE(r.proven_optimal);
        EXPECT_DOUBLE_EQ(r.cost, want.cost);
        EXPECT_DOUBLE_EQ(r.lower_bound, want.cost);
        EXPECT_DOUBLE_EQ(oracle_cost(p, r.ranking, 0, 1), want.cost);
        std::set<Ranking> got(r.all_optimal.begin(), r.all_optimal.end());
        EXPECT_EQ(got.size(), r.all_optimal.size()) << "duplicates";
        EXPECT_EQ(got, want.all);
      }
    }
  }
}

TEST(KemenyExact, CostEqualsSubsetDynamicProgram) {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 12; ++trial) {
    const int m = 9 + trial % 8;  // 9..16
    Profile p = opt_test::profile_of(m, opt_test::random_rankings(m, 5 + trial, rng));
    auto pen = [&](Cand b, Cand a) { return p.support_ranked(b, a); };
    int64_t want = min_cost_linear_ordering(all_candidates(m), pen, "test").optimal_cost;
    for (std::string algo : {"ilp", "auto"}) {
      KemenyOptions o;
      o.algorithm = algo;
      ConsensusResult r = solve(p, o);
      EXPECT_TRUE(r.proven_optimal);
      EXPECT_DOUBLE_EQ(r.cost, static_cast<double>(want)) << "trial " << trial << " " << algo;
      EXPECT_DOUBLE_EQ(oracle_cost(p, r.ranking, 0, 1), static_cast<double>(want));
    }
  }
}

TEST(KemenyExact, InputTiesAndTruncationStrictOutput) {
  std::mt19937 rng(99);
  for (int trial = 0; trial < 30; ++trial) {
    const int m = 3 + trial % 4;
    Profile p = random_weak_profile(m, 4 + trial % 5, rng, true);
    const double split = (trial % 3) * 0.5;
    Optima want = brute_strict(p, split);
    KemenyOptions o;
    o.all_cap = 100000;
    o.algorithm = trial % 2 ? "ilp" : "branch_and_bound";
    ConsensusResult r = solve(p, o, {split, 1});
    EXPECT_DOUBLE_EQ(r.cost, want.cost) << trial;
    std::set<Ranking> got(r.all_optimal.begin(), r.all_optimal.end());
    EXPECT_EQ(got, want.all) << trial;
  }
}

TEST(KemenyExact, TiesInOutputMatchEnumerationOfWeakOrders) {
  std::mt19937 rng(5);
  for (int trial = 0; trial < 24; ++trial) {
    const int m = 3 + trial % 3;  // 3..5
    Profile p = random_weak_profile(m, 3 + trial % 4, rng, false);
    const double split = trial % 2 ? 0.5 : 1.0, tie = trial % 4 < 2 ? 1.0 : 0.5;
    Optima want = brute_weak(p, split, tie);
    KemenyOptions o;
    o.output_ties = true;
    o.all_cap = 100000;
    ConsensusResult r = solve(p, o, {split, tie});
    SCOPED_TRACE(trial);
    EXPECT_TRUE(r.proven_optimal);
    EXPECT_NEAR(r.cost, want.cost, 1e-9);
    EXPECT_NEAR(oracle_cost(p, r.ranking, split, tie), want.cost, 1e-9);
    std::set<Ranking> got(r.all_optimal.begin(), r.all_optimal.end());
    EXPECT_EQ(got, want.all);
  }
}

TEST(KemenyExact, HandWorkedCondorcetCycle) {
  // 2 x a>b>c, 2 x b>c>a, 1 x c>a>b: margins a>b 3:2, b>c 4:1, c>a 3:2. Costs: abc 2+1+3=6? count
  // overruled voters: a>b>c overrules b>a (2), c>a (3)... abc = N(b,a)+N(c,a)+N(c,b) = 2+3+1 = 6,
  // bca = N(c,b)+N(a,b)+N(a,c) = 1+3+2 = 6, cab = N(a,c)+N(b,c)+N(b,a) = 2+4+2 = 8.
  Profile p = opt_test::strict_profile(3, {{{0, 1, 2}, 2}, {{1, 2, 0}, 2}, {{2, 0, 1}, 1}});
  KemenyOptions o;
  o.all_cap = 10;
  ConsensusResult r = solve(p, o);
  EXPECT_DOUBLE_EQ(r.cost, 6);
  std::set<Ranking> want = {strict_ranking({0, 1, 2}), strict_ranking({1, 2, 0})};
  EXPECT_EQ(std::set<Ranking>(r.all_optimal.begin(), r.all_optimal.end()), want);
}

TEST(KemenyExact, TimeLimitReturnsValidRankingAndBound) {
  std::mt19937 rng(3);
  Profile p = opt_test::profile_of(70, opt_test::random_rankings(70, 50, rng));
  KemenyOptions o;
  o.time_limit_seconds = 0.3;
  ConsensusResult r = solve(p, o);
  ASSERT_EQ(r.ranking.size(), 70u);
  std::set<Cand> seen;
  for (const auto& t : r.ranking) seen.insert(t[0]);
  EXPECT_EQ(seen.size(), 70u);
  EXPECT_DOUBLE_EQ(r.cost, oracle_cost(p, r.ranking, 0, 1));
  EXPECT_LE(r.lower_bound, r.cost);
  double pair_lb = 0;
  for (Cand a = 0; a < 70; ++a)
    for (Cand b = a + 1; b < 70; ++b) pair_lb += static_cast<double>(std::min(p.support_ranked(a, b), p.support_ranked(b, a)));
  EXPECT_GE(r.lower_bound, pair_lb);
  if (!r.proven_optimal) {
    EXPECT_LT(r.lower_bound, r.cost);
  }
}

TEST(KemenyExact, ThreeQuarterMajorityPairsHoldInEveryOptimum) {
  std::mt19937 rng(11);
  int checked = 0;
  for (int trial = 0; trial < 80; ++trial) {
    const int m = 4 + trial % 4;
    // Mallows-like: perturb the identity so 3/4 majorities exist
    std::vector<std::vector<Cand>> votes;
    for (int v = 0; v < 4 + trial % 5; ++v) {
      std::vector<Cand> o(static_cast<size_t>(m));
      std::iota(o.begin(), o.end(), 0);
      for (int s = 0; s < 2; ++s) {
        size_t i = rng() % static_cast<unsigned>(m - 1);
        std::swap(o[i], o[i + 1]);
      }
      votes.push_back(o);
    }
    Profile p = opt_test::profile_of(m, votes);
    PairCosts pc = pair_costs(p, all_candidates(m), Unranked::incomparable, {});
    Optima want = brute_strict(p);
    for (auto [a, b] : three_quarter_majority_pairs(pc)) {
      for (const auto& r : want.all) {
        int pa = 0, pb = 0;
        for (size_t i = 0; i < r.size(); ++i) {
          if (r[i][0] == a) pa = static_cast<int>(i);
          if (r[i][0] == b) pb = static_cast<int>(i);
        }
        EXPECT_LT(pa, pb);
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 100);
}

}  // namespace
}  // namespace prefero
