// Tideman's alternative methods: restrict to the Smith (or Schwartz) set of the remaining
// candidates, eliminate the candidates of that set with the fewest first places, repeat.
#include "elect/common.hpp"
#include "elect/dominance.hpp"
#include "elect/elimination.hpp"
#include "elect/plurality.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

using DominatingSet = CandidateSet (*)(const PairwiseMatrix&, const CandidateSet&);

// As pref_voting's tideman_alternative: the losers leave the whole remaining set (not only the
// dominating set), so a candidate outside it may re-enter once its only conqueror is gone.
EliminationRound tideman_round(const Profile& p, const PairwiseMatrix& s, DominatingSet dominating,
                               const std::string& top_ties) {
  return [&p, &s, dominating, top_ties](const CandidateSet& remaining) {
    EliminationStep st;
    st.field = dominating(s, remaining);
    if (st.field.size() == 1) {
      st.winners = st.field;
      st.reason = "the dominating set has one member";
      return st;
    }
    auto score = plurality_scores(p, st.field, top_ties);
    st.scores = rational_scores_json(p, st.field, score);
    st.losers = argmin<Rational>(st.field, [&](Cand c) { return score[c]; });
    return st;
  };
}

ElectionResult tideman_alternative(const Profile& p, const CandidateSet& cands, const Params& params,
                                   DominatingSet dominating) {
  return run_elimination(p, cands, tideman_round(p, support_of(p, params), dominating, params.text("top_ties")),
                         elimination_ties_of(params), tie_break_order(p, params));
}

}  // namespace

// Tideman's alternative (Smith) (N. Tideman, "Collective Decisions and Voting", 2006, p. 233).
ElectionResult tideman_alternative_smith(const Profile& p, const CandidateSet& cands, const Params& params) {
  return tideman_alternative(p, cands, params, smith_set);
}

// Tideman's alternative (Schwartz) (N. Tideman, "Collective Decisions and Voting", 2006, p. 233).
ElectionResult tideman_alternative_schwartz(const Profile& p, const CandidateSet& cands, const Params& params) {
  return tideman_alternative(p, cands, params, schwartz_set);
}

static const Registration tideman_alternative_smith_registration{MethodInfo{
    .id = "tideman_alternative_smith",
    .aliases = {"Tideman Alternative Top Cycle", "Tideman Alternative Smith"},
    .family = "elect",
    .input = "ranking",
    .summary = "restrict to the Smith set, eliminate its members with the fewest first places, repeat",
    .citation = "T. N. Tideman, Collective Decisions and Voting, Ashgate 2006; pref_voting tideman_alternative_smith",
    .params = {unranked_param(), top_ties_param(), elimination_ties_param()},
    .elect = tideman_alternative_smith,
}};

static const Registration tideman_alternative_schwartz_registration{MethodInfo{
    .id = "tideman_alternative_schwartz",
    .aliases = {"Tideman Alternative GOCHA", "Tideman Alternative Schwartz", "tideman_alternative_gocha"},
    .family = "elect",
    .input = "ranking",
    .summary = "restrict to the Schwartz set, eliminate its members with the fewest first places, repeat",
    .citation = "T. N. Tideman, Collective Decisions and Voting, Ashgate 2006; pref_voting tideman_alternative_gocha",
    .params = {unranked_param(), top_ties_param(), elimination_ties_param()},
    .elect = tideman_alternative_schwartz,
}};

}  // namespace prefero
