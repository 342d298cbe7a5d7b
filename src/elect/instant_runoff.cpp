// Instant runoff: eliminate the candidates ranked first by the fewest voters until one has a
// majority of the ballots still ranking someone.
#include "elect/instant_runoff.hpp"

#include "elect/common.hpp"
#include "elect/elimination.hpp"
#include "elect/plurality.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

// A round of instant runoff: a majority winner among the active ballots stops the count
// (this only shortens the count: a majority holder is never the plurality loser); otherwise the
// candidates with the fewest first places are tied for elimination. Ballots ranking nobody
// remaining are exhausted.
EliminationRound irv_round(const Profile& p, const std::string& top_ties) {
  return [&p, top_ties](const CandidateSet& remaining) {
    auto score = plurality_scores(p, remaining, top_ties);
    EliminationStep st;
    st.scores = rational_scores_json(p, remaining, score);
    const Rational half(active_ballots(p, remaining), 2);
    std::vector<Cand> majority;
    for (Cand c : remaining)
      if (score[c] > half) majority.push_back(c);
    if (majority.size() == 1) {
      st.winners = majority;
      st.reason = "a majority of the active ballots rank this candidate first";
      return st;
    }
    st.losers = argmin<Rational>(remaining, [&](Cand c) { return score[c]; });
    return st;
  };
}

}  // namespace

// Instant runoff (T. Hare, "The Election of Representatives", 1859; pref_voting instant_runoff).
ElectionResult instant_runoff(const Profile& p, const CandidateSet& cands, const Params& params) {
  return run_elimination(p, cands, irv_round(p, params.text("top_ties")), elimination_ties_of(params),
                         tie_break_order(p, params));
}

static const Registration instant_runoff_registration{MethodInfo{
    .id = "instant_runoff",
    .aliases = {"Instant Runoff", "irv", "hare", "Hare", "ranked_choice", "Ranked Choice", "alternative_vote",
                "Alternative Vote"},
    .family = "elect",
    .input = "ranking",
    .summary = "eliminate the candidates with the fewest first places until one has a majority",
    .citation = "T. Hare, The Election of Representatives, 1859; pref_voting instant_runoff / _tb / _put",
    .params = {top_ties_param(), elimination_ties_param()},
    .elect = instant_runoff,
}};

}  // namespace prefero
