#pragma once
// Parameters and limits shared by the Phragmén-family committee rules (seqphragmen,
// minimax/leximax-Phragmén, maximin-support, equal-shares, phragmen-enestroem, rsd).
#include <vector>

#include "committee/committee.hpp"
#include "registry/params.hpp"
#include "solve/deadline.hpp"

namespace prefero {

// The common committee parameters (run_committee.hpp: resolute, time_limit, approve_top); in
// resolute mode these rules break ties towards the smaller candidate index, as abcvoting.
std::vector<ParamSpec> phragmen_mode_params();
bool resolute_mode(const Params& params);

}  // namespace prefero
