// Plurality with runoff: the two candidates with the most first places meet head to head.
#include "elect/common.hpp"
#include "elect/elimination.hpp"
#include "elect/plurality.hpp"
#include "registry/registry.hpp"

namespace prefero {

// Plurality with runoff (two-round system). Ties for the runoff places are broken in parallel
// universes: every pair of a top and a second scorer (pairs among the top when several tie there)
// holds a runoff, a tied runoff sends both through (pref_voting plurality_with_runoff_put).
ElectionResult plurality_with_runoff(const Profile& p, const CandidateSet& cands, const Params& params) {
  ElectionResult r;
  if (cands.size() <= 1) {
    r.winners = cands;
    return r;
  }
  const PairwiseMatrix& s = support_of(p, params);
  auto score = plurality_scores(p, cands, params.text("top_ties"));
  auto key = [&](Cand c) { return score[c]; };
  auto first = argmax<Rational>(cands, key);
  auto second = first.size() > 1 ? first : argmax<Rational>(without(cands, first), key);
  json runoffs = json::array();
  for (Cand a : first)
    for (Cand b : second) {
      if (a == b || (first.size() > 1 && b < a)) continue;  // each pair among tied leaders once
      std::vector<Cand> w;
      if (s.margin(a, b) >= 0) w.push_back(a);
      if (s.margin(b, a) >= 0) w.push_back(b);
      r.winners = union_of(r.winners, w);
      runoffs.push_back({{"pair", ids_json(p, {a, b})}, {"margin", s.margin(a, b)}, {"winners", ids_json(p, w)}});
    }
  r.explanation["plurality_scores"] = rational_scores_json(p, cands, score);
  r.explanation["runoffs"] = runoffs;
  return r;
}

static const Registration plurality_with_runoff_registration{MethodInfo{
    .id = "plurality_with_runoff",
    .aliases = {"Plurality with Runoff", "PluralityWRunoff", "two_round", "top_two_runoff"},
    .family = "elect",
    .input = "ranking",
    .summary = "runoff between the two candidates with the most first places (ties: every possible pair)",
    .citation = "pref_voting plurality_with_runoff_put",
    .params = {unranked_param(), top_ties_param(), elimination_ties_param({"put"})},
    .elect = plurality_with_runoff,
}};

}  // namespace prefero
