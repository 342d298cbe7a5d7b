// Kemeny ILPs with lazily added transitivity rows.
// Strict: Conitzer, Davenport, Kalagnanam, "Improved bounds for computing Kemeny rankings",
// AAAI 2006 (x_ab = 1 iff a above b; 0 <= x_ab + x_bc - x_ac <= 1 for a < b < c).
// Ties: weak orders as asymmetric, negatively transitive relations (x_ab + x_ba <= 1,
// x_ac <= x_ab + x_bc), the model corankco's ExactAlgorithm writes with explicit tie variables.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>

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
// Iterated local search for linear ordering (Schiavinotto and Stützle, "The linear ordering
// problem: instances, search space analysis and algorithms", J. Math. Model. Algorithms 3, 2004):
// insertion local search, then repeatedly perturb the local optimum by a few random insertions,
// search again, and keep the result when it is no worse. `cost[i*k+j]` = cost of local i above
// local j; `order` holds local indices. Deterministic: a fixed number of iterations.
constexpr int kStartIterations = 20000;  // iterated local search on the warm start
constexpr int kRoundIterations = 300;    // ... on each node's LP rounding
struct LinearOrdering {
  int k;
  std::vector<double> cost;
  double c(int i, int j) const { return cost[static_cast<size_t>(i) * static_cast<size_t>(k) + static_cast<size_t>(j)]; }
  // change of the total when the element at position p moves to position q
  double move_delta(const std::vector<int>& o, int p, int q) const {
    const int x = o[static_cast<size_t>(p)];
    double d = 0;
    for (int t = p - 1; t >= q; --t) d += c(x, o[static_cast<size_t>(t)]) - c(o[static_cast<size_t>(t)], x);
    for (int t = p + 1; t <= q; ++t) d += c(o[static_cast<size_t>(t)], x) - c(x, o[static_cast<size_t>(t)]);
    return d;
  }
  static void move(std::vector<int>& o, int p, int q) {
    auto b = o.begin();
    if (q < p) std::rotate(b + q, b + p, b + p + 1);
    else std::rotate(b + p, b + p + 1, b + q + 1);
  }
  // first-improvement insertion search (best position per element); returns the total change
  double local_search(std::vector<int>& o) const {
    double total = 0;
    bool improved = true;
    for (int pass = 0; improved && pass < 10000; ++pass) {
      improved = false;
      for (int p = 0; p < k; ++p) {
        const int x = o[static_cast<size_t>(p)];
        double best = -1e-9, d = 0;
        int to = p;
        for (int t = p - 1; t >= 0; --t) {
          d += c(x, o[static_cast<size_t>(t)]) - c(o[static_cast<size_t>(t)], x);
          if (d < best) best = d, to = t;
        }
        d = 0;
        for (int t = p + 1; t < k; ++t) {
          d += c(o[static_cast<size_t>(t)], x) - c(x, o[static_cast<size_t>(t)]);
          if (d < best) best = d, to = t;
        }
        if (to != p) move(o, p, to), total += best, improved = true;
      }
    }
    return total;
  }
  std::vector<int> iterated(std::vector<int> o, int iterations, uint64_t seed, Clock::time_point deadline) const {
    if (k < 3) return o;
    std::mt19937_64 rng(seed);
    local_search(o);
    std::vector<int> cur = o, trial;
    double cur_delta = 0, best_delta = 0;  // relative to o after the first search
    for (int it = 0; it < iterations; ++it) {
      if ((it & 63) == 0 && Clock::now() > deadline) break;
      trial = cur;
      double d = cur_delta;
      for (int m = 0; m < 3; ++m) {
        const int p = static_cast<int>(rng() % static_cast<uint64_t>(k));
        const int q = static_cast<int>(rng() % static_cast<uint64_t>(k));
        d += move_delta(trial, p, q);
        move(trial, p, q);
      }
      d += local_search(trial);
      if (d <= cur_delta + 1e-9) {
        cur.swap(trial), cur_delta = d;
        if (d < best_delta - 1e-9) o = cur, best_delta = d;
      }
    }
    return o;
  }
};

}  // namespace

