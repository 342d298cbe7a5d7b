// Copeland consensus ranking.
#include "consensus/consensus_common.hpp"
#include "consensus/heuristics.hpp"
#include "registry/registry.hpp"

namespace prefero {

// A. H. Copeland (1951): score = pairwise majority wins + 1/2 pairwise ties.
ConsensusResult copeland_ranking(const Profile& p, const CandidateSet& cands, const Params& params) {
  PairCosts pc = costs_of(p, cands, params);
  return heuristic_result(pc, tiers_by_score(copeland_scores(pc)));
}

static const Registration copeland_ranking_registration{MethodInfo{
    .id = "copeland_ranking",
    .aliases = {"copeland_consensus", "CopelandMethod"},
    .family = "consensus",
    .input = "ranking",
    .summary = "candidates sorted by Copeland score (pairwise wins + 1/2 ties); equal scores share a tier",
    .citation = "A. H. Copeland, A reasonable social welfare function, 1951",
    .params = consensus_cost_params(),
    .consensus = copeland_ranking,
}};

}  // namespace prefero
