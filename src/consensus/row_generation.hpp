#pragma once
// Solves a 0/1 program whose constraint family is too large to write out (Kemeny's 3-cycle
// rows): LP rounds with CLP adding violated rows; if the LP optimum is fractional and above the
// best known point, a depth-first branch and cut on the same warm LP (rows added at every node)
// proves the optimum. Optionally enumerates further optima with no-good cuts (CBC rounds adding
// the rows its integer solutions violate).
#include <functional>
#include <string>
#include <vector>

#include "consensus/heuristics.hpp"
#include "solve/lp.hpp"

namespace prefero {

struct RowGeneration {
  solve::LinearModel model;   // binary variables (integer = true) and the rows known up front
  double constant = 0;        // added to the model's objective
  bool integral_costs = false;  // every feasible objective is an integer: bounds may be rounded up
  // Rows violated by x (at most `max_rows`, most violated first); empty = x satisfies them all.
  std::function<std::vector<solve::Constraint>(const std::vector<double>& x, size_t max_rows)> separate;
  // Optional: a feasible 0/1 point near a fractional LP point x (for Kemeny: the ranking x's row
  // sums give, improved by local search); branch and cut uses it for incumbents.
  std::function<std::vector<double>(const std::vector<double>& x)> round;
};

struct RowGenerationResult {
  std::vector<std::vector<double>> optima;  // first = best found; more with all_cap
  double objective = 0;                     // of optima[0], constant included
  double bound = 0;                         // proven lower bound
  bool proven = false;
  bool capped = false;
  int rounds = 0;
  size_t rows_added = 0;
  long nodes = 0;  // branch-and-cut nodes after the root LP
};

// `start` is a feasible 0/1 point (the heuristic ranking); it is returned if nothing better is found.
RowGenerationResult row_generation_solve(RowGeneration& rg, const std::vector<double>& start, int all_cap,
                                         Clock::time_point deadline,
                                         const std::function<void(const std::string&)>& progress);

}  // namespace prefero
