#include "consensus/row_generation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "solve/incremental_lp.hpp"

namespace prefero {

namespace {
constexpr double kEps = 1e-6;

double seconds_left(Clock::time_point deadline) {
  if (deadline == Clock::time_point::max()) return 0;  // 0 = no limit for the adapter
  double s = std::chrono::duration<double>(deadline - Clock::now()).count();
  return std::max(s, 0.01);
}
bool expired(Clock::time_point deadline) { return Clock::now() > deadline; }

double value_of(const RowGeneration& rg, const std::vector<double>& x) {
  double z = rg.constant;
  for (size_t i = 0; i < x.size(); ++i) z += rg.model.variables[i].objective * x[i];
  return z;
}
double round_bound(const RowGeneration& rg, double b) { return rg.integral_costs ? std::ceil(b - kEps) : b; }
bool integral(const std::vector<double>& x) {
  for (double v : x)
    if (std::abs(v - std::round(v)) > kEps) return false;
  return true;
}
void report(const std::function<void(const std::string&)>& progress, const std::string& s) {
  if (progress) progress(s);
}

// MIP rounds: solve, add the rows the integer solution violates, repeat. Returns false when the
// time ran out (then `x` may be empty and `bound` is the last proven bound).
bool mip_rounds(RowGeneration& rg, std::vector<double>& x, double& bound, bool& optimal, RowGenerationResult& res,
                Clock::time_point deadline, const std::function<void(const std::string&)>& progress) {
  while (true) {
    if (expired(deadline)) return false;
    solve::SolveOptions so;
    so.time_limit_seconds = seconds_left(deadline);
    solve::Solution s = solve::solve(rg.model, so);
    ++res.rounds;
    if (s.status == solve::SolveStatus::infeasible) {
      x.clear();
      optimal = true;
      return true;
    }
    if (!s.has_solution()) {
      bound = std::max(bound, round_bound(rg, s.bound + rg.constant));
      return false;
    }
    auto rows = rg.separate(s.values, 4000);
    if (rows.empty()) {
      x = s.values;
      optimal = s.proven_optimal;
      bound = std::max(bound, round_bound(rg, (s.proven_optimal ? s.objective : s.bound) + rg.constant));
      return s.proven_optimal;
    }
    res.rows_added += rows.size();
    for (auto& r : rows) rg.model.constraints.push_back(std::move(r));
    report(progress, fmt::format("MIP round {}: {} rows added (total {})", res.rounds, rows.size(), res.rows_added));
  }
}

void add_no_good(RowGeneration& rg, const std::vector<double>& x) {
  solve::Constraint c;
  double ones = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    if (x[i] > 0.5) c.terms.emplace_back(static_cast<int>(i), 1.0), ones += 1;
    else c.terms.emplace_back(static_cast<int>(i), -1.0);
  }
  c.upper = ones - 1;
  rg.model.constraints.push_back(std::move(c));
}

// Depth-first branch and cut on the warm LP, the way Grötschel, Jünger and Reinelt (Operations
// Research 32, 1984) solved linear ordering: at each node add violated rows until the LP
// satisfies them, prune when its bound cannot beat the incumbent, round the LP point for a new
// incumbent, and branch on the most fractional variable (the side it leans to first).
struct BranchAndCut {
  RowGeneration& rg;
  solve::IncrementalLp& lp;
  Clock::time_point deadline;
  RowGenerationResult& res;
  const std::function<void(const std::string&)>& progress;
  std::vector<double> best;
  double best_value;
  bool timed_out = false;

  // true when no point under this LP bound is strictly better than the incumbent
  bool prunable(double lp_objective) const {
    const double b = lp_objective + rg.constant;
    return rg.integral_costs ? std::ceil(b - kEps) >= best_value - 0.5 : b >= best_value - kEps;
  }
  void offer(const std::vector<double>& x) {
    const double v = value_of(rg, x);
    if (v >= best_value - kEps) return;
    best = x, best_value = v;
    report(progress, fmt::format("branch and cut: better ranking {:.6g} at node {}", v, res.nodes));
  }
  // Solves the node's LP to a point satisfying every row; empty when pruned, infeasible or out of time.
  std::vector<double> node_lp() {
    while (true) {
      if (expired(deadline)) {
        timed_out = true;
        return {};
      }
      solve::SolveStatus st = lp.solve(seconds_left(deadline));
      ++res.rounds;
      if (st == solve::SolveStatus::infeasible) return {};
      if (st != solve::SolveStatus::optimal) {
        timed_out = true;
        return {};
      }
      if (prunable(lp.objective())) return {};
      std::vector<double> x = lp.values();
      auto rows = rg.separate(x, 4000);
      if (rows.empty()) return x;
      res.rows_added += rows.size();
      lp.add_rows(rows);
      for (auto& r : rows) rg.model.constraints.push_back(std::move(r));
    }
  }
  void node() {
    if (++res.nodes % 1000 == 0)
      report(progress, fmt::format("branch and cut: {} nodes, {} rows, best {:.6g}", res.nodes, lp.num_rows(), best_value));
    std::vector<double> x = node_lp();
    if (x.empty()) return;
    if (integral(x)) {
      for (double& v : x) v = std::round(v);
      offer(x);
      return;
    }
    if (rg.round) {
      offer(rg.round(x));
      if (prunable(lp.objective())) return;
    }
    size_t j = 0;  // the fractional variable with the most objective at stake
    double stake = -1;
    for (size_t i = 0; i < x.size(); ++i) {
      const double frac = std::min(x[i], 1 - x[i]);
      const double s = frac > kEps ? frac * (std::abs(rg.model.variables[i].objective) + 1e-3) : -1;
      if (s > stake) stake = s, j = i;
    }
    const int var = static_cast<int>(j);
    const double first = x[j] >= 0.5 ? 1.0 : 0.0;
    for (double v : {first, 1.0 - first}) {
      lp.set_bounds(var, v, v);
      node();
      if (timed_out) break;
    }
    lp.set_bounds(var, rg.model.variables[j].lower, rg.model.variables[j].upper);
  }
};
}  // namespace

