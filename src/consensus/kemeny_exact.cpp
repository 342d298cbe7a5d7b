// Exact Kemeny-Young: reduction (SCC decomposition of the majority graph, 3/4-majority rule),
// warm start, then branch and bound (small components) or the ILP with lazy 3-cycle rows.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

#include "consensus/kemeny.hpp"

namespace prefero {

namespace {
constexpr double kEps = 1e-7;
size_t at(int n, int i, int j) { return static_cast<size_t>(i) * static_cast<size_t>(n) + static_cast<size_t>(j); }
}  // namespace

// N. Betzler, R. Bredereck, R. Niedermeier, "Theoretical and empirical evaluation of data
// reduction for exact Kemeny rank aggregation", JAAMAS 28 (2014).
std::vector<std::pair<int, int>> three_quarter_majority_pairs(const PairCosts& pc) {
  std::vector<std::pair<int, int>> out;
  if (!pc.complete_strict || pc.total_weight <= 0) return out;
  auto q = [&](int a, int b) { return 4.0 * pc.strict(a, b) >= 3.0 * pc.total_weight; };
  // a candidate is non-dirty when each of its pairs has a 3/4 majority one way; every Kemeny
  // ranking puts it below the candidates that 3/4-beat it and above those it 3/4-beats.
  for (int c = 0; c < pc.n; ++c) {
    bool clean = true;
    for (int d = 0; d < pc.n && clean; ++d)
      if (d != c && !q(c, d) && !q(d, c)) clean = false;
    if (!clean) continue;
    for (int d = 0; d < pc.n; ++d) {
      if (d == c) continue;
      if (q(c, d)) out.emplace_back(c, d);
      else out.emplace_back(d, c);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Tarjan's algorithm; the condensation of a graph with an arc between every pair is a
// transitive tournament, so sorting components by in-arcs gives the order.
std::vector<std::vector<int>> majority_components(const PairCosts& pc) {
  const int n = pc.n;
  auto arc = [&](int a, int b) { return a != b && pc.before(a, b) <= pc.before(b, a); };
  std::vector<int> index(static_cast<size_t>(n), -1), low(static_cast<size_t>(n), 0), comp(static_cast<size_t>(n), -1);
  std::vector<char> on(static_cast<size_t>(n), 0);
  std::vector<int> stack;
  int counter = 0, ncomp = 0;
  // iterative Tarjan
  for (int root = 0; root < n; ++root) {
    if (index[static_cast<size_t>(root)] >= 0) continue;
    std::vector<std::pair<int, int>> call = {{root, 0}};
    while (!call.empty()) {
      auto& [v, next] = call.back();
      const size_t vs = static_cast<size_t>(v);
      if (next == 0 && index[vs] < 0) {
        index[vs] = low[vs] = counter++;
        stack.push_back(v), on[vs] = 1;
      }
      bool descended = false;
      while (next < n) {
        int w = next++;
        if (!arc(v, w)) continue;
        const size_t ws = static_cast<size_t>(w);
        if (index[ws] < 0) {
          call.emplace_back(w, 0);
          descended = true;
          break;
        }
        if (on[ws]) low[vs] = std::min(low[vs], index[ws]);
      }
      if (descended) continue;
      if (low[vs] == index[vs]) {
        int w;
        do {
          w = stack.back();
          stack.pop_back();
          on[static_cast<size_t>(w)] = 0;
          comp[static_cast<size_t>(w)] = ncomp;
        } while (w != v);
        ++ncomp;
      }
      int done = v;
      call.pop_back();
      if (!call.empty()) {
        size_t p = static_cast<size_t>(call.back().first);
        low[p] = std::min(low[p], low[static_cast<size_t>(done)]);
      }
    }
  }
  std::vector<std::vector<int>> comps(static_cast<size_t>(ncomp));
  for (int v = 0; v < n; ++v) comps[static_cast<size_t>(comp[static_cast<size_t>(v)])].push_back(v);
  // order: a component above another iff it has an arc to it (the condensation is complete)
  std::vector<int> beaten(static_cast<size_t>(ncomp), 0);
  for (int c = 0; c < ncomp; ++c)
    for (int d = 0; d < ncomp; ++d)
      if (c != d && arc(comps[static_cast<size_t>(c)][0], comps[static_cast<size_t>(d)][0])) ++beaten[static_cast<size_t>(c)];
  std::vector<int> ord(static_cast<size_t>(ncomp));
  std::iota(ord.begin(), ord.end(), 0);
  std::sort(ord.begin(), ord.end(), [&](int a, int b) { return beaten[static_cast<size_t>(a)] > beaten[static_cast<size_t>(b)]; });
  std::vector<std::vector<int>> out;
  for (int c : ord) out.push_back(std::move(comps[static_cast<size_t>(c)]));
  return out;
}

namespace {

// Depth-first construction of the ranking from the top; bound = cost of the placed part (within
// the prefix and prefix-above-rest) + sum over remaining pairs of the cheaper order.
struct BranchAndBound {
  const PairCosts& pc;
  const std::vector<int>& mem;
  const std::vector<char>& must_above;
  int k;
  int cap;
  Clock::time_point deadline;
  double best;
  std::vector<std::vector<int>> sols;
  bool capped = false, timed_out = false;
  long nodes = 0;
  std::vector<int> prefix;
  std::vector<char> placed;

  double w(int a, int b) const { return pc.before(mem[static_cast<size_t>(a)], mem[static_cast<size_t>(b)]); }
  bool must(int a, int b) const { return must_above[at(pc.n, mem[static_cast<size_t>(a)], mem[static_cast<size_t>(b)])] != 0; }

  void record(double g) {
    std::vector<int> s;
    for (int a : prefix) s.push_back(mem[static_cast<size_t>(a)]);
    if (g < best - kEps) {
      best = g;
      sols.clear();
      capped = false;
    }
    if (static_cast<int>(sols.size()) < std::max(cap, 1)) sols.push_back(std::move(s));
    else capped = true;
  }

  void dfs(double g, double h) {
    if (timed_out) return;
    if ((++nodes & 1023) == 0 && Clock::now() > deadline) {
      timed_out = true;
      return;
    }
    if (static_cast<int>(prefix.size()) == k) {
      record(g);
      return;
    }
    struct Child {
      int v;
      double g, h;
    };
    std::vector<Child> kids;
    for (int v = 0; v < k; ++v) {
      if (placed[static_cast<size_t>(v)]) continue;
      bool ok = true;
      for (int u = 0; u < k && ok; ++u)
        if (u != v && !placed[static_cast<size_t>(u)] && must(u, v)) ok = false;
      if (!ok) continue;
      if (!prefix.empty() && w(prefix.back(), v) > w(v, prefix.back()) + kEps) continue;  // adjacent swap would improve
      double dg = 0, dh = 0;
      for (int r = 0; r < k; ++r) {
        if (r == v || placed[static_cast<size_t>(r)]) continue;
        dg += w(v, r);
        dh += std::min(w(v, r), w(r, v));
      }
      kids.push_back({v, g + dg, h - dh});
    }
    std::sort(kids.begin(), kids.end(), [](const Child& a, const Child& b) { return a.g + a.h < b.g + b.h; });
    for (const auto& c : kids) {
      double bound = c.g + c.h;
      if (cap > 0 ? bound > best + kEps : bound >= best - kEps) continue;
      placed[static_cast<size_t>(c.v)] = 1;
      prefix.push_back(c.v);
      dfs(c.g, c.h);
      prefix.pop_back();
      placed[static_cast<size_t>(c.v)] = 0;
      if (timed_out) return;
    }
  }
};

}  // namespace

// Branch and bound in the spirit of Davenport & Kalagnanam (AAAI 2004), with the pairwise bound.
ComponentResult kemeny_branch_and_bound(const PairCosts& pc, const std::vector<int>& members,
                                        const std::vector<char>& must_above, const std::vector<int>& start, int all_cap,
                                        Clock::time_point deadline) {
  const int k = static_cast<int>(members.size());
  BranchAndBound bb{pc, members, must_above, k, all_cap, deadline, 0, {}, false, false, 0, {}, std::vector<char>(static_cast<size_t>(k), 0)};
  const double start_cost = kemeny_cost(pc, start);
  bb.best = all_cap > 0 ? start_cost + kEps : start_cost;
  if (all_cap == 0) bb.sols.push_back(start);
  double h0 = 0;
  for (int a = 0; a < k; ++a)
    for (int b = a + 1; b < k; ++b) h0 += std::min(bb.w(a, b), bb.w(b, a));
  bb.dfs(0, h0);
  ComponentResult r;
  r.algorithm = "branch_and_bound";
  if (bb.sols.empty()) {  // all_cap mode timed out before reaching the start's cost
    bb.sols.push_back(start);
    bb.best = start_cost;
  }
  r.optima = std::move(bb.sols);
  r.cost = kemeny_cost(pc, r.optima[0]);
  r.proven = !bb.timed_out;
  r.capped = bb.capped;
  r.lower_bound = r.proven ? r.cost : h0;
  return r;
}

namespace {

// Strict-output Kemeny over all candidates of pc.
ConsensusResult solve_strict(const PairCosts& pc, const KemenyOptions& opt, Clock::time_point deadline) {
  ConsensusResult res;
  const int n = pc.n;
  std::vector<char> must(static_cast<size_t>(n) * static_cast<size_t>(n), 0);
  int fixed = 0;
  if (opt.majority_rule)
    for (auto [a, b] : three_quarter_majority_pairs(pc)) must[at(n, a, b)] = 1, ++fixed;
  std::vector<std::vector<int>> comps;
  if (opt.decompose) comps = majority_components(pc);
  else {
    comps.emplace_back(static_cast<size_t>(n));
    std::iota(comps[0].begin(), comps[0].end(), 0);
  }
  json comp_info = json::array();
  std::vector<ComponentResult> parts;
  bool proven = true;
  double lb = 0;
  for (const auto& members : comps) {
    ComponentResult cr;
    if (members.size() <= 1) {
      cr.optima = {members};
      cr.proven = true;
      cr.algorithm = "trivial";
    } else {
      // warm start restricted to the component
      PairCosts sub;
      sub.n = static_cast<int>(members.size());
      sub.cands.assign(members.begin(), members.end());
      const size_t k = members.size();
      sub.before_.assign(k * k, 0), sub.tied_.assign(k * k, 0), sub.strict_.assign(k * k, 0);
      for (size_t i = 0; i < k; ++i)
        for (size_t j = 0; j < k; ++j) sub.before_[i * k + j] = pc.before(members[i], members[j]);
      std::vector<int> local = best_heuristic_order(sub, opt.heuristic_restarts, 1, deadline);
      // respect the 3/4 fixings in the start (they hold in every optimum; a local optimum may break them)
      std::vector<int> start;
      for (int i : local) start.push_back(members[static_cast<size_t>(i)]);
      bool use_bb = opt.algorithm == "branch_and_bound" ||
                    (opt.algorithm == "auto" && static_cast<int>(members.size()) <= opt.bb_max);
      if (use_bb) cr = kemeny_branch_and_bound(pc, members, must, start, opt.all_cap, deadline);
      else cr = kemeny_ilp(pc, members, must, start, opt.all_cap, deadline, opt.progress);
    }
    double c = kemeny_cost(pc, cr.optima[0]);
    if (cr.proven) cr.lower_bound = c;
    proven = proven && cr.proven;
    lb += cr.lower_bound;
    comp_info.push_back({{"size", members.size()}, {"algorithm", cr.algorithm}, {"proven_optimal", cr.proven},
                         {"cost", c}, {"lower_bound", cr.lower_bound}});
    parts.push_back(std::move(cr));
  }
  // between components every pair is in majority order: its cost is the cheaper one
  std::vector<int> order;
  for (const auto& p : parts) order.insert(order.end(), p.optima[0].begin(), p.optima[0].end());
  res.ranking = to_ranking(pc, singleton_tiers(order));
  res.cost = kemeny_cost(pc, order);
  double between = res.cost;
  for (const auto& p : parts) between -= kemeny_cost(pc, p.optima[0]);
  res.lower_bound = proven ? res.cost : std::min(res.cost, lb + between);
  res.proven_optimal = proven;
  if (opt.all_cap > 0) {
    // every optimum is a concatenation of component optima (the components' order is forced)
    std::vector<std::vector<int>> acc = {{}};
    bool capped = false;
    for (const auto& p : parts) {
      capped = capped || p.capped;
      std::vector<std::vector<int>> next;
      for (const auto& prefix : acc)
        for (const auto& o : p.optima) {
          if (static_cast<int>(next.size()) >= opt.all_cap) {
            capped = true;
            break;
          }
          auto v = prefix;
          v.insert(v.end(), o.begin(), o.end());
          next.push_back(std::move(v));
        }
      acc = std::move(next);
    }
    for (const auto& o : acc) res.all_optimal.push_back(to_ranking(pc, singleton_tiers(o)));
    res.explanation["all_optimal_complete"] = proven && !capped;
  }
  res.explanation["components"] = comp_info;
  res.explanation["three_quarter_majority_pairs"] = fixed;
  return res;
}

}  // namespace

ConsensusResult kemeny_solve(const PairCosts& pc, const KemenyOptions& opt) {
  const auto t0 = Clock::now();
  const Clock::time_point deadline =
      opt.time_limit_seconds > 0 ? t0 + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(opt.time_limit_seconds))
                                 : Clock::time_point::max();
  ConsensusResult res;
  if (pc.n == 0) {
    res.proven_optimal = true;
    if (opt.all_cap > 0) res.all_optimal.push_back({});
    return res;
  }
  if (!opt.output_ties) {
    res = solve_strict(pc, opt, deadline);
  } else {
    LocalRanking start = bioconsert_from(pc, singleton_tiers(best_heuristic_order(pc, opt.heuristic_restarts, 1, deadline)), deadline);
    ComponentResult cr = kemeny_ties_ilp(pc, start, opt.all_cap, deadline, opt.progress);
    res.ranking = to_ranking(pc, cr.tied_best);
    res.cost = kemeny_cost(pc, cr.tied_best);
    res.proven_optimal = cr.proven;
    res.lower_bound = cr.proven ? res.cost : std::max(cr.lower_bound, pairwise_lower_bound(pc, true));
    for (const auto& r : cr.tied_optima) res.all_optimal.push_back(to_ranking(pc, r));
    if (opt.all_cap > 0) res.explanation["all_optimal_complete"] = cr.proven && !cr.capped;
  }
  res.lower_bound = std::max(res.lower_bound, std::min(res.cost, pairwise_lower_bound(pc, opt.output_ties)));
  res.explanation["seconds"] = std::chrono::duration<double>(Clock::now() - t0).count();
  res.explanation["gap"] = res.cost - res.lower_bound;
  return res;
}

}  // namespace prefero
