// Condorcet-Plurality: the Condorcet winner if there is one, else the Plurality winners.
#include "elect/common.hpp"
#include "elect/dominance.hpp"
#include "elect/plurality.hpp"
#include "registry/registry.hpp"

namespace prefero {

// pref_voting's condorcet_plurality (compose(condorcet, plurality)).
ElectionResult condorcet_plurality(const Profile& p, const CandidateSet& cands, const Params& params) {
  auto cw = condorcet_winner(support_of(p, params), cands);
  ElectionResult r;
  r.explanation["condorcet_winner"] = cw ? json(p.id(*cw)) : json(nullptr);
  if (cw) {
    r.winners = {*cw};
    return r;
  }
  auto score = plurality_scores(p, cands, params.text("top_ties"));
  r.winners = argmax<Rational>(cands, [&](Cand c) { return score[c]; });
  r.explanation["plurality_scores"] = scores_json(p, cands, [&](Cand c) { return to_string(score[c]); });
  return r;
}

static const Registration condorcet_plurality_registration{MethodInfo{
    .id = "condorcet_plurality",
    .aliases = {"Condorcet Plurality"},
    .family = "elect",
    .input = "ranking",
    .summary = "the Condorcet winner if there is one, otherwise the Plurality winners",
    .citation = "W. H. Holliday and E. Pacuit, pref_voting: combined_methods.condorcet_plurality, 2022-",
    .params = {unranked_param(), top_ties_param()},
    .elect = condorcet_plurality,
}};

}  // namespace prefero
