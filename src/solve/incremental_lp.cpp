#include "solve/incremental_lp.hpp"

#include <ClpSimplex.hpp>
#include <CoinPackedMatrix.hpp>
#include <CoinPackedVector.hpp>

#include <stdexcept>

namespace prefero::solve {

namespace {
double coin(double v) {
  if (v == kInfinity) return COIN_DBL_MAX;
  if (v == -kInfinity) return -COIN_DBL_MAX;
  return v;
}
}  // namespace

IncrementalLp::IncrementalLp(const LinearModel& model) : clp_(std::make_unique<ClpSimplex>()) {
  sign_ = model.sense == Sense::maximize ? -1.0 : 1.0;
  n_ = model.num_variables();
  std::vector<double> cl, cu, obj, rl, ru;
  for (const auto& v : model.variables) {
    if (!(v.lower <= v.upper)) throw std::invalid_argument("IncrementalLp: variable with lower bound above upper bound");
    cl.push_back(coin(v.lower));
    cu.push_back(coin(v.upper));
    obj.push_back(sign_ * v.objective);
  }
  CoinPackedMatrix m(false, 0, 0);
  m.setDimensions(0, n_);
  for (const auto& c : model.constraints) {
    CoinPackedVector row;
    for (auto [var, coef] : c.terms) {
      if (var < 0 || var >= n_) throw std::invalid_argument("IncrementalLp: unknown variable");
      if (coef != 0.0) row.insert(var, coef);
    }
    m.appendRow(row);
    rl.push_back(coin(c.lower));
    ru.push_back(coin(c.upper));
  }
  clp_->setLogLevel(0);
  clp_->messageHandler()->setLogLevel(0);
  clp_->loadProblem(m, cl.data(), cu.data(), obj.data(), rl.data(), ru.data());
  clp_->setOptimizationDirection(1.0);
}

IncrementalLp::~IncrementalLp() = default;

void IncrementalLp::add_rows(const std::vector<Constraint>& rows) {
  if (rows.empty()) return;
  std::vector<CoinBigIndex> starts = {0};
  std::vector<int> cols;
  std::vector<double> elems, lo, up;
  for (const auto& r : rows) {
    for (auto [var, coef] : r.terms) {
      if (var < 0 || var >= n_) throw std::invalid_argument("IncrementalLp: unknown variable");
      cols.push_back(var);
      elems.push_back(coef);
    }
    starts.push_back(static_cast<CoinBigIndex>(cols.size()));
    lo.push_back(coin(r.lower));
    up.push_back(coin(r.upper));
  }
  clp_->addRows(static_cast<int>(rows.size()), lo.data(), up.data(), starts.data(), cols.data(), elems.data());
}

std::vector<int> IncrementalLp::slack_rows(int first, double tol) const {
  std::vector<int> out;
  const double* act = clp_->primalRowSolution();
  const double* lo = clp_->rowLower();
  const double* up = clp_->rowUpper();
  for (int r = first; r < clp_->numberRows(); ++r)
    if (clp_->getRowStatus(r) == ClpSimplex::basic && act[r] > lo[r] + tol && act[r] < up[r] - tol) out.push_back(r);
  return out;
}

void IncrementalLp::remove_rows(const std::vector<int>& rows) {
  if (!rows.empty()) clp_->deleteRows(static_cast<int>(rows.size()), rows.data());
}

void IncrementalLp::set_bounds(int var, double lower, double upper) {
  if (var < 0 || var >= n_) throw std::invalid_argument("IncrementalLp: unknown variable");
  clp_->setColumnBounds(var, coin(lower), coin(upper));
}

int IncrementalLp::num_rows() const { return clp_->numberRows(); }

SolveStatus IncrementalLp::solve(double time_limit_seconds) {
  clp_->setMaximumWallSeconds(time_limit_seconds > 0 ? time_limit_seconds : -1.0);  // wall clock, like the caller's deadline
  if (!solved_once_) clp_->initialSolve();
  else clp_->dual();
  solved_once_ = true;
  if (clp_->isProvenOptimal()) return SolveStatus::optimal;
  if (clp_->isProvenPrimalInfeasible()) return SolveStatus::infeasible;
  if (clp_->isProvenDualInfeasible()) return SolveStatus::unbounded;
  if (clp_->status() == 3) return SolveStatus::time_limit;
  return SolveStatus::failed;
}

std::vector<double> IncrementalLp::values() const {
  const double* x = clp_->primalColumnSolution();
  return {x, x + n_};
}

std::vector<double> IncrementalLp::reduced_costs() const {
  const double* d = clp_->dualColumnSolution();
  std::vector<double> out(d, d + n_);
  for (double& v : out) v *= sign_;
  return out;
}

double IncrementalLp::objective() const { return sign_ * clp_->objectiveValue(); }

}  // namespace prefero::solve
