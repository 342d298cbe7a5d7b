// Black's rule: the Condorcet winner if there is one, else the Borda winners.
#include "elect/common.hpp"
#include "elect/dominance.hpp"
#include "elect/elimination.hpp"
#include "registry/registry.hpp"

namespace prefero {

// Black's rule (D. Black, "The Theory of Committees and Elections", 1958; pref_voting blacks).
// Borda scores are pairwise (sum of support), the classical count on strict complete rankings.
ElectionResult blacks(const Profile& p, const CandidateSet& cands, const Params& params) {
  const PairwiseMatrix& s = support_of(p, params);
  ElectionResult r;
  if (auto cw = condorcet_winner(s, cands)) {
    r.winners = {*cw};
    r.explanation["condorcet_winner"] = p.id(*cw);
    return r;
  }
  r.winners = argmax<int64_t>(cands, [&](Cand c) { return pairwise_borda(s, cands, c); });
  r.explanation["condorcet_winner"] = nullptr;
  r.explanation["borda_scores"] = scores_json(p, cands, [&](Cand c) { return pairwise_borda(s, cands, c); });
  return r;
}

static const Registration blacks_registration{MethodInfo{
    .id = "blacks",
    .aliases = {"Blacks", "Black's"},
    .family = "elect",
    .input = "ranking",
    .summary = "the Condorcet winner if there is one, else the Borda winners",
    .citation = "D. Black, The Theory of Committees and Elections, Cambridge 1958; pref_voting blacks",
    .params = {unranked_param()},
    .elect = blacks,
}};

}  // namespace prefero
