#include "committee/approval_profile.hpp"

#include "core/error.hpp"

namespace prefero {

ApprovalProfile approval_profile(const Profile& p, int64_t approve_top) {
  if (approve_top < 1) throw InputError("approve_top must be at least 1");
  ApprovalProfile a;
  a.num_candidates = p.num_candidates();
  for (size_t b = 0; b < p.num_ballots(); ++b) {
    std::vector<Cand> set;
    auto levels = p.ballot(b);
    for (Cand c = 0; c < p.num_candidates(); ++c)
      if (levels[static_cast<size_t>(c)] != kUnranked && levels[static_cast<size_t>(c)] < approve_top) set.push_back(c);
    a.approved.push_back(std::move(set));
    a.weights.push_back(p.counts[b]);
    a.total_weight += p.counts[b];
  }
  return a;
}

ApprovalProfile approval_profile(const Profile& p, const Params& params) {
  return approval_profile(p, params.has("approve_top") ? params.integer("approve_top") : 1);
}

}  // namespace prefero
