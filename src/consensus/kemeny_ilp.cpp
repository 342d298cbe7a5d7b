// Kemeny ILPs with lazily added transitivity rows.
// Strict: Conitzer, Davenport, Kalagnanam, "Improved bounds for computing Kemeny rankings",
// AAAI 2006 (x_ab = 1 iff a above b; 0 <= x_ab + x_bc - x_ac <= 1 for a < b < c).
// Ties: weak orders as asymmetric, negatively transitive relations (x_ab + x_ba <= 1,
// x_ac <= x_ab + x_bc), the model corankco's ExactAlgorithm writes with explicit tie variables.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "consensus/kemeny.hpp"
#include "consensus/row_generation.hpp"

namespace prefero {

namespace {
bool all_integral(const PairCosts& pc, const std::vector<int>& members, bool ties) {
  for (int a : members)
    for (int b : members) {
      if (a == b) continue;
      if (pc.before(a, b) != std::floor(pc.before(a, b))) return false;
      if (ties && pc.tied(a, b) != std::floor(pc.tied(a, b))) return false;
    }
  return true;
}

struct Violation {
  double amount;
  solve::Constraint row;
};
std::vector<solve::Constraint> most_violated(std::vector<Violation> v, size_t max_rows) {
  std::sort(v.begin(), v.end(), [](const Violation& a, const Violation& b) { return a.amount > b.amount; });
  std::vector<solve::Constraint> out;
  for (size_t i = 0; i < v.size() && i < max_rows; ++i) out.push_back(std::move(v[i].row));
  return out;
}
}  // namespace

ComponentResult kemeny_ilp(const PairCosts& pc, const std::vector<int>& members, const std::vector<char>& must_above,
                           const std::vector<int>& start, int all_cap, Clock::time_point deadline,
                           const std::function<void(const std::string&)>& progress) {
  const int k = static_cast<int>(members.size());
  std::vector<int> var(static_cast<size_t>(k) * static_cast<size_t>(k), -1);  // var[i*k+j], i < j
  auto V = [&](int i, int j) { return var[static_cast<size_t>(i) * static_cast<size_t>(k) + static_cast<size_t>(j)]; };
  RowGeneration rg;
  for (int i = 0; i < k; ++i)
    for (int j = i + 1; j < k; ++j) {
      int a = members[static_cast<size_t>(i)], b = members[static_cast<size_t>(j)];
      double lo = 0, hi = 1;
      if (must_above[static_cast<size_t>(a) * static_cast<size_t>(pc.n) + static_cast<size_t>(b)]) lo = 1;
      if (must_above[static_cast<size_t>(b) * static_cast<size_t>(pc.n) + static_cast<size_t>(a)]) hi = 0;
      var[static_cast<size_t>(i) * static_cast<size_t>(k) + static_cast<size_t>(j)] =
          rg.model.add_variable(lo, hi, pc.before(a, b) - pc.before(b, a), true);
      rg.constant += pc.before(b, a);
    }
  rg.integral_costs = all_integral(pc, members, false);
  rg.separate = [&](const std::vector<double>& x, size_t max_rows) {
    std::vector<Violation> v;
    for (int i = 0; i < k; ++i)
      for (int j = i + 1; j < k; ++j) {
        const double xij = x[static_cast<size_t>(V(i, j))];
        for (int l = j + 1; l < k; ++l) {
          double s = xij + x[static_cast<size_t>(V(j, l))] - x[static_cast<size_t>(V(i, l))];
          double amount = s > 1 ? s - 1 : (s < 0 ? -s : 0);
          if (amount > 1e-6) v.push_back({amount, {{{V(i, j), 1.0}, {V(j, l), 1.0}, {V(i, l), -1.0}}, 0.0, 1.0}});
        }
      }
    return most_violated(std::move(v), max_rows);
  };
  // LP rounding: order by how many candidates x puts each one above, then insertion local search
  rg.round = [&](const std::vector<double>& x) {
    std::vector<double> above(static_cast<size_t>(k), 0.0);
    for (int i = 0; i < k; ++i)
      for (int j = i + 1; j < k; ++j) {
        const double xij = x[static_cast<size_t>(V(i, j))];
        above[static_cast<size_t>(i)] += xij, above[static_cast<size_t>(j)] += 1 - xij;
      }
    std::vector<int> order;
    for (int i : order_by_score(above)) order.push_back(members[static_cast<size_t>(i)]);
    order = insertion_local_search(pc, std::move(order), deadline);
    std::vector<int> rank(static_cast<size_t>(pc.n), 0);
    for (size_t r = 0; r < order.size(); ++r) rank[static_cast<size_t>(order[r])] = static_cast<int>(r);
    std::vector<double> y(x.size(), 0.0);
    for (int i = 0; i < k; ++i)
      for (int j = i + 1; j < k; ++j)
        y[static_cast<size_t>(V(i, j))] =
            rank[static_cast<size_t>(members[static_cast<size_t>(i)])] < rank[static_cast<size_t>(members[static_cast<size_t>(j)])] ? 1.0 : 0.0;
    return y;
  };
  std::vector<int> pos(static_cast<size_t>(pc.n), 0);
  for (size_t r = 0; r < start.size(); ++r) pos[static_cast<size_t>(start[r])] = static_cast<int>(r);
  std::vector<double> x0(static_cast<size_t>(rg.model.num_variables()), 0.0);
  for (int i = 0; i < k; ++i)
    for (int j = i + 1; j < k; ++j)
      x0[static_cast<size_t>(V(i, j))] = pos[static_cast<size_t>(members[static_cast<size_t>(i)])] <
                                                 pos[static_cast<size_t>(members[static_cast<size_t>(j)])]
                                             ? 1.0
                                             : 0.0;
  RowGenerationResult rr = row_generation_solve(rg, x0, all_cap, deadline, progress);
  ComponentResult cr;
  cr.algorithm = "ilp";
  for (const auto& x : rr.optima) {
    std::vector<int> wins(static_cast<size_t>(k), 0);
    for (int i = 0; i < k; ++i)
      for (int j = i + 1; j < k; ++j) (x[static_cast<size_t>(V(i, j))] > 0.5 ? wins[static_cast<size_t>(i)] : wins[static_cast<size_t>(j)])++;
    std::vector<int> idx(static_cast<size_t>(k));
    for (int i = 0; i < k; ++i) idx[static_cast<size_t>(i)] = i;
    std::stable_sort(idx.begin(), idx.end(), [&](int a, int b) { return wins[static_cast<size_t>(a)] > wins[static_cast<size_t>(b)]; });
    std::vector<int> order;
    for (int i : idx) order.push_back(members[static_cast<size_t>(i)]);
    cr.optima.push_back(std::move(order));
  }
  cr.cost = rr.objective;
  // the LP may not have converged before the deadline: fall back on the pairwise bound
  double pairwise = 0;
  for (int i = 0; i < k; ++i)
    for (int j = i + 1; j < k; ++j) {
      int a = members[static_cast<size_t>(i)], b = members[static_cast<size_t>(j)];
      pairwise += std::min(pc.before(a, b), pc.before(b, a));
    }
  cr.lower_bound = std::max(rr.bound, std::min(pairwise, rr.objective));
  cr.proven = rr.proven;
  cr.capped = rr.capped;
  return cr;
}

ComponentResult kemeny_ties_ilp(const PairCosts& pc, const LocalRanking& start, int all_cap, Clock::time_point deadline,
                                const std::function<void(const std::string&)>& progress) {
  const int n = pc.n;
  std::vector<int> var(static_cast<size_t>(n) * static_cast<size_t>(n), -1);  // x_ab: a strictly above b
  auto V = [&](int a, int b) { return var[static_cast<size_t>(a) * static_cast<size_t>(n) + static_cast<size_t>(b)]; };
  RowGeneration rg;
  for (int a = 0; a < n; ++a)
    for (int b = 0; b < n; ++b)
      if (a != b) {
        // cost = before(a,b) x_ab + before(b,a) x_ba + tied(a,b) (1 - x_ab - x_ba)
        var[static_cast<size_t>(a) * static_cast<size_t>(n) + static_cast<size_t>(b)] =
            rg.model.add_variable(0, 1, pc.before(a, b) - pc.tied(a, b), true);
      }
  for (int a = 0; a < n; ++a)
    for (int b = a + 1; b < n; ++b) {
      rg.constant += pc.tied(a, b);
      rg.model.add_constraint({{V(a, b), 1.0}, {V(b, a), 1.0}}, -solve::kInfinity, 1.0);
    }
  std::vector<int> all(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) all[static_cast<size_t>(i)] = i;
  rg.integral_costs = all_integral(pc, all, true);
  rg.separate = [&](const std::vector<double>& x, size_t max_rows) {
    std::vector<Violation> v;
    for (int a = 0; a < n; ++a)
      for (int c = 0; c < n; ++c) {
        if (a == c) continue;
        const double xac = x[static_cast<size_t>(V(a, c))];
        if (xac < 1e-6) continue;
        for (int b = 0; b < n; ++b) {
          if (b == a || b == c) continue;
          double amount = xac - x[static_cast<size_t>(V(a, b))] - x[static_cast<size_t>(V(b, c))];
          if (amount > 1e-6)
            v.push_back({amount, {{{V(a, c), 1.0}, {V(a, b), -1.0}, {V(b, c), -1.0}}, -solve::kInfinity, 0.0}});
        }
      }
    return most_violated(std::move(v), max_rows);
  };
  std::vector<int> level(static_cast<size_t>(n), 0);
  for (size_t t = 0; t < start.size(); ++t)
    for (int a : start[t]) level[static_cast<size_t>(a)] = static_cast<int>(t);
  std::vector<double> x0(static_cast<size_t>(rg.model.num_variables()), 0.0);
  for (int a = 0; a < n; ++a)
    for (int b = 0; b < n; ++b)
      if (a != b && level[static_cast<size_t>(a)] < level[static_cast<size_t>(b)]) x0[static_cast<size_t>(V(a, b))] = 1.0;
  RowGenerationResult rr = row_generation_solve(rg, x0, all_cap, deadline, progress);
  ComponentResult cr;
  cr.algorithm = "ilp_ties";
  for (const auto& x : rr.optima) {
    // level = number of candidates strictly above
    std::vector<int> above(static_cast<size_t>(n), 0);
    for (int a = 0; a < n; ++a)
      for (int b = 0; b < n; ++b)
        if (a != b && x[static_cast<size_t>(V(b, a))] > 0.5) above[static_cast<size_t>(a)]++;
    std::vector<int> lv = above;
    std::sort(lv.begin(), lv.end());
    lv.erase(std::unique(lv.begin(), lv.end()), lv.end());
    LocalRanking r(lv.size());
    for (int a = 0; a < n; ++a)
      r[static_cast<size_t>(std::lower_bound(lv.begin(), lv.end(), above[static_cast<size_t>(a)]) - lv.begin())].push_back(a);
    cr.tied_optima.push_back(std::move(r));
  }
  cr.tied_best = cr.tied_optima[0];
  if (all_cap == 0) cr.tied_optima.clear();
  cr.cost = rr.objective;
  cr.lower_bound = rr.bound;
  cr.proven = rr.proven;
  cr.capped = rr.capped;
  return cr;
}

}  // namespace prefero
