// Benchmark aggregation: hand-worked examples, brute-force oracles (enumerated insertions of the
// missing systems; all permutations for Kemeny) and the XTREME table's optimal Kemeny cost.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <numeric>
#include <random>
#include <sstream>

#include "consensus/benchmark/benchmark.hpp"
#include "core/error.hpp"

using namespace prefero;

namespace {

constexpr double NA = std::numeric_limits<double>::quiet_NaN();

BenchmarkData task_level(std::vector<std::string> systems, std::vector<std::vector<double>> by_task) {
  BenchmarkData d;
  d.systems = std::move(systems);
  for (size_t t = 0; t < by_task.size(); ++t) {
    d.tasks.push_back("t" + std::to_string(t));
    d.scores.push_back({by_task[t]});
  }
  return d;
}

std::vector<std::vector<std::string>> names(const BenchmarkData& d, const Ranking& r) {
  std::vector<std::vector<std::string>> out;
  for (const auto& tier : r) {
    out.emplace_back();
    for (Cand c : tier) out.back().push_back(d.systems[c]);
  }
  return out;
}

BenchmarkResult run(const BenchmarkData& d, const std::string& method, MissingScores m = MissingScores::expected) {
  BenchmarkOptions o;
  o.method = method;
  o.missing = m;
  return aggregate_benchmark(d, o);
}

// Oracle for one ranking with missing scores: every full ranking of the n systems that keeps the
// observed strict order (tied observed systems in any order) is equally likely (Himmi et al.).
// Returns E[points] (strict Borda in the full ranking) and Pr[i above j].
void enumerate_insertions(const std::vector<double>& s, std::vector<double>& points, std::vector<std::vector<double>>& above) {
  const size_t n = s.size();
  std::vector<int> perm(n);
  std::iota(perm.begin(), perm.end(), 0);
  points.assign(n, 0);
  above.assign(n, std::vector<double>(n, 0));
  double consistent = 0;
  do {  // perm = order best first
    bool ok = true;
    for (size_t a = 0; a < n && ok; ++a)
      for (size_t b = a + 1; b < n && ok; ++b)
        if (!std::isnan(s[perm[a]]) && !std::isnan(s[perm[b]]) && s[perm[a]] < s[perm[b]]) ok = false;
    if (!ok) continue;
    consistent += 1;
    for (size_t a = 0; a < n; ++a) {
      points[perm[a]] += static_cast<double>(n - 1 - a);
      for (size_t b = a + 1; b < n; ++b) above[perm[a]][perm[b]] += 1;
    }
  } while (std::next_permutation(perm.begin(), perm.end()));
  for (auto& p : points) p /= consistent;
  for (auto& row : above)
    for (auto& x : row) x /= consistent;
}

}  // namespace

TEST(BenchmarkBorda, HandWorkedMissingScore) {
  // k = 3 observed, m = 1 missing. Observed: 3 (2 below), 1 and 1 tied (r = 1/2).
  // Expected points: r + m (r + 1) / (k + 1): 2 + 3/4 = 11/4, 1/2 + 3/8 = 7/8; missing: (n-1)/2 = 3/2.
  auto p = borda_points({3, 1, 1, NA}, MissingScores::expected);
  EXPECT_EQ(p[0], Rational(11, 4));
  EXPECT_EQ(p[1], Rational(7, 8));
  EXPECT_EQ(p[2], Rational(7, 8));
  EXPECT_EQ(p[3], Rational(3, 2));
  auto w = borda_points({3, 1, 1, NA}, MissingScores::worst);
  EXPECT_EQ(w[0], Rational(3));
  EXPECT_EQ(w[1], Rational(3, 2));
  EXPECT_EQ(w[3], Rational(0));
  EXPECT_THROW(borda_points({3, NA}, MissingScores::error), InputError);
}

