// Slater: the candidates ranked first by some ranking that reverses the fewest edges of the
// majority graph (pairs with a zero margin cost nothing either way, as in pref_voting).
#include "elect/common.hpp"
#include "elect/linear_ordering.hpp"
#include "registry/registry.hpp"

namespace prefero {

// P. Slater, "Inconsistencies in a schedule of paired comparisons", Biometrika 48 (1961).
ElectionResult slater(const Profile& p, const CandidateSet& cands, const Params& params) {
  const PairwiseMatrix& s = support_of(p, params);
  // Placing a above b reverses a majority edge when b beats a head to head.
  auto reversed = [&s](Cand b, Cand a) { return int64_t{s.beats(b, a) ? 1 : 0}; };
  LinearOrderingResult opt = min_cost_linear_ordering(cands, reversed, "slater");
  json edges = json::array();
  for (Cand a : cands)
    for (Cand b : cands)
      if (s.beats(a, b)) edges.push_back(json::array({p.id(a), p.id(b)}));
  ElectionResult r;
  r.winners = opt.first_places;
  r.explanation["majority_edges"] = edges;
  r.explanation["reversed_edges"] = opt.optimal_cost;
  r.explanation["one_optimal_ranking"] = ids_json(p, opt.one_optimal);
  r.explanation["first_in_some_optimal_ranking"] = ids_json(p, opt.first_places);
  return r;
}

static const Registration slater_registration{MethodInfo{
    .id = "slater",
    .aliases = {"Slater"},
    .family = "elect",
    .input = "ranking",
    .summary = "the candidates ranked first by some Slater ranking: a ranking reversing the fewest majority "
               "edges (pairs tied head to head cost nothing); exact by dynamic programming, up to 20 candidates",
    .citation = "P. Slater, Inconsistencies in a schedule of paired comparisons, Biometrika 48, 1961",
    .params = {unranked_param()},
    .elect = slater,
}};

}  // namespace prefero
