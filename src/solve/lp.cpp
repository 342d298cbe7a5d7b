// COIN-OR CLP/CBC behind the plain LinearModel interface (see lp.hpp).
#include "solve/lp.hpp"

#include <ClpSimplex.hpp>
#include <CbcModel.hpp>
#include <CbcSolver.hpp>
#include <CoinPackedMatrix.hpp>
#include <CoinPackedVector.hpp>
#include <OsiClpSolverInterface.hpp>

#include <cmath>
#include <stdexcept>
#include <string>

namespace prefero::solve {

int LinearModel::add_variable(double lower, double upper, double objective, bool integer, std::string name) {
  variables.push_back(Variable{lower, upper, objective, integer, std::move(name)});
  return num_variables() - 1;
}

void LinearModel::add_constraint(std::vector<std::pair<int, double>> terms, double lower, double upper) {
  constraints.push_back(Constraint{std::move(terms), lower, upper});
}

bool LinearModel::has_integers() const {
  for (const auto& v : variables)
    if (v.integer) return true;
  return false;
}

std::string to_string(SolveStatus s) {
  switch (s) {
    case SolveStatus::optimal: return "optimal";
    case SolveStatus::time_limit: return "time_limit";
    case SolveStatus::no_solution: return "no_solution";
    case SolveStatus::infeasible: return "infeasible";
    case SolveStatus::unbounded: return "unbounded";
    case SolveStatus::failed: return "failed";
  }
  return "failed";
}

namespace {

// CLP/CBC spell infinity as COIN_DBL_MAX.
double coin_bound(double v) {
  if (v == kInfinity) return COIN_DBL_MAX;
  if (v == -kInfinity) return -COIN_DBL_MAX;
  return v;
}

// The model in COIN-OR's arrays, always as a minimization (maximize = minimize the negation).
struct CoinArrays {
  CoinPackedMatrix matrix{false, 0, 0};  // row-ordered
  std::vector<double> col_lower, col_upper, objective, row_lower, row_upper;
};

CoinArrays to_coin(const LinearModel& model) {
  CoinArrays a;
  const int n = model.num_variables();
  const double sign = model.sense == Sense::maximize ? -1.0 : 1.0;
  for (const auto& v : model.variables) {
    if (std::isnan(v.lower) || std::isnan(v.upper) || v.lower > v.upper)
      throw std::invalid_argument("solve: variable '" + v.name + "' has lower bound above upper bound");
    a.col_lower.push_back(coin_bound(v.lower));
    a.col_upper.push_back(coin_bound(v.upper));
    a.objective.push_back(sign * v.objective);
  }
  a.matrix.setDimensions(0, n);
  for (const auto& c : model.constraints) {
    CoinPackedVector row;
    for (auto [var, coef] : c.terms) {
      if (var < 0 || var >= n) throw std::invalid_argument("solve: constraint uses an unknown variable");
      if (coef != 0.0) row.insert(var, coef);
    }
    a.matrix.appendRow(row);
    a.row_lower.push_back(coin_bound(c.lower));
    a.row_upper.push_back(coin_bound(c.upper));
  }
  return a;
}

double objective_of(const LinearModel& model, const std::vector<double>& x) {
  double z = 0.0;
  for (size_t i = 0; i < x.size(); ++i) z += model.variables[i].objective * x[i];
  return z;
}

Solution solve_lp(const LinearModel& model, const SolveOptions& options) {
  CoinArrays a = to_coin(model);
  ClpSimplex clp;
  clp.setLogLevel(0);
  clp.messageHandler()->setLogLevel(0);
  clp.loadProblem(a.matrix, a.col_lower.data(), a.col_upper.data(), a.objective.data(), a.row_lower.data(),
                  a.row_upper.data());
  clp.setOptimizationDirection(1.0);
  if (options.time_limit_seconds > 0) clp.setMaximumSeconds(options.time_limit_seconds);
  clp.initialSolve();
  Solution s;
  const int n = model.num_variables();
  auto take_values = [&] {
    const double* x = clp.primalColumnSolution();
    s.values.assign(x, x + n);
    s.objective = objective_of(model, s.values);
  };
  if (clp.isProvenOptimal()) {
    s.status = SolveStatus::optimal;
    s.proven_optimal = true;
    take_values();
    s.bound = s.objective;
  } else if (clp.isProvenPrimalInfeasible()) {
    s.status = SolveStatus::infeasible;
  } else if (clp.isProvenDualInfeasible()) {
    s.status = SolveStatus::unbounded;
  } else if (clp.status() == 3) {  // stopped on iterations or time
    s.status = clp.primalFeasible() ? SolveStatus::time_limit : SolveStatus::no_solution;
    if (clp.primalFeasible()) take_values();
  } else {
    s.status = SolveStatus::failed;
  }
  return s;
}

int no_callback(CbcModel* /*model*/, int /*where_from*/) { return 0; }

Solution solve_mip(const LinearModel& model, const SolveOptions& options) {
  CoinArrays a = to_coin(model);
  OsiClpSolverInterface osi;
  osi.messageHandler()->setLogLevel(0);
  osi.loadProblem(a.matrix, a.col_lower.data(), a.col_upper.data(), a.objective.data(), a.row_lower.data(),
                  a.row_upper.data());
  for (int i = 0; i < model.num_variables(); ++i)
    if (model.variables[i].integer) osi.setInteger(i);
  CbcModel cbc(osi);
  cbc.setLogLevel(0);
  cbc.messageHandler()->setLogLevel(0);
  CbcSolverUsefulData data;
  data.noPrinting_ = true;
  CbcMain0(cbc, data);
  std::string seconds = std::to_string(options.time_limit_seconds > 0 ? options.time_limit_seconds : 1e30);
  // elapsed (wall-clock) time: the limit is the user's deadline, not CPU time (which runs slower on a busy machine)
  const char* argv[] = {"prefero", "-log", "0", "-slog", "0", "-timeMode", "elapsed", "-sec", seconds.c_str(), "-solve", "-quit"};
  CbcMain1(static_cast<int>(std::size(argv)), argv, cbc, no_callback, data);

  Solution s;
  const int n = model.num_variables();
  const double* best = cbc.bestSolution();
  if (best != nullptr) {
    s.values.assign(best, best + n);
    for (int i = 0; i < n; ++i)
      if (model.variables[i].integer) s.values[i] = std::round(s.values[i]);
    s.objective = objective_of(model, s.values);
  }
  const double sign = model.sense == Sense::maximize ? -1.0 : 1.0;
  s.bound = sign * cbc.getBestPossibleObjValue();
  if (cbc.isProvenOptimal() && best != nullptr) {
    s.status = SolveStatus::optimal;
    s.proven_optimal = true;
    s.bound = s.objective;
  } else if (cbc.isSecondsLimitReached()) {
    // before the infeasibility test: a search stopped by the clock has proven nothing (callers
    // enumerating every optimum stop at "infeasible" and would report an incomplete list as proven)
    s.status = best != nullptr ? SolveStatus::time_limit : SolveStatus::no_solution;
  } else if (cbc.isProvenInfeasible()) {
    s.status = SolveStatus::infeasible;
    s.values.clear();
  } else if (cbc.isContinuousUnbounded()) {
    s.status = SolveStatus::unbounded;
  } else {
    s.status = SolveStatus::failed;
  }
  return s;
}

}  // namespace

Solution solve(const LinearModel& model, const SolveOptions& options) {
  if (model.num_variables() == 0) {
    Solution s;
    s.status = SolveStatus::optimal;
    s.proven_optimal = true;
    for (const auto& c : model.constraints)
      if (c.lower > 0 || c.upper < 0) s.status = SolveStatus::infeasible, s.proven_optimal = false;
    return s;
  }
  if (options.relax_integrality || !model.has_integers()) return solve_lp(model, options);
  return solve_mip(model, options);
}

}  // namespace prefero::solve