bool close_fixed_pairs(int k, const std::function<int(int, int)>& var, std::vector<double>& lo, std::vector<double>& hi) {
  const size_t words = (static_cast<size_t>(k) + 63) / 64;
  std::vector<uint64_t> above(static_cast<size_t>(k) * words, 0);  // row i: the candidates i must be above
  auto set = [&](int i, int j) { above[static_cast<size_t>(i) * words + static_cast<size_t>(j) / 64] |= uint64_t{1} << (j % 64); };
  auto get = [&](int i, int j) { return (above[static_cast<size_t>(i) * words + static_cast<size_t>(j) / 64] >> (j % 64)) & 1u; };
  for (int i = 0; i < k; ++i)
    for (int j = i + 1; j < k; ++j) {
      const size_t v = static_cast<size_t>(var(i, j));
      if (lo[v] > 0.5) set(i, j);
      if (hi[v] < 0.5) set(j, i);
    }
  for (int m = 0; m < k; ++m)  // Warshall's transitive closure on bit rows
    for (int i = 0; i < k; ++i)
      if (get(i, m))
        for (size_t w = 0; w < words; ++w) above[static_cast<size_t>(i) * words + w] |= above[static_cast<size_t>(m) * words + w];
  for (int i = 0; i < k; ++i)
    if (get(i, i)) return false;
  for (int i = 0; i < k; ++i)
    for (int j = i + 1; j < k; ++j) {
      const size_t v = static_cast<size_t>(var(i, j));
      if (get(i, j)) lo[v] = 1;
      if (get(j, i)) hi[v] = 0;
    }
  return true;
}

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
  // fixed pairs imply their transitive closure (a > b and b > c => a > c); a cycle = no ranking
  rg.propagate = [&](std::vector<double>& lo, std::vector<double>& hi) {
    return close_fixed_pairs(k, V, lo, hi);
  };
  LinearOrdering lop{k, std::vector<double>(static_cast<size_t>(k) * static_cast<size_t>(k), 0.0)};
  for (int i = 0; i < k; ++i)
    for (int j = 0; j < k; ++j)
      if (i != j)
        lop.cost[static_cast<size_t>(i) * static_cast<size_t>(k) + static_cast<size_t>(j)] =
            pc.before(members[static_cast<size_t>(i)], members[static_cast<size_t>(j)]);
  uint64_t round_seed = 0;
  // LP rounding: order by how many candidates x puts each one above, then insertion local search
  auto point_of = [&](const std::vector<int>& local_order) {
    std::vector<int> rank(static_cast<size_t>(k), 0);
    for (size_t r = 0; r < local_order.size(); ++r) rank[static_cast<size_t>(local_order[r])] = static_cast<int>(r);
    std::vector<double> y(static_cast<size_t>(rg.model.num_variables()), 0.0);
    for (int i = 0; i < k; ++i)
      for (int j = i + 1; j < k; ++j) y[static_cast<size_t>(V(i, j))] = rank[static_cast<size_t>(i)] < rank[static_cast<size_t>(j)] ? 1.0 : 0.0;
    return y;
  };
  // LP rounding: order by how many candidates x puts each one above, then iterated local search
  rg.round = [&](const std::vector<double>& x) {
    std::vector<double> above(static_cast<size_t>(k), 0.0);
    for (int i = 0; i < k; ++i)
      for (int j = i + 1; j < k; ++j) {
        const double xij = x[static_cast<size_t>(V(i, j))];
        above[static_cast<size_t>(i)] += xij, above[static_cast<size_t>(j)] += 1 - xij;
      }
    return point_of(lop.iterated(order_by_score(above), kRoundIterations, ++round_seed, deadline));
  };
  // the warm start, improved by a longer iterated local search
  std::vector<int> pos(static_cast<size_t>(pc.n), 0);
  for (size_t r = 0; r < start.size(); ++r) pos[static_cast<size_t>(start[r])] = static_cast<int>(r);
  std::vector<int> local_start(static_cast<size_t>(k));
  for (int i = 0; i < k; ++i) local_start[static_cast<size_t>(i)] = i;
  std::stable_sort(local_start.begin(), local_start.end(), [&](int a, int b) {
    return pos[static_cast<size_t>(members[static_cast<size_t>(a)])] < pos[static_cast<size_t>(members[static_cast<size_t>(b)])];
  });
  std::vector<double> x0 = point_of(local_start);
  std::vector<double> x1 = point_of(lop.iterated(local_start, kStartIterations, 0, deadline));
  double c0 = 0, c1 = 0;
  for (size_t v = 0; v < x0.size(); ++v) c0 += rg.model.variables[v].objective * x0[v], c1 += rg.model.variables[v].objective * x1[v];
  if (c1 < c0) x0 = std::move(x1);
  if (progress) progress(fmt::format("iterated local search: {:.6g} -> {:.6g}", c0 + rg.constant, std::min(c0, c1) + rg.constant));
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
