// Kemeny-Young: the candidates ranked first by some ranking that overrules the fewest pairwise
// preferences (equivalently: maximizes the sum of the margins it agrees with).
#include "elect/common.hpp"
#include "elect/linear_ordering.hpp"
#include "registry/registry.hpp"

namespace prefero {

// J. G. Kemeny, "Mathematics without numbers", Daedalus 88 (1959); H. P. Young and A. Levenglick,
// "A consistent extension of Condorcet's election principle", SIAM J. Appl. Math. 35 (1978).
ElectionResult kemeny_young(const Profile& p, const CandidateSet& cands, const Params& params) {
  const PairwiseMatrix& s = support_of(p, params);
  // Placing a above b overrules the s(b, a) voters who prefer b to a (pairwise Kendall distance).
  auto overruled = [&s](Cand b, Cand a) { return s(b, a); };
  LinearOrderingResult opt = min_cost_linear_ordering(cands, overruled, "kemeny_young");
  auto margin_sum = [&s](Cand b, Cand a) { return -s.margin(a, b); };
  ElectionResult r;
  r.winners = opt.first_places;
  r.explanation["margins"] = margins_json(p, s, cands);
  r.explanation["kendall_distance"] = opt.optimal_cost;
  r.explanation["margin_score"] = -linear_ordering_cost(opt.one_optimal, margin_sum);
  r.explanation["one_optimal_ranking"] = ids_json(p, opt.one_optimal);
  r.explanation["first_in_some_optimal_ranking"] = ids_json(p, opt.first_places);
  return r;
}

static const Registration kemeny_young_registration{MethodInfo{
    .id = "kemeny_young",
    .aliases = {"Kemeny-Young", "kemeny", "Kemeny"},
    .family = "elect",
    .input = "ranking",
    .summary = "the candidates ranked first by some Kemeny ranking: a ranking minimizing the number of pairwise "
               "voter preferences it overrules (Kendall tau distance; equivalently maximizing the sum of margins); "
               "exact by dynamic programming over subsets, up to 20 candidates",
    .citation = "J. G. Kemeny, Mathematics without numbers, Daedalus 88, 1959; H. P. Young and A. Levenglick, "
                "SIAM J. Appl. Math. 35, 1978",
    .params = {unranked_param()},
    .elect = kemeny_young,
}};

}  // namespace prefero
