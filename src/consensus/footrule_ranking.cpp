// Spearman-footrule optimal aggregation by the assignment problem.
#include <algorithm>
#include <cmath>
#include <limits>

#include "consensus/consensus_common.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {
// Hungarian algorithm (Kuhn-Munkres, potentials form), O(n^3): row i gets column assign[i].
std::vector<int> min_cost_assignment(const std::vector<std::vector<double>>& cost) {
  const int n = static_cast<int>(cost.size());
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> u(static_cast<size_t>(n) + 1, 0), v(static_cast<size_t>(n) + 1, 0);
  std::vector<int> p(static_cast<size_t>(n) + 1, 0), way(static_cast<size_t>(n) + 1, 0);
  for (int i = 1; i <= n; ++i) {
    p[0] = i;
    int j0 = 0;
    std::vector<double> minv(static_cast<size_t>(n) + 1, inf);
    std::vector<char> used(static_cast<size_t>(n) + 1, 0);
    do {
      used[static_cast<size_t>(j0)] = 1;
      int i0 = p[static_cast<size_t>(j0)], j1 = 0;
      double delta = inf;
      for (int j = 1; j <= n; ++j) {
        if (used[static_cast<size_t>(j)]) continue;
        double cur = cost[static_cast<size_t>(i0 - 1)][static_cast<size_t>(j - 1)] - u[static_cast<size_t>(i0)] - v[static_cast<size_t>(j)];
        if (cur < minv[static_cast<size_t>(j)]) minv[static_cast<size_t>(j)] = cur, way[static_cast<size_t>(j)] = j0;
        if (minv[static_cast<size_t>(j)] < delta) delta = minv[static_cast<size_t>(j)], j1 = j;
      }
      for (int j = 0; j <= n; ++j) {
        if (used[static_cast<size_t>(j)]) u[static_cast<size_t>(p[static_cast<size_t>(j)])] += delta, v[static_cast<size_t>(j)] -= delta;
        else minv[static_cast<size_t>(j)] -= delta;
      }
      j0 = j1;
    } while (p[static_cast<size_t>(j0)] != 0);
    do {
      int j1 = way[static_cast<size_t>(j0)];
      p[static_cast<size_t>(j0)] = p[static_cast<size_t>(j1)];
      j0 = j1;
    } while (j0 != 0);
  }
  std::vector<int> assign(static_cast<size_t>(n), 0);
  for (int j = 1; j <= n; ++j) assign[static_cast<size_t>(p[static_cast<size_t>(j)] - 1)] = j - 1;
  return assign;
}
}  // namespace

// C. Dwork, R. Kumar, M. Naor, D. Sivakumar, "Rank aggregation methods for the web", WWW 2001:
// the ranking minimizing the total Spearman footrule distance, a 2-approximation of Kemeny.
ConsensusResult footrule_ranking(const Profile& p, const CandidateSet& cands, const Params& params) {
  PairCosts pc = costs_of(p, cands, params);
  const size_t n = cands.size();
  auto pos = ballot_positions(p, cands, *parse_unranked(params.text("unranked")));
  std::vector<std::vector<double>> cost(n, std::vector<double>(n, 0.0));
  for (size_t b = 0; b < pos.size(); ++b) {
    const double w = static_cast<double>(p.counts[b]);
    for (size_t c = 0; c < n; ++c) {
      if (pos[b][c] < 0) continue;  // incomparable: says nothing about this candidate
      for (size_t r = 0; r < n; ++r) cost[c][r] += w * std::abs(pos[b][c] - static_cast<double>(r + 1));
    }
  }
  std::vector<int> assign = min_cost_assignment(cost);
  std::vector<int> order(n);
  for (size_t c = 0; c < n; ++c) order[static_cast<size_t>(assign[c])] = static_cast<int>(c);
  ConsensusResult r = heuristic_result(pc, singleton_tiers(order));
  double f = 0;
  for (size_t c = 0; c < n; ++c) f += cost[c][static_cast<size_t>(assign[c])];
  r.explanation["footrule_distance"] = f;
  return r;
}

static const Registration footrule_ranking_registration{MethodInfo{
    .id = "footrule_ranking",
    .aliases = {"footrule", "spearman_footrule"},
    .family = "consensus",
    .input = "ranking",
    .summary = "the ranking minimizing the total Spearman footrule distance to the ballots (tied candidates at "
               "their average position), by min-cost assignment of candidates to positions",
    .citation = "C. Dwork, R. Kumar, M. Naor, D. Sivakumar, WWW 2001",
    .params = consensus_cost_params(),
    .consensus = footrule_ranking,
}};

}  // namespace prefero
