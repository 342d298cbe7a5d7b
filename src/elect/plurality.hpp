#pragma once
// Plurality scores, shared by plurality and the rules that count first places round by round
// (instant runoff, plurality with runoff, ...).
#include <string>
#include <vector>

#include "core/profile.hpp"
#include "core/rational.hpp"
#include "registry/params.hpp"

namespace prefero {

// The `top_ties` parameter: how a ballot with a tied top tier counts.
ParamSpec top_ties_param();
// Score of every candidate (indexed by Cand; zero outside `cands`): each ballot's top tier
// among `cands` gets the ballot's count (split / whole / ignore when that tier is tied).
std::vector<Rational> plurality_scores(const Profile& p, const CandidateSet& cands, const std::string& top_ties);

}  // namespace prefero
