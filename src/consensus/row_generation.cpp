#include "consensus/row_generation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <tuple>

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
// Objective values of 0/1 points lie on constant + step * Z when the costs are integers (step =
// gcd of the coefficients; 0 = no lattice known): bounds round up to it.
struct Lattice {
  double offset = 0, step = 0;
  double ceil(double b) const { return step > 0 ? offset + step * std::ceil((b - offset) / step - kEps) : b; }
};
Lattice lattice_of(const RowGeneration& rg) {
  Lattice l;
  if (!rg.integral_costs) return l;
  long long g = 0;
  for (const auto& v : rg.model.variables) {
    if (v.objective != std::round(v.objective) || std::abs(v.objective) > 1e15) return l;
    g = std::gcd(g, static_cast<long long>(std::llabs(static_cast<long long>(v.objective))));
  }
  l.step = g > 0 ? static_cast<double>(g) : 1.0;
  l.offset = rg.constant;
  return l;
}

double round_bound(const RowGeneration& rg, double b) { return lattice_of(rg).ceil(b); }
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
// incumbent, fix variables by reduced cost (Nemhauser and Wolsey, Integer and Combinatorial
// Optimization, 1988, II.5.1: a variable whose reduced cost exceeds the gap between the bound
// and the best value that would still improve on the incumbent keeps its LP value in every
// improving point of the subtree), propagate the fixings, drop slack lazy rows, and branch by
// strong branching (the side the LP leans to first).
struct BranchAndCut {
  RowGeneration& rg;
  solve::IncrementalLp& lp;
  Clock::time_point deadline;
  RowGenerationResult& res;
  const std::function<void(const std::string&)>& progress;
  std::vector<double> best;
  double best_value;
  Lattice lattice;
  std::vector<double> lo, hi;  // the current node's bounds
  int first_lazy_row = 0;      // rows before it came with the model and are never dropped
  bool timed_out = false;

