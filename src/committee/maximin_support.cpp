// Maximin support method (L. Sánchez-Fernández, N. Fernández, J. A. Fisteus, M. Brill, "The maximin
// support method: an extension of the D'Hondt method to approval-based multiwinner elections",
// Mathematical Programming 2022; abcvoting "maximin-support"): sequentially add the candidate whose
// addition gives the committee the largest maximin support value (computed exactly by max-flow).
#include <algorithm>
#include <optional>
#include <set>
#include <utility>

#include "committee/approval_voters.hpp"
#include "committee/committee.hpp"
#include "committee/phragmen_params.hpp"
#include "committee/voter_support.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

CommitteeResult maximin_support_rule(const Profile& p, int k, const Params& params) {
  ApprovalVoters a = approval_voters(p, params);
  check_committee_size(a, k, "maximin-support");
  const bool resolute = resolute_mode(params);
  const Deadline deadline = Deadline::from(params);
  CommitteeResult r;
  std::vector<std::vector<Cand>> stack{{}};  // partial committees, ascending
  std::set<std::vector<Cand>> seen;
  json values = json::array();
  while (!stack.empty()) {
    std::vector<Cand> w = std::move(stack.back());
    stack.pop_back();
    if (static_cast<int>(w.size()) == k) {
      r.committees.push_back(w);
      if (resolute) break;
      continue;
    }
    if (!seen.insert(w).second) continue;
    if (!resolute && deadline.expired()) {
      r.proven = false;
      break;
    }
    std::vector<Rational> value(static_cast<size_t>(a.num_cand));
    std::optional<Rational> best;
    for (Cand c = 0; c < a.num_cand; ++c) {
      if (std::binary_search(w.begin(), w.end(), c)) continue;
      std::vector<Cand> bigger = w;
      bigger.insert(std::upper_bound(bigger.begin(), bigger.end(), c), c);
      value[static_cast<size_t>(c)] = maximin_support_value(a, bigger);
      if (!best || value[static_cast<size_t>(c)] > *best) best = value[static_cast<size_t>(c)];
    }
    std::vector<std::vector<Cand>> next;
    for (Cand c = 0; c < a.num_cand; ++c) {
      if (std::binary_search(w.begin(), w.end(), c) || value[static_cast<size_t>(c)] != *best) continue;
      std::vector<Cand> bigger = w;
      bigger.insert(std::upper_bound(bigger.begin(), bigger.end(), c), c);
      if (resolute) values.push_back(json{{"added", p.id(c)}, {"support_value", to_string(*best)}});
      next.push_back(std::move(bigger));
      if (resolute) break;
    }
    for (auto it = next.rbegin(); it != next.rend(); ++it) stack.push_back(std::move(*it));
  }
  r.committees = sorted_committees(std::move(r.committees));
  r.explanation["rule"] = "maximin-support";
  if (resolute) r.explanation["steps"] = values;
  return r;
}

}  // namespace

static const Registration maximin_support_registration{MethodInfo{
    .id = "maximin-support",
    .aliases = {"mms", "maximin_support"},
    .family = "committee",
    .input = "approval",
    .summary = "Maximin support method: sequentially add the candidate maximising the committee's maximin "
               "support value (exact, by parametric max-flow)",
    .citation = "L. Sánchez-Fernández, N. Fernández, J. A. Fisteus, M. Brill, Mathematical Programming 2022; "
                "abcvoting maximin-support",
    .params = phragmen_mode_params(),
    .committee = maximin_support_rule,
}};

}  // namespace prefero
