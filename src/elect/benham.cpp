// Benham: while the remaining candidates have no Condorcet winner, eliminate the candidates with
// the fewest first places; then elect the Condorcet winner.
#include "elect/common.hpp"
#include "elect/dominance.hpp"
#include "elect/elimination.hpp"
#include "elect/plurality.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

EliminationRound benham_round(const Profile& p, const PairwiseMatrix& s, const std::string& top_ties) {
  return [&p, &s, top_ties](const CandidateSet& remaining) {
    EliminationStep st;
    if (auto cw = condorcet_winner(s, remaining)) {
      st.winners = {*cw};
      st.reason = "Condorcet winner among the remaining candidates";
      return st;
    }
    auto score = plurality_scores(p, remaining, top_ties);
    st.scores = rational_scores_json(p, remaining, score);
    st.losers = argmin<Rational>(remaining, [&](Cand c) { return score[c]; });
    return st;
  };
}

}  // namespace

// Benham (as named by Green-Armytage, "Four Condorcet-Hare hybrid methods", Voting Matters 29, 2011).
ElectionResult benham(const Profile& p, const CandidateSet& cands, const Params& params) {
  return run_elimination(p, cands, benham_round(p, support_of(p, params), params.text("top_ties")),
                         elimination_ties_of(params), tie_break_order(p, params));
}

static const Registration benham_registration{MethodInfo{
    .id = "benham",
    .aliases = {"Benham"},
    .family = "elect",
    .input = "ranking",
    .summary = "instant runoff that stops as soon as the remaining candidates have a Condorcet winner",
    .citation = "J. Green-Armytage, Four Condorcet-Hare hybrid methods, Voting Matters 29, 2011; "
                "pref_voting benham / benham_tb / benham_put",
    .params = {unranked_param(), top_ties_param(), elimination_ties_param()},
    .elect = benham,
}};

}  // namespace prefero