RowGenerationResult row_generation_solve(RowGeneration& rg, const std::vector<double>& start, int all_cap,
                                         Clock::time_point deadline,
                                         const std::function<void(const std::string&)>& progress) {
  RowGenerationResult res;
  res.optima = {start};
  res.objective = value_of(rg, start);
  double bound = -solve::kInfinity;
  // 1. LP rounds, warm-started
  std::vector<double> lp_x;
  bool lp_done = false;
  solve::IncrementalLp lp(rg.model);
  while (!expired(deadline)) {
    solve::SolveStatus st = lp.solve(seconds_left(deadline));
    ++res.rounds;
    if (st != solve::SolveStatus::optimal) break;
    std::vector<double> x = lp.values();
    auto rows = rg.separate(x, 4000);
    if (rows.empty()) {
      bound = round_bound(rg, lp.objective() + rg.constant);
      lp_x = std::move(x);
      lp_done = true;
      break;
    }
    res.rows_added += rows.size();
    lp.add_rows(rows);
    for (auto& r : rows) rg.model.constraints.push_back(std::move(r));
    report(progress, fmt::format("LP round {}: bound {:.6g}, {} rows added (total {})", res.rounds,
                                 lp.objective() + rg.constant, rows.size(), res.rows_added));
  }
  res.bound = bound;
  if (!lp_done) return res;
  std::vector<double> best = start;
  bool optimal = false;
  if (integral(lp_x)) {
    for (double& v : lp_x) v = std::round(v);
    if (value_of(rg, lp_x) < res.objective - kEps) best = lp_x;
    optimal = true;
  } else if (res.objective <= bound + kEps) {
    optimal = true;
  } else {
    report(progress, fmt::format("LP bound {:.6g}, best ranking {:.6g}: branch and cut", bound, res.objective));
    BranchAndCut bc{rg, lp, deadline, res, progress, best, res.objective};
    bc.node();
    best = bc.best;
    optimal = !bc.timed_out;
    report(progress, fmt::format("branch and cut: {} nodes, best {:.6g}{}", res.nodes, bc.best_value,
                                 optimal ? ", proven optimal" : ", time limit"));
  }
  res.optima = {best};
  res.objective = value_of(rg, best);
  res.proven = optimal;
  res.bound = optimal ? res.objective : std::min(bound, res.objective);
  if (!optimal || all_cap <= 1) {
    res.capped = optimal && all_cap == 1;  // unknown whether more exist
    if (all_cap == 1 && optimal) {
      // one optimum requested: say whether it is unique
      add_no_good(rg, best);
      solve::Constraint obj;
      for (int i = 0; i < rg.model.num_variables(); ++i) obj.terms.emplace_back(i, rg.model.variables[i].objective);
      obj.upper = res.objective - rg.constant + (rg.integral_costs ? 0.5 : kEps);
      rg.model.constraints.push_back(obj);
      std::vector<double> x;
      double b2 = bound;
      bool opt2 = false;
      bool proved = mip_rounds(rg, x, b2, opt2, res, deadline, progress);
      res.capped = !proved || !x.empty();
    }
    return res;
  }
  // 2. further optima: forbid each found one, keep the objective at the optimum
  solve::Constraint obj;
  for (int i = 0; i < rg.model.num_variables(); ++i) obj.terms.emplace_back(i, rg.model.variables[i].objective);
  obj.upper = res.objective - rg.constant + (rg.integral_costs ? 0.5 : kEps);
  rg.model.constraints.push_back(obj);
  while (true) {
    add_no_good(rg, res.optima.back());
    std::vector<double> x;
    double b2 = bound;
    bool opt2 = false;
    bool proved = mip_rounds(rg, x, b2, opt2, res, deadline, progress);
    if (!proved) {
      res.capped = true;  // ran out of time: the list may be incomplete
      break;
    }
    if (x.empty()) break;  // no other optimum
    if (static_cast<int>(res.optima.size()) >= all_cap) {
      res.capped = true;
      break;
    }
    res.optima.push_back(x);
  }
  return res;
}

}  // namespace prefero