TEST(BenchmarkBorda, ExpectedPointsMatchEnumeratedInsertions) {
  std::mt19937 rng(5);
  for (int trial = 0; trial < 300; ++trial) {
    const size_t n = 2 + rng() % 5;
    std::vector<double> s(n);
    for (auto& x : s) x = rng() % 4 == 0 ? NA : static_cast<double>(rng() % 3);
    std::vector<double> oracle_points;
    std::vector<std::vector<double>> oracle_above;
    enumerate_insertions(s, oracle_points, oracle_above);
    auto pts = borda_points(s, MissingScores::expected);
    std::vector<std::vector<double>> strict(n, std::vector<double>(n, 0));
    add_strict_pairs(s, MissingScores::expected, strict);
    for (size_t i = 0; i < n; ++i) {
      EXPECT_NEAR(pts[i].get_d(), oracle_points[i], 1e-12);
      for (size_t j = 0; j < n; ++j) {
        if (i == j) continue;
        const bool tied = !std::isnan(s[i]) && s[i] == s[j];
        EXPECT_NEAR(strict[i][j] + (tied ? 0.5 : 0.0), oracle_above[i][j], 1e-12);
      }
    }
  }
}

TEST(BenchmarkMethods, HandWorkedTable) {
  // Three tasks; A wins two by a little, B wins one by a lot.
  //        t0   t1   t2
  //   A    80   70   10
  //   B    79   69   90
  //   C    10   10   10
  BenchmarkData d = task_level({"A", "B", "C"}, {{80, 79, 10}, {70, 69, 10}, {10, 90, 10}});
  // mean: A 53.33, B 79.33, C 10.
  EXPECT_EQ(names(d, run(d, "mean").ranking), (std::vector<std::vector<std::string>>{{"B"}, {"A"}, {"C"}}));
  // Borda: t0 A2 B1 C0; t1 A2 B1 C0; t2 A0.5 B2 C0.5 -> A 4.5, B 4, C 0.5.
  BenchmarkResult b = run(d, "borda");
  EXPECT_EQ(names(d, b.ranking), (std::vector<std::vector<std::string>>{{"A"}, {"B"}, {"C"}}));
  EXPECT_EQ(b.explanation["borda_points"], (json{"9/2", "4", "1/2"}));
  // Kemeny cost of A > B > C: B over A in t2 (1) + C vs A: tied in t2, 0 => 1. Optimal (only A>B costs 2 the other way).
  EXPECT_DOUBLE_EQ(b.cost, 1);
  EXPECT_TRUE(b.proven_optimal);
  // Copeland: A beats B 2-1, A beats C 2-0, B beats C 3-0 -> 2, 1, 0.
  EXPECT_EQ(run(d, "copeland").score, (std::vector<double>{2, 1, 0}));
  // Mean cost: B > A > C costs 2 (t0, t1 put A over B).
  BenchmarkResult m = run(d, "mean");
  EXPECT_DOUBLE_EQ(m.cost, 2);
  EXPECT_FALSE(m.proven_optimal);
  EXPECT_DOUBLE_EQ(m.lower_bound, 1);
}

TEST(BenchmarkMethods, TiesShareATierAndCostHalf) {
  BenchmarkData d = task_level({"A", "B"}, {{2, 1}, {1, 2}});
  BenchmarkResult b = run(d, "borda");
  ASSERT_EQ(b.ranking.size(), 1u);
  EXPECT_DOUBLE_EQ(b.cost, 1);  // tied in the output: half of the two strict inputs
}

