// Reduced-cost fixing and transitivity propagation in branch and cut (consensus/row_generation,
// close_fixed_pairs of consensus/kemeny_ilp) against an independent oracle written here: every
// permutation (which pairs a set of fixed pairs implies; the cheapest ranking), with branch and
// cut started from a poor ranking so that fixings are made against a poor incumbent.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>

#include "consensus/kemeny.hpp"
#include "consensus/row_generation.hpp"

namespace prefero {
namespace {

struct PairVars {
  int k;
  std::vector<int> id;  // id[i*k+j], i < j
  int operator()(int i, int j) const { return id[static_cast<size_t>(i) * static_cast<size_t>(k) + static_cast<size_t>(j)]; }
};
PairVars pair_vars(int k) {
  PairVars v{k, std::vector<int>(static_cast<size_t>(k) * static_cast<size_t>(k), -1)};
  int next = 0;
  for (int i = 0; i < k; ++i)
    for (int j = i + 1; j < k; ++j) v.id[static_cast<size_t>(i) * static_cast<size_t>(k) + static_cast<size_t>(j)] = next++;
  return v;
}

TEST(KemenyFixing, ClosureFixesExactlyThePairsEveryConsistentRankingShares) {
  std::mt19937 rng(11);
  int infeasible = 0, implied = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const int k = 4 + trial % 4;  // 4..7
    PairVars V = pair_vars(k);
    const size_t nv = static_cast<size_t>(k * (k - 1) / 2);
    std::vector<double> lo(nv, 0), hi(nv, 1);
    for (size_t v = 0; v < nv; ++v) {
      const auto r = rng() % 5;
      if (r == 0) lo[v] = 1;
      if (r == 1) hi[v] = 0;
    }
    // oracle: the permutations that respect the fixed pairs
    std::vector<int> perm(static_cast<size_t>(k));
    std::iota(perm.begin(), perm.end(), 0);
    std::vector<int> seen_above(nv, 0), seen_below(nv, 0);
    int consistent = 0;
    do {
      std::vector<int> rank(static_cast<size_t>(k));
      for (int r = 0; r < k; ++r) rank[static_cast<size_t>(perm[static_cast<size_t>(r)])] = r;
      bool ok = true;
      for (int i = 0; i < k && ok; ++i)
        for (int j = i + 1; j < k && ok; ++j) {
          const size_t v = static_cast<size_t>(V(i, j));
          const bool above = rank[static_cast<size_t>(i)] < rank[static_cast<size_t>(j)];
          ok = above ? hi[v] > 0.5 : lo[v] < 0.5;
        }
      if (!ok) continue;
      ++consistent;
      for (int i = 0; i < k; ++i)
        for (int j = i + 1; j < k; ++j)
          (rank[static_cast<size_t>(i)] < rank[static_cast<size_t>(j)] ? seen_above : seen_below)[static_cast<size_t>(V(i, j))]++;
    } while (std::next_permutation(perm.begin(), perm.end()));
    std::vector<double> l2 = lo, h2 = hi;
    const bool feasible = close_fixed_pairs(k, V, l2, h2);
    SCOPED_TRACE(trial);
    ASSERT_EQ(feasible, consistent > 0);
    if (!feasible) {
      ++infeasible;
      continue;
    }
    for (size_t v = 0; v < nv; ++v) {
      EXPECT_EQ(l2[v] > 0.5, seen_below[v] == 0) << "pair " << v;
      EXPECT_EQ(h2[v] < 0.5, seen_above[v] == 0) << "pair " << v;
      implied += (l2[v] != lo[v]) + (h2[v] != hi[v]);
    }
  }
  EXPECT_GT(infeasible, 0);
  EXPECT_GT(implied, 0);
}

// cost[i*k+j] = cost of i above j; the cheapest ranking whose pair variables satisfy `side`
// (rows sum of x over the row's pairs <= its bound), by enumerating every permutation.
struct SideRow {
  std::vector<int> vars;
  double upper;
};
double cheapest_ranking(int k, const std::vector<double>& cost, const PairVars& V, const std::vector<SideRow>& side) {
  std::vector<int> perm(static_cast<size_t>(k));
  std::iota(perm.begin(), perm.end(), 0);
  double best = 1e300;
  do {
    std::vector<int> rank(static_cast<size_t>(k));
    for (int r = 0; r < k; ++r) rank[static_cast<size_t>(perm[static_cast<size_t>(r)])] = r;
    std::vector<double> x(static_cast<size_t>(k * (k - 1) / 2));
    double c = 0;
    for (int i = 0; i < k; ++i)
      for (int j = i + 1; j < k; ++j) {
        const bool above = rank[static_cast<size_t>(i)] < rank[static_cast<size_t>(j)];
        x[static_cast<size_t>(V(i, j))] = above ? 1 : 0;
        c += above ? cost[static_cast<size_t>(i) * static_cast<size_t>(k) + static_cast<size_t>(j)]
                   : cost[static_cast<size_t>(j) * static_cast<size_t>(k) + static_cast<size_t>(i)];
      }
    bool ok = true;
    for (const auto& row : side) {
      double s = 0;
      for (int v : row.vars) s += x[static_cast<size_t>(v)];
      ok = ok && s <= row.upper + 1e-9;
    }
    if (ok) best = std::min(best, c);
  } while (std::next_permutation(perm.begin(), perm.end()));
  return best;
}

// Linear ordering with a few odd side rows (sum of 3 or 5 pair variables <= 1 or 2) written up
// front: they make the LP fractional, so branch and cut must branch, fix and propagate.
TEST(KemenyFixing, BranchAndCutFromTheWorstRankingMatchesEnumeration) {
  std::mt19937 rng(5);
  long nodes = 0, by_cost = 0, by_closure = 0;
  for (int trial = 0; trial < 200; ++trial) {
    const int k = 6 + trial % 3;  // 6..8
    std::vector<double> cost(static_cast<size_t>(k) * static_cast<size_t>(k), 0.0);
    for (int i = 0; i < k; ++i)
      for (int j = 0; j < k; ++j)
        if (i != j) cost[static_cast<size_t>(i) * static_cast<size_t>(k) + static_cast<size_t>(j)] = static_cast<double>(rng() % 10);
    auto C = [&](int i, int j) { return cost[static_cast<size_t>(i) * static_cast<size_t>(k) + static_cast<size_t>(j)]; };
    PairVars V = pair_vars(k);
    const int nv = k * (k - 1) / 2;
    std::vector<SideRow> side;
    for (int r = 0; r < 3; ++r) {
      std::vector<int> all(static_cast<size_t>(nv));
      std::iota(all.begin(), all.end(), 0);
      std::shuffle(all.begin(), all.end(), rng);
      const size_t len = r == 2 ? 5 : 3;
      side.push_back({std::vector<int>(all.begin(), all.begin() + static_cast<long>(len)), static_cast<double>(len / 2)});
    }
    RowGeneration rg;
    for (int i = 0; i < k; ++i)
      for (int j = i + 1; j < k; ++j) rg.model.add_variable(0, 1, C(i, j) - C(j, i), true), rg.constant += C(j, i);
    for (const auto& row : side) {
      solve::Constraint c;
      for (int v : row.vars) c.terms.emplace_back(v, 1.0);
      c.upper = row.upper;
      rg.model.constraints.push_back(c);
    }
    rg.integral_costs = true;
    rg.separate = [&](const std::vector<double>& x, size_t max_rows) {
      std::vector<solve::Constraint> out;
      for (int i = 0; i < k; ++i)
        for (int j = i + 1; j < k; ++j)
          for (int l = j + 1; l < k; ++l) {
            const double s = x[static_cast<size_t>(V(i, j))] + x[static_cast<size_t>(V(j, l))] - x[static_cast<size_t>(V(i, l))];
            if ((s > 1 + 1e-6 || s < -1e-6) && out.size() < max_rows)
              out.push_back({{{V(i, j), 1.0}, {V(j, l), 1.0}, {V(i, l), -1.0}}, 0.0, 1.0});
          }
      return out;
    };
    rg.propagate = [&](std::vector<double>& lo, std::vector<double>& hi) { return close_fixed_pairs(k, V, lo, hi); };
    // start from the reverse of the identity (x = 0: it satisfies the side rows), a poor ranking
    RowGenerationResult r = row_generation_solve(rg, std::vector<double>(static_cast<size_t>(nv), 0.0), 0,
                                                 Clock::time_point::max(), nullptr);
    SCOPED_TRACE(trial);
    EXPECT_TRUE(r.proven);
    EXPECT_DOUBLE_EQ(r.objective, cheapest_ranking(k, cost, V, side));
    // the returned point is a ranking (every 3-cycle row holds) of that cost
    EXPECT_TRUE(rg.separate(r.optima[0], 1).empty());
    double z = rg.constant;
    for (size_t v = 0; v < r.optima[0].size(); ++v) z += rg.model.variables[v].objective * r.optima[0][v];
    EXPECT_DOUBLE_EQ(z, r.objective);
    nodes += r.nodes, by_cost += r.fixed_by_reduced_cost, by_closure += r.fixed_by_propagation;
  }
  // the test must exercise what it is about
  EXPECT_GT(nodes, 30);
  EXPECT_GT(by_cost, 0);
  EXPECT_GT(by_closure, 0);
}

}  // namespace
}  // namespace prefero
