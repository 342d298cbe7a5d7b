// River: Ranked Pairs that also skips a win over a candidate already beaten by a locked win.
#include "elect/common.hpp"
#include "elect/locking.hpp"
#include "registry/registry.hpp"

namespace prefero {

// River (J. Heitzig, "River method - updated summary", election-methods list, 2004; pair ties as
// in pref_voting's river / river_tb / river_zt).
ElectionResult river(const Profile& p, const CandidateSet& cands, const Params& params) {
  return elect_by_locking(p, cands, params, LockRule::river);
}

static const Registration river_registration{MethodInfo{
    .id = "river",
    .aliases = {"River"},
    .family = "elect",
    .input = "ranking",
    .summary = "lock wins strongest first, skipping cycles and wins over an already beaten candidate",
    .citation = "J. Heitzig, River method - updated summary, election-methods mailing list, 2004",
    .params = {unranked_param(), strength_param({"margin", "winning_votes", "ratio"}), pair_ties_param()},
    .elect = river,
}};

}  // namespace prefero
