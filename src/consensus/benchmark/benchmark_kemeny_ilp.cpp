// Exact Kemeny for benchmark tables with more systems than the subset DP takes, used when the
// build has no consensus-family Kemeny solver: the ILP over pairwise order variables with the
// 3-cycle (transitivity) rows added only when violated (Conitzer, Davenport and Kalagnanam,
// "Improved bounds for computing Kemeny rankings", AAAI 2006; lazy rows as measured in
// ../shared/notes/rankagg.md §2.2), on CBC through src/solve.
#include <algorithm>
#include <chrono>
#include <cmath>

#include "consensus/benchmark/benchmark_kemeny_ilp.hpp"
#include "solve/lp.hpp"

namespace prefero {

namespace {

constexpr size_t kMaxRowsPerRound = 20000;

// x index of the pair (i, j), i < j: 1 = i above j.
struct PairIndex {
  int n;
  int operator()(int i, int j) const { return i * n - i * (i + 1) / 2 + (j - i - 1); }
};

}  // namespace

KemenyIlp kemeny_lazy_ilp(const std::vector<std::vector<double>>& strict, double time_limit_seconds) {
  const int n = static_cast<int>(strict.size());
  const PairIndex idx{n};
  solve::LinearModel model;
  double constant = 0;
  for (int i = 0; i < n; ++i)
    for (int j = i + 1; j < n; ++j) {
      // cost = S[j][i] x_ij + S[i][j] (1 - x_ij)
      constant += strict[i][j];
      model.add_variable(0, 1, strict[j][i] - strict[i][j], true);
    }
  KemenyIlp result;
  const auto start = std::chrono::steady_clock::now();
  for (int round = 1;; ++round) {
    solve::SolveOptions opt;
    if (time_limit_seconds > 0) {
      const double left = time_limit_seconds - std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (left <= 0) return result;
      opt.time_limit_seconds = left;
    }
    solve::Solution sol = solve::solve(model, opt);
    result.rounds = round;
    if (sol.status == solve::SolveStatus::optimal || sol.status == solve::SolveStatus::time_limit)
      result.lower_bound = std::max(result.lower_bound, sol.bound + constant);
    if (!sol.proven_optimal) return result;  // time limit: the bound stands, no proven ranking
    auto above = [&](int a, int b) {
      return a < b ? sol.values[idx(a, b)] > 0.5 : sol.values[idx(b, a)] < 0.5;
    };
    size_t added = 0;
    for (int i = 0; i < n && added < kMaxRowsPerRound; ++i)
      for (int j = i + 1; j < n && added < kMaxRowsPerRound; ++j)
        for (int k = j + 1; k < n && added < kMaxRowsPerRound; ++k) {
          // 0 <= x_ij + x_jk - x_ik <= 1 forbids the cycles i>j>k>i and k>j>i>k.
          const bool cyc1 = above(i, j) && above(j, k) && above(k, i);
          const bool cyc2 = above(k, j) && above(j, i) && above(i, k);
          if (!cyc1 && !cyc2) continue;
          model.add_constraint({{idx(i, j), 1.0}, {idx(j, k), 1.0}, {idx(i, k), -1.0}}, 0.0, 1.0);
          ++added;
        }
    result.rows += added;
    if (added == 0) {
      std::vector<int> wins(static_cast<size_t>(n), 0);
      for (int a = 0; a < n; ++a)
        for (int b = 0; b < n; ++b)
          if (a != b && above(a, b)) ++wins[static_cast<size_t>(a)];
      result.order.resize(static_cast<size_t>(n));
      for (int a = 0; a < n; ++a) result.order[static_cast<size_t>(n - 1 - wins[static_cast<size_t>(a)])] = a;
      result.cost = sol.objective + constant;
      result.lower_bound = result.cost;
      result.proven_optimal = true;
      return result;
    }
  }
}

}  // namespace prefero
