// Kemeny cost of a ranking against the task rankings, a pairwise lower bound, and the exact subset
// dynamic program for few systems.
#include <cmath>
#include <limits>
#include <stdexcept>

#include "consensus/benchmark/benchmark.hpp"
#include "core/error.hpp"

namespace prefero {

namespace {
constexpr double kTol = 1e-9;
}

double kemeny_cost(const Ranking& ranking, const std::vector<std::vector<double>>& strict) {
  double cost = 0;
  for (size_t a = 0; a < ranking.size(); ++a) {
    const auto& tier = ranking[a];
    for (size_t x = 0; x < tier.size(); ++x)
      for (size_t y = x + 1; y < tier.size(); ++y) cost += 0.5 * (strict[tier[x]][tier[y]] + strict[tier[y]][tier[x]]);
    for (size_t b = a + 1; b < ranking.size(); ++b)
      for (Cand hi : tier)
        for (Cand lo : ranking[b]) cost += strict[lo][hi];
  }
  return cost;
}

double kemeny_pair_bound(const std::vector<std::vector<double>>& strict) {
  double bound = 0;
  for (size_t i = 0; i < strict.size(); ++i)
    for (size_t j = i + 1; j < strict.size(); ++j) bound += std::min(strict[i][j], strict[j][i]);
  return bound;
}

// J. G. Kemeny, "Mathematics without numbers", Daedalus 88 (1959); subset DP as in Held and Karp.
// best[S] = cheapest order of the systems in S placed above all others.
KemenyDp kemeny_subset_dp(const std::vector<std::vector<double>>& strict) {
  const int n = static_cast<int>(strict.size());
  if (n > 20) throw InputError("the exact subset dynamic program handles at most 20 systems");
  const size_t full = (size_t{1} << n);
  std::vector<double> best(full, std::numeric_limits<double>::infinity());
  std::vector<uint64_t> count(full, 0);
  best[0] = 0;
  count[0] = 1;
  // Cost of putting v directly below the set S: inputs that rank v above a member of S.
  auto below_cost = [&](size_t set, int v) {
    double c = 0;
    for (int u = 0; u < n; ++u)
      if (set >> u & 1) c += strict[v][u];
    return c;
  };
  for (size_t set = 0; set < full; ++set) {
    if (count[set] == 0) continue;
    for (int v = 0; v < n; ++v) {
      if (set >> v & 1) continue;
      const size_t next = set | (size_t{1} << v);
      const double c = best[set] + below_cost(set, v);
      if (c < best[next] - kTol) {
        best[next] = c;
        count[next] = count[set];
      } else if (std::abs(c - best[next]) <= kTol) {
        count[next] = count[next] + count[set] < count[next] ? UINT64_MAX : count[next] + count[set];
      }
    }
  }
  KemenyDp r;
  r.cost = best[full - 1];
  r.optimal_count = count[full - 1];
  // Rebuild from the bottom: the largest-index system that can be last, so earlier systems stay higher.
  std::vector<int> reversed;
  size_t set = full - 1;
  while (set) {
    int chosen = -1;
    for (int v = n - 1; v >= 0 && chosen < 0; --v) {
      if (!(set >> v & 1)) continue;
      const size_t rest = set & ~(size_t{1} << v);
      if (std::abs(best[rest] + below_cost(rest, v) - best[set]) <= kTol) chosen = v;
    }
    if (chosen < 0) throw std::logic_error("kemeny_subset_dp: no optimal predecessor");
    reversed.push_back(chosen);
    set &= ~(size_t{1} << chosen);
  }
  r.order.assign(reversed.rbegin(), reversed.rend());
  return r;
}

}  // namespace prefero
