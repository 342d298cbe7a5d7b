#pragma once
// Approval ballots as the Phragmén-family rules need them: approval_profile.hpp's view (each
// unique ballot's approved candidates and multiplicity, parameter approve_top) plus each
// candidate's approvers.
#include <cstdint>
#include <vector>

#include "core/profile.hpp"
#include "registry/params.hpp"

namespace prefero {

struct ApprovalVoters {
  int num_cand = 0;
  std::vector<std::vector<Cand>> approved;  // per unique ballot, ascending
  std::vector<int64_t> weight;              // multiplicity of the unique ballot
  std::vector<std::vector<int>> approvers;  // per candidate: unique ballots approving it
  int64_t total_weight = 0;

  int num_ballots() const { return static_cast<int>(approved.size()); }
  // Candidates approved by at least one voter, ascending.
  std::vector<Cand> approved_candidates() const;
};

// What a ballot approves follows the common parameter approve_top (default 1: level 0).
ApprovalVoters approval_voters(const Profile& p, const Params& params);

// Checks 1 <= k <= m and at least one voter (abcvoting's verify_compute_parameters); InputError otherwise.
void check_committee_size(const ApprovalVoters& a, int committee_size, const char* rule);

// Sorts each committee ascending and the list lexicographically, removing repeats.
std::vector<std::vector<Cand>> sorted_committees(std::vector<std::vector<Cand>> committees);

}  // namespace prefero
