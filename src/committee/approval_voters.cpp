#include "committee/approval_voters.hpp"

#include <algorithm>
#include <string>

#include "committee/approval_profile.hpp"
#include "core/error.hpp"

namespace prefero {

std::vector<Cand> ApprovalVoters::approved_candidates() const {
  std::vector<Cand> out;
  for (Cand c = 0; c < num_cand; ++c)
    if (!approvers[static_cast<size_t>(c)].empty()) out.push_back(c);
  return out;
}

ApprovalVoters approval_voters(const Profile& p, const Params& params) {
  ApprovalProfile ap = approval_profile(p, params);
  ApprovalVoters a;
  a.num_cand = ap.num_candidates;
  a.approvers.assign(static_cast<size_t>(a.num_cand), {});
  for (size_t b = 0; b < ap.size(); ++b)
    for (Cand c : ap.approved[b]) a.approvers[static_cast<size_t>(c)].push_back(static_cast<int>(b));
  a.approved = std::move(ap.approved);
  a.weight = std::move(ap.weights);
  a.total_weight = ap.total_weight;
  return a;
}

void check_committee_size(const ApprovalVoters& a, int committee_size, const char* rule) {
  if (committee_size < 1)
    throw InputError(std::string(rule) + ": committee size must be a positive integer (got " +
                     std::to_string(committee_size) + ")");
  if (committee_size > a.num_cand)
    throw InputError(std::string(rule) + ": committee size " + std::to_string(committee_size) +
                     " exceeds the number of candidates (" + std::to_string(a.num_cand) + ")");
  if (a.total_weight <= 0) throw InputError(std::string(rule) + ": the profile has no voters");
}

std::vector<std::vector<Cand>> sorted_committees(std::vector<std::vector<Cand>> committees) {
  for (auto& c : committees) std::sort(c.begin(), c.end());
  std::sort(committees.begin(), committees.end());
  committees.erase(std::unique(committees.begin(), committees.end()), committees.end());
  return committees;
}

}  // namespace prefero