TEST(BenchmarkMethods, TwoLevelBordaOnInstances) {
  // Task 0 has two instances, task 1 one. Systems A, B, C.
  // t0/k0: A 3, B 2, C 1 -> points A2 B1 C0; t0/k1: A 1, B 3, C 2 -> A0 B2 C1. Totals A2 B3 C1
  //   -> task ranking B > A > C -> points B2 A1 C0.
  // t1/k0: C 5, A 4, B 3 -> C2 A1 B0.
  // Two-level: A 2, B 2, C 2 (all tied). One-level: A 3, B 3, C 3 (all tied too) -> use weights check below.
  BenchmarkData d;
  d.systems = {"A", "B", "C"};
  d.tasks = {"t0", "t1"};
  d.instance_level = true;
  d.scores = {{{3, 2, 1}, {1, 3, 2}}, {{4, 3, 5}, {NA, NA, NA}}};
  // t1/k1 all missing: expected points (n-1)/2 = 1 each; t1 totals A2 B1 C3 -> ranking C > A > B -> C2 A1 B0.
  BenchmarkResult two = run(d, "two_level_borda");
  EXPECT_EQ(two.explanation["borda_points"], (json{"2", "2", "2"}));
  // one-level: A 2+0+1+1 = 4, B 1+2+0+1 = 4, C 0+1+2+1 = 4.
  BenchmarkResult one = run(d, "borda");
  EXPECT_EQ(one.explanation["borda_points"], (json{"4", "4", "4"}));
  // Change t0/k1 to A 9, B 3, C 2: t0 totals A4 B2 C0 -> A2 B1 C0; with t1 (C2 A1 B0): A3 B1 C2.
  d.scores[0][1] = {9, 3, 2};
  EXPECT_EQ(run(d, "two_level_borda").explanation["borda_points"], (json{"3", "1", "2"}));
  // Ties between per-task totals get fractional points: t0/k1 = A 1, B 2, C 3 gives t0 totals A2 B2 C2.
  d.scores[0][1] = {1, 2, 3};
  EXPECT_EQ(run(d, "two_level_borda").explanation["borda_points"], (json{"2", "1", "3"}));
}

TEST(BenchmarkKemeny, SubsetDpMatchesAllPermutations) {
  std::mt19937 rng(11);
  for (int trial = 0; trial < 60; ++trial) {
    const int n = 2 + static_cast<int>(rng() % 6);
    std::vector<std::vector<double>> w(n, std::vector<double>(n, 0));
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j)
        if (i != j) w[i][j] = static_cast<double>(rng() % 4);
    std::vector<int> perm(n);
    std::iota(perm.begin(), perm.end(), 0);
    double best = 1e18;
    uint64_t count = 0;
    do {
      double c = 0;
      for (int a = 0; a < n; ++a)
        for (int b = a + 1; b < n; ++b) c += w[perm[b]][perm[a]];
      if (c < best - 1e-9) best = c, count = 1;
      else if (std::abs(c - best) <= 1e-9) ++count;
    } while (std::next_permutation(perm.begin(), perm.end()));
    KemenyDp dp = kemeny_subset_dp(w);
    EXPECT_DOUBLE_EQ(dp.cost, best);
    EXPECT_EQ(dp.optimal_count, count);
    Ranking r;
    for (int c : dp.order) r.push_back({c});
    EXPECT_DOUBLE_EQ(kemeny_cost(r, w), best);
  }
}

TEST(BenchmarkKemeny, XtremeOptimalCostIs41AndNotUnique) {
  // Reference (../shared/notes/rankagg.md §1.5): XTREME, 15 systems x 4 tasks, strict pairwise
  // disagreements, tied input pairs cost 0: optimal Kemeny cost 41, not unique.
  std::ifstream in(std::string(PREFERO_SHARED_DIR) + "/refdata/benchmarks/clean/xtreme.csv");
  ASSERT_TRUE(in) << "refdata missing";
  BenchmarkTableOptions o;
  o.exclude = {"overall"};
  BenchmarkData d = benchmark_data(read_score_table(in, "xtreme.csv", o));
  ASSERT_EQ(d.num_systems(), 15);
  ASSERT_EQ(d.num_tasks(), 4);
  BenchmarkResult k = run(d, "kemeny");
  EXPECT_DOUBLE_EQ(k.cost, 41);
  EXPECT_TRUE(k.proven_optimal);
  EXPECT_GT(k.explanation["optimal_rankings"].get<uint64_t>(), 1u);
  // Every other method costs at least the optimum, and its lower bound is the optimum (DP, n <= 16).
  for (const std::string m : {"mean", "borda", "copeland"}) {
    BenchmarkResult r = run(d, m);
    EXPECT_GE(r.cost, 41) << m;
    EXPECT_DOUBLE_EQ(r.lower_bound, 41) << m;
  }
}

