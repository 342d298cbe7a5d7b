#pragma once
// Solves a 0/1 program whose constraint family is too large to write out (Kemeny's 3-cycle
// rows): LP rounds with CLP adding violated rows; if the LP optimum is fractional and above the
// best known point, a depth-first branch and cut on the same warm LP (rows added at every node)
// proves the optimum; at every node, variables whose reduced cost exceeds the gap to the
// incumbent are fixed for the subtree, and `propagate` spreads the fixings. Optionally
// enumerates further optima with no-good cuts (CBC rounds adding the rows its integer solutions
// violate).
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
  // Optional: tightens the bounds of variables implied by the fixed ones (for Kemeny: x_ab = 1
  // and x_bc = 1 force x_ac = 1); returns false when no feasible 0/1 point is left.
  std::function<bool(std::vector<double>& lower, std::vector<double>& upper)> propagate;
  // Strong branching: LP-solve both children of this many candidates per node and branch on the
  // best (0 = branch on the fractional variable with the most objective at stake). On IC n = 80
  // it costs easy instances ~25 % more time and proves hard ones that plain branching cannot.
  size_t strong_candidates = 4;
};

struct RowGenerationResult {
  std::vector<std::vector<double>> optima;  // first = best found; more with all_cap
  double objective = 0;                     // of optima[0], constant included
  double bound = 0;                         // proven lower bound
  bool proven = false;
  bool capped = false;
  int rounds = 0;
  size_t rows_added = 0;
  size_t rows_removed = 0;  // slack rows dropped from the LP in branch and cut (kept in the model)
  long nodes = 0;  // branch-and-cut nodes after the root LP
  long fixed_by_reduced_cost = 0;  // variable fixings in branch and cut (counted at every node)
  long fixed_by_propagation = 0;
};

// `start` is a feasible 0/1 point (the heuristic ranking); it is returned if nothing better is found.
RowGenerationResult row_generation_solve(RowGeneration& rg, const std::vector<double>& start, int all_cap,
                                         Clock::time_point deadline,
                                         const std::function<void(const std::string&)>& progress);

}  // namespace prefero
