// Borda consensus ranking with fractional ties.
#include "consensus/consensus_common.hpp"
#include "consensus/heuristics.hpp"
#include "registry/registry.hpp"

namespace prefero {

// J.-C. de Borda (1781); points(a) = #{b below a} + 1/2 #{b tied with a}, summed over voters.
ConsensusResult borda_ranking(const Profile& p, const CandidateSet& cands, const Params& params) {
  PairCosts pc = costs_of(p, cands, params);
  ConsensusResult r = heuristic_result(pc, tiers_by_score(borda_scores(pc, p, *parse_unranked(params.text("unranked")))));
  return r;
}

static const Registration borda_ranking_registration{MethodInfo{
    .id = "borda_ranking",
    .aliases = {"borda_consensus", "BordaCount"},
    .family = "consensus",
    .input = "ranking",
    .summary = "candidates sorted by Borda points (one per candidate ranked below, one half per candidate tied); "
               "equal points share a tier; 5-approximation of Kemeny",
    .citation = "J.-C. de Borda, 1781; D. Coppersmith, L. Fleischer, A. Rudra, SODA 2006",
    .params = consensus_cost_params(),
    .consensus = borda_ranking,
}};

}  // namespace prefero