TEST(BenchmarkMissing, CompleteTablesIgnoreTheMissingPolicy) {
  BenchmarkData d = task_level({"A", "B", "C", "D"}, {{4, 3, 2, 1}, {1, 4, 3, 2}, {2, 2, 4, 1}});
  for (const std::string m : {"borda", "copeland", "kemeny", "mean"})
    EXPECT_EQ(run(d, m, MissingScores::expected).ranking, run(d, m, MissingScores::error).ranking) << m;
}

TEST(BenchmarkMissing, ErrorPolicyRejectsMissingCells) {
  BenchmarkData d = task_level({"A", "B"}, {{1, NA}});
  EXPECT_THROW(run(d, "borda", MissingScores::error), InputError);
  EXPECT_THROW(run(d, "mean", MissingScores::error), InputError);
  EXPECT_NO_THROW(run(d, "kemeny", MissingScores::expected));
}

TEST(BenchmarkBootstrap, DeterministicAndUnanimousIsCertain) {
  BenchmarkData d = task_level({"A", "B", "C"}, {{3, 2, 1}, {3, 1, 2}, {3, 2, 1}, {3, 1, 2}});
  BenchmarkOptions o;
  BootstrapOptions b;
  b.replicates = 200;
  b.seed = 42;
  auto s1 = bootstrap_ranks(d, o, b);
  auto s2 = bootstrap_ranks(d, o, b);
  ASSERT_EQ(s1.size(), 3u);
  EXPECT_EQ(s1[0].rank_low, 1);  // A is first in every task: always rank 1
  EXPECT_EQ(s1[0].rank_high, 1);
  EXPECT_DOUBLE_EQ(s1[0].rank_distribution[0], 1.0);
  // B and C swap between tasks: both ranks 2 and 3 (or tied at 2) occur.
  EXPECT_EQ(s1[1].rank_low, 2);
  EXPECT_EQ(s1[1].rank_high, 3);
  for (size_t s = 0; s < 3; ++s) {
    EXPECT_EQ(s1[s].rank_distribution, s2[s].rank_distribution);
    EXPECT_NEAR(std::accumulate(s1[s].rank_distribution.begin(), s1[s].rank_distribution.end(), 0.0), 1.0, 1e-12);
  }
  b.resample = "instances";
  EXPECT_THROW(bootstrap_ranks(d, o, b), InputError);
}

#include "consensus/kemeny.hpp"

// The benchmark's Kemeny beyond 20 systems is the project's exact solver on expected pairwise
// counts (fractions with missing cells); the subset DP is the oracle here.
TEST(BenchmarkKemeny, ExactSolverOnExpectedCountsMatchesSubsetDp) {
  std::mt19937 rng(23);
  for (int trial = 0; trial < 12; ++trial) {
    const int n = 5 + static_cast<int>(rng() % 7);
    std::vector<std::vector<double>> rankings(5, std::vector<double>(static_cast<size_t>(n)));
    for (auto& r : rankings)
      for (auto& v : r) v = rng() % 6 == 0 ? NA : static_cast<double>(rng() % 5);
    auto strict = strict_pairs(rankings, MissingScores::expected);
    std::vector<std::vector<double>> ties(n, std::vector<double>(n, 0.0));
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j)
        if (i != j) ties[i][j] = std::max(0.0, 5.0 - strict[i][j] - strict[j][i]);
    KemenyOptions opt;
    opt.majority_rule = false;
    opt.algorithm = trial % 2 ? "ilp" : "auto";
    ConsensusResult k = kemeny_solve(pair_costs_from_matrix(strict, ties, TieCosts{0.0, 0.5}), opt);
    KemenyDp dp = kemeny_subset_dp(strict);
    ASSERT_TRUE(k.proven_optimal);
    EXPECT_NEAR(kemeny_cost(k.ranking, strict), dp.cost, 1e-6);
  }
}
