#pragma once
// Approval ballots as the Phragmén-family rules need them: each unique ballot's approved
// candidates, its multiplicity (weight), and each candidate's approvers. A candidate is
// approved when the ballot puts it at level 0 (PrefLib .cat: first category; abcvoting YAML;
// ranked files: the top tier, as abcvoting's default top_ranks = 1).
#include <cstdint>
#include <vector>

#include "core/profile.hpp"

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

ApprovalVoters approval_voters(const Profile& p);

// Checks 1 <= k <= m and at least one voter (abcvoting's verify_compute_parameters); InputError otherwise.
void check_committee_size(const ApprovalVoters& a, int committee_size, const char* rule);

// Sorts each committee ascending and the list lexicographically, removing repeats.
std::vector<std::vector<Cand>> sorted_committees(std::vector<std::vector<Cand>> committees);

}  // namespace prefero
