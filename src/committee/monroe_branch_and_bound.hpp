#pragma once
// Approval Monroe: the score of a committee (a maximum flow) and an exact branch and bound over
// the candidates whose bound is a flow relaxation.
#include <cstdint>
#include <vector>

#include "committee/approval_profile.hpp"
#include "committee/committee.hpp"
#include "committee/thiele.hpp"

namespace prefero {

// The Monroe score of w: the most voters represented by an approved member when each member
// represents floor(n/k) or ceil(n/k) voters (n mod k members the larger share).
int64_t monroe_score(const ApprovalProfile& a, const std::vector<Cand>& w);

// Every committee of size k with the largest Monroe score (one if s.resolute; at most
// max_committees > 0 of them otherwise, then explanation.cap_reached), by branch and bound; not
// proven if s.time_limit stopped the search.
CommitteeResult monroe_branch_and_bound(const ApprovalProfile& a, int k, const SolveSettings& s,
                                        int64_t max_committees = 0);

}  // namespace prefero
