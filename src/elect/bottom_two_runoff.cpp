// Bottom-two-runoff instant runoff: the two candidates with the fewest first places meet head to
// head and the loser is eliminated; repeat until one is left.
#include "elect/common.hpp"
#include "elect/elimination.hpp"
#include "elect/plurality.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

// Candidates knocked out by the bottom-two matches (pref_voting's convention): every pair of a
// lowest and a second-lowest plurality scorer (pairs among the lowest when several tie there)
// meets; the lower one leaves unless it wins outright (a tied match removes the lower one).
EliminationRound btr_round(const Profile& p, const PairwiseMatrix& s, const std::string& top_ties) {
  return [&p, &s, top_ties](const CandidateSet& remaining) {
    EliminationStep st;
    auto score = plurality_scores(p, remaining, top_ties);
    st.scores = rational_scores_json(p, remaining, score);
    auto key = [&](Cand c) { return score[c]; };
    auto lowest = argmin<Rational>(remaining, key);
    auto second = lowest.size() > 1 ? lowest : argmin<Rational>(without(remaining, lowest), key);
    for (Cand c1 : lowest)
      for (Cand c2 : second)
        if (c1 != c2) st.losers = union_of(st.losers, {s.margin(c1, c2) <= 0 ? c1 : c2});
    return st;
  };
}

}  // namespace

// Bottom-two-runoff IRV (BTR-IRV; see e.g. Green-Armytage, Voting Matters 29, 2011;
// pref_voting bottom_two_runoff_instant_runoff / _put).
ElectionResult bottom_two_runoff_instant_runoff(const Profile& p, const CandidateSet& cands, const Params& params) {
  return run_elimination(p, cands, btr_round(p, support_of(p, params), params.text("top_ties")),
                         elimination_ties_of(params), tie_break_order(p, params));
}

static const Registration btr_registration{MethodInfo{
    .id = "bottom_two_runoff_instant_runoff",
    .aliases = {"Bottom-Two-Runoff Instant Runoff", "btr_irv"},
    .family = "elect",
    .input = "ranking",
    .summary = "the two candidates with the fewest first places meet head to head; the loser is eliminated",
    .citation = "J. Green-Armytage, Four Condorcet-Hare hybrid methods, Voting Matters 29, 2011; "
                "pref_voting bottom_two_runoff_instant_runoff / _put",
    .params = {unranked_param(), top_ties_param(), elimination_ties_param({"simultaneous", "put"})},
    .elect = bottom_two_runoff_instant_runoff,
}};

}  // namespace prefero
