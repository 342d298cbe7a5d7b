// Raynaud: eliminate the candidates with the worst head-to-head loss until they all tie.
#include <algorithm>

#include "elect/common.hpp"
#include "elect/elimination.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

// Worst loss of c among `cands` under `strength` (pref_voting's minimax score methods):
//   margin:              largest margin of a candidate beating c (0 if none)
//   winning_votes:       largest support of a candidate beating c (0 if none)
//   pairwise_opposition: largest support of any candidate over c
int64_t worst_loss(const PairwiseMatrix& s, const CandidateSet& cands, Cand c, const std::string& strength) {
  int64_t worst = 0;
  for (Cand b : cands) {
    if (b == c) continue;
    if (strength == "pairwise_opposition") worst = std::max(worst, s(b, c));
    else if (s.beats(b, c)) worst = std::max(worst, strength == "margin" ? s.margin(b, c) : s(b, c));
  }
  return worst;
}

}  // namespace

// Raynaud (R. Raynaud, 1981, via electowiki "Raynaud"; pref_voting raynaud).
ElectionResult raynaud(const Profile& p, const CandidateSet& cands, const Params& params) {
  const PairwiseMatrix& s = support_of(p, params);
  const std::string strength = params.text("strength");
  EliminationRound round = [&](const CandidateSet& remaining) {
    EliminationStep st;
    auto loss = [&](Cand c) { return worst_loss(s, remaining, c, strength); };
    st.scores = scores_json(p, remaining, loss);
    st.losers = argmax<int64_t>(remaining, loss);
    return st;
  };
  return run_elimination(p, cands, round, EliminationTies::simultaneous, {});
}

static const Registration raynaud_registration{MethodInfo{
    .id = "raynaud",
    .aliases = {"Raynaud"},
    .family = "elect",
    .input = "ranking",
    .summary = "eliminate the candidates with the biggest worst head-to-head loss until all tie",
    .citation = "electowiki, Raynaud; pref_voting raynaud",
    .params = {unranked_param(),
               {"strength", ParamType::choice, "margin",
                "size of a loss: margin (pref_voting's default), winning_votes (support of the winner) or "
                "pairwise_opposition (largest support over the candidate, beaten or not)",
                {"margin", "winning_votes", "pairwise_opposition"}}},
    .elect = raynaud,
}};

}  // namespace prefero
