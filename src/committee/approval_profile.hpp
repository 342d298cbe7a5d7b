#pragma once
// The approval view of a profile that every approval-based committee (ABC) rule works on: one
// approval set per unique ballot with its multiplicity (abcvoting's weighted voters).
#include <cstdint>
#include <vector>

#include "core/profile.hpp"
#include "registry/params.hpp"

namespace prefero {

struct ApprovalProfile {
  int num_candidates = 0;
  std::vector<std::vector<Cand>> approved;  // unique ballot b: its approved candidates, ascending
  std::vector<int64_t> weights;             // multiplicity of ballot b (> 0)
  int64_t total_weight = 0;                 // number of voters
  size_t size() const { return approved.size(); }
};

// What a ballot approves (parameter approve_top = K):
//   categorical (PrefLib .cat, abcvoting YAML): categories 0..K-1 (category 0 = approved)
//   ranking: its first K indifference classes (abcvoting's `top_ranks`)
//   scores:  the candidates graded in its K highest grade classes
ApprovalProfile approval_profile(const Profile& p, int64_t approve_top = 1);
// Reads approve_top from the parameters (every committee rule declares it).
ApprovalProfile approval_profile(const Profile& p, const Params& params);

}  // namespace prefero
