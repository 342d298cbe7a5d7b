// Woodall: instant runoff over all candidates until one member of the original Smith set is left.
#include <algorithm>

#include "elect/common.hpp"
#include "elect/dominance.hpp"
#include "elect/elimination.hpp"
#include "elect/plurality.hpp"
#include "registry/registry.hpp"

namespace prefero {

// Woodall (D. R. Woodall, "Monotonicity of single-seat preferential election rules", Discrete
// Applied Mathematics 77, 1997; pref_voting woodall).
ElectionResult woodall(const Profile& p, const CandidateSet& cands, const Params& params) {
  const CandidateSet smith = smith_set(support_of(p, params), cands);
  const std::string top_ties = params.text("top_ties");
  auto in_smith = [&](const CandidateSet& set) {
    CandidateSet out;
    std::set_intersection(set.begin(), set.end(), smith.begin(), smith.end(), std::back_inserter(out));
    return out;
  };
  EliminationRound round = [&](const CandidateSet& remaining) {
    EliminationStep st;
    CandidateSet alive = in_smith(remaining);
    if (alive.size() == 1) {
      st.winners = alive;
      st.reason = "one member of the Smith set remains";
      return st;
    }
    auto score = plurality_scores(p, remaining, top_ties);
    st.scores = rational_scores_json(p, remaining, score);
    st.losers = argmin<Rational>(remaining, [&](Cand c) { return score[c]; });
    if (in_smith(without(remaining, st.losers)).empty()) {
      st.winners = alive;
      st.reason = "the next elimination would remove every remaining member of the Smith set";
    }
    return st;
  };
  ElectionResult r = run_elimination(p, cands, round, EliminationTies::simultaneous, {});
  r.explanation["smith_set"] = ids_json(p, smith);
  return r;
}

static const Registration woodall_registration{MethodInfo{
    .id = "woodall",
    .aliases = {"Woodall"},
    .family = "elect",
    .input = "ranking",
    .summary = "instant runoff over all candidates until a single member of the Smith set remains",
    .citation = "D. R. Woodall, Monotonicity of single-seat preferential election rules, Discrete Appl. Math. 77, 1997; "
                "pref_voting woodall",
    .params = {unranked_param(), top_ties_param()},
    .elect = woodall,
}};

}  // namespace prefero
