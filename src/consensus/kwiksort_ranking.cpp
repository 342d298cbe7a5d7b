// KwikSort with restarts, keeping the cheapest ranking.
#include "consensus/consensus_common.hpp"
#include "consensus/heuristics.hpp"
#include "registry/registry.hpp"

namespace prefero {

// N. Ailon, M. Charikar, A. Newman, "Aggregating inconsistent information", JACM 55 (2008).
ConsensusResult kwiksort_ranking(const Profile& p, const CandidateSet& cands, const Params& params) {
  PairCosts pc = costs_of(p, cands, params);
  const auto runs = std::max<int64_t>(1, params.integer("restarts"));
  const auto seed = static_cast<uint64_t>(params.integer("seed"));
  std::vector<int> best;
  double best_cost = 0;
  for (int64_t r = 0; r < runs; ++r) {
    auto o = kwiksort(pc, seed + static_cast<uint64_t>(r));
    double c = kemeny_cost(pc, o);
    if (best.empty() || c < best_cost) best = std::move(o), best_cost = c;
  }
  return heuristic_result(pc, singleton_tiers(best));
}

static const Registration kwiksort_ranking_registration{MethodInfo{
    .id = "kwiksort_ranking",
    .aliases = {"kwiksort", "KwikSortRandom"},
    .family = "consensus",
    .input = "ranking",
    .summary = "KwikSort (FAS-pivot): a random pivot splits the others by pairwise majority, recursively; the "
               "cheapest of `restarts` seeded runs",
    .citation = "N. Ailon, M. Charikar, A. Newman, JACM 55, 2008",
    .params = [] {
      auto ps = consensus_cost_params();
      ps.push_back({"restarts", ParamType::integer, "100", "number of runs (seeds seed, seed+1, ...)", {}});
      ps.push_back({"seed", ParamType::integer, "0", "seed of the first run", {}});
      return ps;
    }(),
    .consensus = kwiksort_ranking,
}};

}  // namespace prefero
