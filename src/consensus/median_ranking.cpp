// Median rank aggregation (MEDRank).
#include <algorithm>
#include <cmath>

#include "consensus/consensus_common.hpp"
#include "registry/registry.hpp"

namespace prefero {

// R. Fagin, R. Kumar, D. Sivakumar, "Efficient similarity search and classification via rank
// aggregation", SIGMOD 2003: candidates sorted by their median position over the voters.
ConsensusResult median_ranking(const Profile& p, const CandidateSet& cands, const Params& params) {
  PairCosts pc = costs_of(p, cands, params);
  const size_t n = cands.size();
  auto pos = ballot_positions(p, cands, *parse_unranked(params.text("unranked")));
  std::vector<double> score(n, 0.0);
  for (size_t c = 0; c < n; ++c) {
    std::vector<std::pair<double, double>> pw;  // (position, weight)
    double total = 0;
    for (size_t b = 0; b < pos.size(); ++b)
      if (pos[b][c] >= 0) pw.emplace_back(pos[b][c], static_cast<double>(p.counts[b])), total += static_cast<double>(p.counts[b]);
    if (pw.empty()) {
      score[c] = -static_cast<double>(n + 1);
      continue;
    }
    std::sort(pw.begin(), pw.end());
    // weighted median: average of the lower and upper medians
    double cum = 0, lo = pw.back().first, hi = pw.back().first;
    bool lo_set = false;
    for (auto [x, w] : pw) {
      cum += w;
      if (!lo_set && 2 * cum >= total) lo = x, lo_set = true;
      if (2 * cum > total) {
        hi = x;
        break;
      }
    }
    score[c] = -(lo + hi) / 2;
  }
  ConsensusResult r = heuristic_result(pc, tiers_by_score(score));
  return r;
}

static const Registration median_ranking_registration{MethodInfo{
    .id = "median_ranking",
    .aliases = {"median_rank", "MEDRank"},
    .family = "consensus",
    .input = "ranking",
    .summary = "candidates sorted by median position over the voters (tied candidates at their average position; "
               "even counts: mean of the two middle positions); equal medians share a tier",
    .citation = "R. Fagin, R. Kumar, D. Sivakumar, SIGMOD 2003",
    .params = consensus_cost_params(),
    .consensus = median_ranking,
}};

}  // namespace prefero
