// Condorcet-IRV and Smith-IRV: instant runoff behind a Condorcet filter.
#include "elect/common.hpp"
#include "elect/dominance.hpp"
#include "elect/elimination.hpp"
#include "elect/instant_runoff.hpp"
#include "elect/plurality.hpp"
#include "registry/registry.hpp"

namespace prefero {

// Condorcet-IRV: the Condorcet winner if there is one, else the instant runoff winners
// (pref_voting condorcet_irv / condorcet_irv_put).
ElectionResult condorcet_irv(const Profile& p, const CandidateSet& cands, const Params& params) {
  if (auto cw = condorcet_winner(support_of(p, params), cands)) {
    ElectionResult r;
    r.winners = {*cw};
    r.explanation["condorcet_winner"] = p.id(*cw);
    return r;
  }
  ElectionResult r = instant_runoff(p, cands, params);
  r.explanation = {{"condorcet_winner", nullptr}, {"instant_runoff", r.explanation}};
  return r;
}

// Smith-IRV: instant runoff on the Smith set (Green-Armytage, "Four Condorcet-Hare hybrid
// methods", Voting Matters 29, 2011; pref_voting smith_irv / smith_irv_put).
ElectionResult smith_irv(const Profile& p, const CandidateSet& cands, const Params& params) {
  CandidateSet smith = smith_set(support_of(p, params), cands);
  ElectionResult r = instant_runoff(p, smith, params);
  r.explanation = {{"smith_set", ids_json(p, smith)}, {"instant_runoff", r.explanation}};
  return r;
}

static const Registration condorcet_irv_registration{MethodInfo{
    .id = "condorcet_irv",
    .aliases = {"Condorcet IRV"},
    .family = "elect",
    .input = "ranking",
    .summary = "the Condorcet winner if there is one, else the instant runoff winners",
    .citation = "pref_voting condorcet_irv / condorcet_irv_put (combined_methods)",
    .params = {unranked_param(), top_ties_param(), elimination_ties_param()},
    .elect = condorcet_irv,
}};

static const Registration smith_irv_registration{MethodInfo{
    .id = "smith_irv",
    .aliases = {"Smith IRV"},
    .family = "elect",
    .input = "ranking",
    .summary = "instant runoff restricted to the Smith set",
    .citation = "J. Green-Armytage, Four Condorcet-Hare hybrid methods, Voting Matters 29, 2011; "
                "pref_voting smith_irv / smith_irv_put",
    .params = {unranked_param(), top_ties_param(), elimination_ties_param()},
    .elect = smith_irv,
}};

}  // namespace prefero
