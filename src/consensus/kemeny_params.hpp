#pragma once
// The kemeny_ranking method's parameters as solver options (the CLI adds a progress hook).
#include "consensus/kemeny.hpp"
#include "registry/params.hpp"

namespace prefero {

KemenyOptions kemeny_options(const Params& params);
ConsensusResult kemeny_ranking(const Profile& p, const CandidateSet& cands, const Params& params);

}  // namespace prefero
