#pragma once
// The one adapter over the LP/MIP solver (COIN-OR CLP for linear programs, CBC for mixed-integer
// programs). Rules build a plain `LinearModel` (variables with bounds and integrality, linear
// constraints, a linear objective) and call `solve`; nothing else in the project includes a
// COIN-OR header. The solver's console output is switched off.
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace prefero::solve {

inline constexpr double kInfinity = std::numeric_limits<double>::infinity();

enum class Sense { minimize, maximize };

struct Variable {
  double lower = 0.0;
  double upper = kInfinity;
  double objective = 0.0;  // coefficient in the objective
  bool integer = false;
  std::string name;
};

// lower <= sum(coefficient * variable) <= upper (use -kInfinity / kInfinity for one-sided rows).
struct Constraint {
  std::vector<std::pair<int, double>> terms;  // (variable index, coefficient)
  double lower = -kInfinity;
  double upper = kInfinity;
};

struct LinearModel {
  Sense sense = Sense::minimize;
  std::vector<Variable> variables;
  std::vector<Constraint> constraints;

  // Adds a variable and returns its index.
  int add_variable(double lower, double upper, double objective = 0.0, bool integer = false, std::string name = {});
  void add_constraint(std::vector<std::pair<int, double>> terms, double lower, double upper);
  void add_equality(std::vector<std::pair<int, double>> terms, double rhs) { add_constraint(std::move(terms), rhs, rhs); }
  int num_variables() const { return static_cast<int>(variables.size()); }
  bool has_integers() const;
};

struct SolveOptions {
  // Wall-clock limit in seconds; 0 = none.
  double time_limit_seconds = 0.0;
  // Solve the LP relaxation even if some variables are integer.
  bool relax_integrality = false;
};

enum class SolveStatus {
  optimal,         // proven optimal
  time_limit,      // stopped by the time limit with a feasible solution (NOT proven optimal)
  no_solution,     // stopped by the time limit before any feasible solution was found
  infeasible,      // proven infeasible
  unbounded,       // the objective is unbounded
  failed,          // the solver gave up for another reason (numerical trouble)
};

std::string to_string(SolveStatus s);

struct Solution {
  SolveStatus status = SolveStatus::failed;
  bool proven_optimal = false;    // status == optimal
  std::vector<double> values;     // one per variable; empty unless a solution was found
  double objective = 0.0;         // objective value of `values`
  double bound = 0.0;             // best proven bound on the optimum (MIP); = objective for an optimal LP
  bool has_solution() const { return !values.empty(); }
};

// Solves `model` as an LP (no integer variables, or relax_integrality) with CLP, or as a MIP with
// CBC. Never prints. Throws std::invalid_argument for a malformed model (bad variable index,
// lower > upper).
Solution solve(const LinearModel& model, const SolveOptions& options = {});

}  // namespace prefero::solve
