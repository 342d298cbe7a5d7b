#pragma once
// Instant runoff (Hare, alternative vote, ranked choice), shared with the rules that run it on a
// subset of candidates (Condorcet-IRV, Smith-IRV).
#include "core/profile.hpp"
#include "core/result.hpp"
#include "registry/params.hpp"

namespace prefero {

// Params: top_ties, elimination_ties (plus tie_break_order when elimination_ties = fixed).
ElectionResult instant_runoff(const Profile& p, const CandidateSet& cands, const Params& params);

}  // namespace prefero
