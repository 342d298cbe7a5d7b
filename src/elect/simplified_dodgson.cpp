// Simplified Dodgson: the Condorcet winner, else the smallest sum of margins of defeat.
#include "elect/common.hpp"
#include "elect/dominance.hpp"
#include "elect/margin_graph.hpp"
#include "registry/registry.hpp"

namespace prefero {

// Simplified Dodgson (Tideman's approximation of Dodgson's rule; N. Tideman, "Independence of
// clones as a criterion for voting rules", SCW 4, 1987; pref_voting's simplified_dodgson).
ElectionResult simplified_dodgson(const Profile& p, const CandidateSet& cands, const Params& params) {
  const auto& s = support_of(p, params);
  ElectionResult r;
  if (auto cw = condorcet_winner(s, cands)) {
    r.winners = {*cw};
    r.explanation["condorcet_winner"] = p.id(*cw);
    return r;
  }
  r.winners = argmin<int64_t>(cands, [&](Cand c) { return total_margin_of_loss(s, cands, c); });
  r.explanation["total_margin_of_loss"] = scores_json(p, cands, [&](Cand c) { return total_margin_of_loss(s, cands, c); });
  return r;
}

static const Registration simplified_dodgson_registration{MethodInfo{
    .id = "simplified_dodgson",
    .aliases = {"Simplified Dodgson"},
    .family = "elect",
    .input = "ranking",
    .summary = "the Condorcet winner if there is one, else the smallest sum of margins of defeat",
    .citation = "T. N. Tideman, Independence of clones as a criterion for voting rules, SCW 4, 1987",
    .params = {unranked_param()},
    .elect = simplified_dodgson,
}};

}  // namespace prefero
