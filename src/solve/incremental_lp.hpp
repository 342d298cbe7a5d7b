#pragma once
// An LP that grows by rows and is re-solved warm (dual simplex from the previous basis): the
// cutting-plane loop of exact Kemeny adds a few thousand 3-cycle rows per round, and solving each
// round from scratch costs more than the whole warm sequence. Part of the solver adapter: the
// COIN-OR header stays in the .cpp.
#include <memory>
#include <vector>

#include "solve/lp.hpp"

class ClpSimplex;

namespace prefero::solve {

class IncrementalLp {
 public:
  // The LP relaxation of `model` (integrality ignored), minimized or maximized as it says.
  explicit IncrementalLp(const LinearModel& model);
  ~IncrementalLp();
  IncrementalLp(const IncrementalLp&) = delete;
  IncrementalLp& operator=(const IncrementalLp&) = delete;

  void add_rows(const std::vector<Constraint>& rows);
  // Rows with index >= first whose slack is basic and at least `tol` away from both bounds at the
  // last solution: removing them keeps the basis valid and the optimum unchanged.
  std::vector<int> slack_rows(int first, double tol) const;
  void remove_rows(const std::vector<int>& rows);
  // Changes one variable's bounds (branching); the next solve starts from the current basis.
  void set_bounds(int var, double lower, double upper);
  int num_rows() const;
  // Re-solves; returns optimal, time_limit, infeasible, unbounded or failed.
  SolveStatus solve(double time_limit_seconds = 0);
  std::vector<double> values() const;
  // Reduced costs of the last optimal solve, in the model's sense (minimize: d_j >= 0 at a
  // column's lower bound, <= 0 at its upper bound).
  std::vector<double> reduced_costs() const;
  double objective() const;  // in the model's sense, without any constant

 private:
  std::unique_ptr<ClpSimplex> clp_;
  double sign_ = 1.0;
  bool solved_once_ = false;
  int n_ = 0;
};

}  // namespace prefero::solve
