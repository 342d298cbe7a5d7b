// Row generation with branch and cut (consensus/row_generation.hpp) on random 0/1 packing
// programs whose LP optimum is fractional, against enumeration of all 2^n points.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "consensus/row_generation.hpp"

namespace prefero {
namespace {

struct Packing {
  std::vector<double> cost;
  std::vector<std::vector<int>> rows;  // sum of x over the row's variables <= 1
};

Packing random_packing(int n, std::mt19937& rng) {
  Packing p;
  std::uniform_int_distribution<int> c(-6, 2), pick(0, n - 1);
  for (int i = 0; i < n; ++i) p.cost.push_back(c(rng));
  for (int r = 0; r < 2 * n; ++r) {  // odd cycles of pairs and triples make the LP fractional
    std::vector<int> row{pick(rng), pick(rng)};
    if (r % 3 == 0) row.push_back(pick(rng));
    std::sort(row.begin(), row.end());
    row.erase(std::unique(row.begin(), row.end()), row.end());
    if (row.size() > 1) p.rows.push_back(row);
  }
  return p;
}

bool satisfies(const std::vector<int>& row, const std::vector<double>& x) {
  double s = 0;
  for (int v : row) s += x[static_cast<size_t>(v)];
  return s <= 1 + 1e-6;
}

double brute_force_minimum(const Packing& p) {
  const int n = static_cast<int>(p.cost.size());
  double best = 0;  // x = 0 is feasible
  for (uint32_t mask = 0; mask < (1u << n); ++mask) {
    std::vector<double> x(static_cast<size_t>(n));
    double z = 0;
    for (int i = 0; i < n; ++i) x[static_cast<size_t>(i)] = (mask >> i) & 1u, z += p.cost[static_cast<size_t>(i)] * x[static_cast<size_t>(i)];
    bool ok = true;
    for (const auto& row : p.rows) ok = ok && satisfies(row, x);
    if (ok) best = std::min(best, z);
  }
  return best;
}

TEST(RowGeneration, BranchAndCutMatchesEnumerationOnFractionalPackings) {
  std::mt19937 rng(2026);
  long nodes = 0;
  for (int trial = 0; trial < 40; ++trial) {
    const int n = 8 + trial % 7;  // 8..14 variables
    const Packing p = random_packing(n, rng);
    RowGeneration rg;
    for (int i = 0; i < n; ++i) rg.model.add_variable(0, 1, p.cost[static_cast<size_t>(i)], true);
    rg.integral_costs = true;
    // every row is lazy: the solver only learns the rows its points violate
    rg.separate = [&](const std::vector<double>& x, size_t max_rows) {
      std::vector<solve::Constraint> out;
      for (const auto& row : p.rows) {
        if (out.size() >= max_rows) break;
        if (satisfies(row, x)) continue;
        solve::Constraint c;
        for (int v : row) c.terms.emplace_back(v, 1.0);
        c.upper = 1;
        out.push_back(c);
      }
      return out;
    };
    RowGenerationResult r = row_generation_solve(rg, std::vector<double>(static_cast<size_t>(n), 0.0), 0,
                                                 Clock::time_point::max(), nullptr);
    SCOPED_TRACE(trial);
    EXPECT_TRUE(r.proven);
    EXPECT_DOUBLE_EQ(r.objective, brute_force_minimum(p));
    ASSERT_EQ(r.optima.size(), 1u);
    for (const auto& row : p.rows) EXPECT_TRUE(satisfies(row, r.optima[0]));
    nodes += r.nodes;
  }
  EXPECT_GT(nodes, 0) << "no program needed branching: the test does not exercise branch and cut";
}

}  // namespace
}  // namespace prefero
