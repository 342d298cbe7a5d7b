#pragma once
// Solves a 0/1 program whose constraint family is too large to write out (Kemeny's 3-cycle
// rows): LP rounds with CLP adding violated rows, then CBC rounds adding rows its integer
// solutions violate ("lazy" rows), until a solution satisfies every row. Optionally enumerates
// further optima with no-good cuts.
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
};

struct RowGenerationResult {
  std::vector<std::vector<double>> optima;  // first = best found; more with all_cap
  double objective = 0;                     // of optima[0], constant included
  double bound = 0;                         // proven lower bound
  bool proven = false;
  bool capped = false;
  int rounds = 0;
  size_t rows_added = 0;
};

// `start` is a feasible 0/1 point (the heuristic ranking); it is returned if nothing better is found.
RowGenerationResult row_generation_solve(RowGeneration& rg, const std::vector<double>& start, int all_cap,
                                         Clock::time_point deadline,
                                         const std::function<void(const std::string&)>& progress);

}  // namespace prefero
