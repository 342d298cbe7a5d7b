// Borda-Minimax faceoff: if Borda and Minimax agree, their winners; otherwise each Borda winner
// meets each Minimax winner head to head and the majority winner (both on a tie) goes through.
#include <algorithm>

#include "elect/common.hpp"
#include "elect/elimination.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

// Worst head-to-head loss of c among `cands` by margin (0 when c is never beaten), as
// pref_voting's minimax.
int64_t worst_margin_loss(const PairwiseMatrix& s, const CandidateSet& cands, Cand c) {
  int64_t worst = 0;
  for (Cand b : cands)
    if (b != c) worst = std::max(worst, s.margin(b, c));
  return worst;
}

}  // namespace

// Borda-Minimax faceoff (proposed by E. B. Foley; pref_voting borda_minimax_faceoff).
ElectionResult borda_minimax_faceoff(const Profile& p, const CandidateSet& cands, const Params& params) {
  const PairwiseMatrix& s = support_of(p, params);
  auto borda = argmax<int64_t>(cands, [&](Cand c) { return pairwise_borda(s, cands, c); });
  auto minimax = argmin<int64_t>(cands, [&](Cand c) { return worst_margin_loss(s, cands, c); });
  ElectionResult r;
  r.explanation["borda_scores"] = scores_json(p, cands, [&](Cand c) { return pairwise_borda(s, cands, c); });
  r.explanation["worst_margin_losses"] = scores_json(p, cands, [&](Cand c) { return worst_margin_loss(s, cands, c); });
  r.explanation["borda_winners"] = ids_json(p, borda);
  r.explanation["minimax_winners"] = ids_json(p, minimax);
  if (borda == minimax) {
    r.winners = borda;
    return r;
  }
  json faceoffs = json::array();
  for (Cand a : borda)
    for (Cand b : minimax) {
      std::vector<Cand> w;
      if (s.margin(a, b) >= 0) w.push_back(a);
      if (s.margin(b, a) >= 0) w.push_back(b);
      r.winners = union_of(r.winners, w);
      faceoffs.push_back({{"borda", p.id(a)}, {"minimax", p.id(b)}, {"margin", s.margin(a, b)}, {"through", ids_json(p, w)}});
    }
  r.explanation["faceoffs"] = faceoffs;
  return r;
}

static const Registration borda_minimax_faceoff_registration{MethodInfo{
    .id = "borda_minimax_faceoff",
    .aliases = {"Borda-Minimax Faceoff"},
    .family = "elect",
    .input = "ranking",
    .summary = "Borda winners against Minimax winners head to head when the two rules disagree",
    .citation = "E. B. Foley (proposal); pref_voting borda_minimax_faceoff (combined_methods)",
    .params = {unranked_param()},
    .elect = borda_minimax_faceoff,
}};

}  // namespace prefero
