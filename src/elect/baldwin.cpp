// Baldwin: eliminate the candidates with the lowest Borda score among those remaining, one round
// at a time, recomputing the scores.
#include "elect/common.hpp"
#include "elect/elimination.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

EliminationRound baldwin_round(const Profile& p, const PairwiseMatrix& s) {
  return [&p, &s](const CandidateSet& remaining) {
    EliminationStep st;
    st.scores = scores_json(p, remaining, [&](Cand c) { return pairwise_borda(s, remaining, c); });
    st.losers = argmin<int64_t>(remaining, [&](Cand c) { return pairwise_borda(s, remaining, c); });
    return st;
  };
}

}  // namespace

// Baldwin (J. M. Baldwin, "The technique of the Nanson preferential majority system", 1926).
ElectionResult baldwin(const Profile& p, const CandidateSet& cands, const Params& params) {
  return run_elimination(p, cands, baldwin_round(p, support_of(p, params)), elimination_ties_of(params),
                         tie_break_order(p, params));
}

static const Registration baldwin_registration{MethodInfo{
    .id = "baldwin",
    .aliases = {"Baldwin"},
    .family = "elect",
    .input = "ranking",
    .summary = "eliminate the candidates with the lowest Borda score, recomputed among those remaining",
    .citation = "J. M. Baldwin, The technique of the Nanson preferential majority system of election, "
                "Proc. Royal Soc. Victoria 39, 1926; pref_voting baldwin / baldwin_tb / baldwin_put",
    .params = {unranked_param(), elimination_ties_param()},
    .elect = baldwin,
}};

}  // namespace prefero
