// Ranked Pairs (Tideman): lock majority wins strongest first, skipping any that would close a cycle.
#include "elect/common.hpp"
#include "elect/locking.hpp"
#include "registry/registry.hpp"

namespace prefero {

// Ranked Pairs (T. N. Tideman, "Independence of clones as a criterion for voting rules", SCW 4,
// 1987; pair ties as in pref_voting's ranked_pairs / ranked_pairs_tb / ranked_pairs_zt).
ElectionResult ranked_pairs(const Profile& p, const CandidateSet& cands, const Params& params) {
  return elect_by_locking(p, cands, params, LockRule::ranked_pairs);
}

static const Registration ranked_pairs_registration{MethodInfo{
    .id = "ranked_pairs",
    .aliases = {"Ranked Pairs", "tideman", "Tideman"},
    .family = "elect",
    .input = "ranking",
    .summary = "lock head-to-head wins strongest first unless they close a cycle; the unbeaten candidate wins",
    .citation = "T. N. Tideman, Independence of clones as a criterion for voting rules, SCW 4(3), 1987",
    .params = {unranked_param(), strength_param({"margin", "winning_votes", "ratio"}), pair_ties_param()},
    .elect = ranked_pairs,
}};

}  // namespace prefero