  // the largest objective a strictly better point can have
  double improving_limit() const { return lattice.step > 0 ? best_value - lattice.step : best_value - kEps; }
  // true when no point under this LP bound is strictly better than the incumbent
  bool prunable(double lp_objective) const {
    const double b = lp_objective + rg.constant;
    return lattice.step > 0 ? lattice.ceil(b) >= best_value - 0.5 * lattice.step : b >= best_value - kEps;
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
  // Sets variable i to v for this node's subtree, remembering the old bounds in `undo`.
  void fix(size_t i, double v, std::vector<std::tuple<size_t, double, double>>& undo) {
    undo.emplace_back(i, lo[i], hi[i]);
    lo[i] = hi[i] = v;
    lp.set_bounds(static_cast<int>(i), v, v);
  }
  // Reduced-cost fixing at the LP point x, then propagation. Returns false when the node has no
  // improving point; sets `moved` when a fixing contradicts x (the LP must be solved again).
  bool fix_and_propagate(const std::vector<double>& x, std::vector<std::tuple<size_t, double, double>>& undo, bool& moved) {
    moved = false;
    const double slack = improving_limit() - (lp.objective() + rg.constant);
    const double tol = 1e-6 * std::max(1.0, std::abs(best_value));
    const std::vector<double> d = lp.reduced_costs();
    bool any = false;
    for (size_t i = 0; i < x.size(); ++i) {
      if (lo[i] == hi[i]) continue;
      if (d[i] > slack + tol && x[i] <= lo[i] + kEps) fix(i, lo[i], undo), ++res.fixed_by_reduced_cost, any = true;
      else if (-d[i] > slack + tol && x[i] >= hi[i] - kEps) fix(i, hi[i], undo), ++res.fixed_by_reduced_cost, any = true;
    }
    if (!any || !rg.propagate) return true;
    std::vector<double> l2 = lo, h2 = hi;
    if (!rg.propagate(l2, h2)) return false;
    for (size_t i = 0; i < x.size(); ++i) {
      if (l2[i] == lo[i] && h2[i] == hi[i]) continue;
      if (l2[i] > h2[i]) return false;
      undo.emplace_back(i, lo[i], hi[i]);
      lo[i] = l2[i], hi[i] = h2[i];
      lp.set_bounds(static_cast<int>(i), lo[i], hi[i]);
      ++res.fixed_by_propagation;
      if (x[i] < lo[i] - kEps || x[i] > hi[i] + kEps) moved = true;
    }
    return true;
  }
  void restore(std::vector<std::tuple<size_t, double, double>>& undo) {
    for (auto it = undo.rbegin(); it != undo.rend(); ++it) {
      auto [i, l, h] = *it;
      lo[i] = l, hi[i] = h;
      lp.set_bounds(static_cast<int>(i), l, h);
    }
    undo.clear();
  }
  // Strong branching (Applegate, Bixby, Chvátal, Cook 1995) on the rg.strong_candidates free
  // fractional variables with the most objective at stake: solve both children's LPs (current
  // rows, no separation) and take the variable whose weaker child bound rises most (product
  // rule); a child whose LP is infeasible or prunable settles the choice at once.
  size_t branching_variable(const std::vector<double>& x) {
    std::vector<std::pair<double, size_t>> cand;
    for (size_t i = 0; i < x.size(); ++i) {
      if (lo[i] == hi[i]) continue;
      const double frac = std::min(x[i], 1 - x[i]);
      if (frac > kEps) cand.emplace_back(frac * (std::abs(rg.model.variables[i].objective) + 1e-3), i);
    }
    if (cand.empty()) return x.size();
    std::sort(cand.begin(), cand.end(), std::greater<>());
    if (cand.size() > std::max<size_t>(rg.strong_candidates, 1)) cand.resize(std::max<size_t>(rg.strong_candidates, 1));
    if (rg.strong_candidates == 0 || cand.size() == 1) return cand[0].second;
    const double z = lp.objective();
    size_t best_j = cand[0].second;
    double best_score = -1;
    for (auto [stake, i] : cand) {
      double gain[2] = {0, 0};
      bool dead = false;
      for (int side = 0; side < 2 && !dead; ++side) {
        lp.set_bounds(static_cast<int>(i), side, side);
        solve::SolveStatus st = lp.solve(seconds_left(deadline));
        ++res.rounds;
        if (st == solve::SolveStatus::infeasible || (st == solve::SolveStatus::optimal && prunable(lp.objective()))) dead = true;
        else if (st == solve::SolveStatus::optimal) gain[side] = lp.objective() - z;
      }
      lp.set_bounds(static_cast<int>(i), lo[i], hi[i]);
      if (dead) return i;
      const double score = std::max(std::min(gain[0], gain[1]), 1e-6) * std::max(std::max(gain[0], gain[1]), 1e-6);
      if (score > best_score) best_score = score, best_j = i;
      if (expired(deadline)) break;
    }
    return best_j;
  }
  void node() {
    if (++res.nodes % 100 == 0)
      report(progress, fmt::format("branch and cut: {} nodes, {} rows, best {:.6g}, {} fixings", res.nodes, lp.num_rows(),
                                   best_value, res.fixed_by_reduced_cost + res.fixed_by_propagation));
    std::vector<std::tuple<size_t, double, double>> undo;
    std::vector<double> x;
    while (true) {
      x = node_lp();
      if (x.empty()) return restore(undo);
      if (integral(x)) {
        for (double& v : x) v = std::round(v);
        offer(x);
        return restore(undo);
      }
      if (rg.round) {
        offer(rg.round(x));
        if (prunable(lp.objective())) return restore(undo);
      }
      bool moved = false;
      if (!fix_and_propagate(x, undo, moved)) return restore(undo);
      if (!moved) break;
    }
    // keep the LP small (degenerate dual simplex pivots cost in proportion to its rows): lazy
    // rows slack at this node leave the LP once they are a tenth of it; they stay in rg.model,
    // and separation brings them back when a later point violates them
    auto slack = lp.slack_rows(first_lazy_row, 1e-3);
    if (slack.size() * 10 > static_cast<size_t>(lp.num_rows())) lp.remove_rows(slack), res.rows_removed += slack.size();
    const size_t j = branching_variable(x);
    if (j == x.size()) {  // cannot happen with an optimal basis, but never loop
      timed_out = true;
      return restore(undo);
    }
    const int var = static_cast<int>(j);
    const double first = x[j] >= 0.5 ? 1.0 : 0.0;
    const double l0 = lo[j], h0 = hi[j];
    for (double v : {first, 1.0 - first}) {
      lo[j] = hi[j] = v;
      lp.set_bounds(var, v, v);
      node();
      if (timed_out) break;
    }
    lo[j] = l0, hi[j] = h0;
    lp.set_bounds(var, l0, h0);
    restore(undo);
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
  const int first_lazy_row = static_cast<int>(rg.model.constraints.size());
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
    BranchAndCut bc{rg, lp, deadline, res, progress, best, res.objective, lattice_of(rg), {}, {}, first_lazy_row};
    for (const auto& v : rg.model.variables) bc.lo.push_back(v.lower), bc.hi.push_back(v.upper);
    bc.node();
    best = bc.best;
    optimal = !bc.timed_out;
    report(progress, fmt::format("branch and cut: {} nodes, best {:.6g}{}; {} fixed by reduced cost, {} by propagation, {} rows dropped",
                                 res.nodes, bc.best_value, optimal ? ", proven optimal" : ", time limit",
                                 res.fixed_by_reduced_cost, res.fixed_by_propagation, res.rows_removed));
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
