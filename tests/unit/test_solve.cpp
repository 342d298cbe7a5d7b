// The LP/MIP adapter: textbook problems with hand-computed optima, status reporting, silence.
#include <gtest/gtest.h>

#include <cmath>

#include "solve/lp.hpp"

using namespace prefero::solve;

namespace {

// max 3x + 2y  s.t. x + y <= 4, x + 3y <= 6, x <= 3, x, y >= 0  -> optimum x = 3, y = 1, value 11.
LinearModel textbook_lp() {
  LinearModel m;
  m.sense = Sense::maximize;
  int x = m.add_variable(0, 3, 3.0, false, "x");
  int y = m.add_variable(0, kInfinity, 2.0, false, "y");
  m.add_constraint({{x, 1}, {y, 1}}, -kInfinity, 4);
  m.add_constraint({{x, 1}, {y, 3}}, -kInfinity, 6);
  return m;
}

}  // namespace

TEST(Solve, LinearProgramOptimum) {
  Solution s = solve(textbook_lp());
  ASSERT_EQ(s.status, SolveStatus::optimal);
  EXPECT_TRUE(s.proven_optimal);
  EXPECT_NEAR(s.objective, 11.0, 1e-9);
  EXPECT_NEAR(s.values[0], 3.0, 1e-9);
  EXPECT_NEAR(s.values[1], 1.0, 1e-9);
}

TEST(Solve, IntegerProgramDiffersFromItsRelaxation) {
  // max x + y s.t. 2x + 2y <= 3 (binary-free integers >= 0): LP optimum 1.5, integer optimum 1.
  LinearModel m;
  m.sense = Sense::maximize;
  int x = m.add_variable(0, 10, 1.0, true);
  int y = m.add_variable(0, 10, 1.0, true);
  m.add_constraint({{x, 2}, {y, 2}}, -kInfinity, 3);
  Solution lp = solve(m, SolveOptions{.relax_integrality = true});
  EXPECT_NEAR(lp.objective, 1.5, 1e-9);
  Solution mip = solve(m);
  ASSERT_EQ(mip.status, SolveStatus::optimal);
  EXPECT_NEAR(mip.objective, 1.0, 1e-9);
  EXPECT_NEAR(mip.values[0] + mip.values[1], 1.0, 1e-9);
}

TEST(Solve, KnapsackOptimum) {
  // weights 5 4 3 2, values 10 7 5 3, capacity 9: best is items 0 + 1 (weight 9, value 17).
  LinearModel m;
  m.sense = Sense::maximize;
  std::vector<std::pair<int, double>> weight;
  const double w[] = {5, 4, 3, 2}, v[] = {10, 7, 5, 3};
  for (int i = 0; i < 4; ++i) weight.push_back({m.add_variable(0, 1, v[i], true), w[i]});
  m.add_constraint(weight, -kInfinity, 9);
  Solution s = solve(m, SolveOptions{.time_limit_seconds = 30});
  ASSERT_EQ(s.status, SolveStatus::optimal);
  EXPECT_NEAR(s.objective, 17.0, 1e-9);
  EXPECT_NEAR(s.bound, 17.0, 1e-6);
}

TEST(Solve, ReportsInfeasibleAndUnbounded) {
  LinearModel inf;
  int x = inf.add_variable(0, 1);
  inf.add_constraint({{x, 1}}, 2, kInfinity);
  EXPECT_EQ(solve(inf).status, SolveStatus::infeasible);
  LinearModel inf_mip = inf;
  inf_mip.variables[0].integer = true;
  EXPECT_EQ(solve(inf_mip).status, SolveStatus::infeasible);

  LinearModel unb;
  unb.sense = Sense::maximize;
  unb.add_variable(0, kInfinity, 1.0);
  EXPECT_EQ(solve(unb).status, SolveStatus::unbounded);
}

TEST(Solve, RejectsMalformedModels) {
  LinearModel m;
  m.add_variable(2, 1);
  EXPECT_THROW(solve(m), std::invalid_argument);
  LinearModel bad_index;
  bad_index.add_variable(0, 1);
  bad_index.add_constraint({{5, 1.0}}, 0, 1);
  EXPECT_THROW(solve(bad_index), std::invalid_argument);
}

TEST(Solve, PrintsNothing) {
  LinearModel m = textbook_lp();
  m.variables[1].integer = true;
  testing::internal::CaptureStdout();
  testing::internal::CaptureStderr();
  solve(m);
  solve(textbook_lp());
  std::string out = testing::internal::GetCapturedStdout();
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(out, "");
  EXPECT_EQ(err, "");
}

TEST(Solve, TimeLimitReturnsBestFoundMarkedNotProven) {
  // A market split instance (Cornuejols and Dawande 1999: 4 equality rows over 30 binaries, slack
  // minimized) is far beyond a 0.2 s budget for branch and bound.
  LinearModel m;
  uint32_t state = 12345;
  auto next = [&state] { return (state = state * 1103515245u + 12345u) >> 16; };
  std::vector<int> x;
  for (int j = 0; j < 30; ++j) x.push_back(m.add_variable(0, 1, 0.0, true));
  for (int i = 0; i < 4; ++i) {
    std::vector<std::pair<int, double>> row;
    double sum = 0;
    for (int j : x) {
      double a = static_cast<double>(next() % 100);
      row.push_back({j, a});
      sum += a;
    }
    row.push_back({m.add_variable(0, kInfinity, 1.0), 1.0});
    row.push_back({m.add_variable(0, kInfinity, 1.0), -1.0});
    m.add_equality(row, std::floor(sum / 2));
  }
  Solution s = solve(m, SolveOptions{.time_limit_seconds = 0.2});
  if (s.status == SolveStatus::optimal) GTEST_SKIP() << "solved within the limit; nothing to check";
  EXPECT_FALSE(s.proven_optimal);
  ASSERT_TRUE(s.status == SolveStatus::time_limit || s.status == SolveStatus::no_solution) << to_string(s.status);
  if (s.status == SolveStatus::time_limit) {
    EXPECT_TRUE(s.has_solution());
    EXPECT_LE(s.bound, s.objective + 1e-6);
  }
}
