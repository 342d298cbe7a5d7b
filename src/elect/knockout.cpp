// Knockout voting: the two candidates with the lowest Borda scores meet head to head and the
// loser leaves; repeat until one is left. The Borda scores are global: computed once over every
// candidate of the profile, also when the rule runs on a subset (as pref_voting's knockout).
// Ties in the Borda scores are broken in parallel universes.
#include "elect/common.hpp"
#include "elect/elimination.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

// Candidates that some bottom-two match can knock out of `remaining` (pref_voting's knockout:
// among tied lowest, c2 leaves if some other tied c1 has margin(c1, c2) >= 0; a unique lowest l
// leaves if a second-lowest c2 has margin(c2, l) >= 0, and c2 leaves if margin(l, c2) > 0).
std::vector<Cand> knockout_losers(const PairwiseMatrix& s, const CandidateSet& remaining, const std::vector<int64_t>& borda) {
  auto lowest = argmin<int64_t>(remaining, [&](Cand c) { return borda[c]; });
  std::vector<Cand> out;
  if (lowest.size() > 1) {
    for (Cand c1 : lowest)
      for (Cand c2 : lowest)
        if (c1 != c2 && s.margin(c1, c2) >= 0) out = union_of(out, {c2});
    return out;
  }
  const Cand l = lowest.front();
  auto second = argmin<int64_t>(without(remaining, lowest), [&](Cand c) { return borda[c]; });
  for (Cand c2 : second) {
    if (s.margin(c2, l) >= 0) out = union_of(out, {l});
    if (s.margin(l, c2) > 0) out = union_of(out, {c2});
  }
  return out;
}

}  // namespace

// Knockout voting (proposed by E. B. Foley; pref_voting knockout).
ElectionResult knockout(const Profile& p, const CandidateSet& cands, const Params& params) {
  const PairwiseMatrix& s = support_of(p, params);
  std::vector<int64_t> borda(static_cast<size_t>(p.num_candidates()));
  const CandidateSet everyone = all_candidates(p.num_candidates());
  for (Cand c : everyone) borda[c] = pairwise_borda(s, everyone, c);
  EliminationRound round = [&](const CandidateSet& remaining) {
    EliminationStep st;
    st.losers = knockout_losers(s, remaining, borda);
    return st;
  };
  ElectionResult r = run_elimination(p, cands, round, EliminationTies::put, {});
  r.explanation["borda_scores"] = scores_json(p, cands, [&](Cand c) { return borda[c]; });
  return r;
}

static const Registration knockout_registration{MethodInfo{
    .id = "knockout",
    .aliases = {"Knockout Voting", "knockout_voting"},
    .family = "elect",
    .input = "ranking",
    .summary = "the two lowest global Borda scorers meet head to head; the loser leaves",
    .citation = "E. B. Foley (proposal); pref_voting knockout",
    .params = {unranked_param()},
    .elect = knockout,
}};

}  // namespace prefero
