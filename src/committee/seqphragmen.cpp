// Phragmén's sequential rule (E. Phragmén 1894; L. Sánchez-Fernández et al., AAAI 2017; abcvoting
// "seqphragmen"): each new seat's unit load is shared by its approvers, minimising the new maximum load.
#include "committee/seqphragmen.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "committee/committee.hpp"
#include "core/profile.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

// New maximum load per candidate for the next round (abcvoting's new_maxload).
std::vector<Rational> new_max_loads(const ApprovalVoters& a, int k, const PhragmenState& s) {
  std::vector<Rational> out(static_cast<size_t>(a.num_cand));
  std::vector<char> in(static_cast<size_t>(a.num_cand), 0);
  for (Cand c : s.committee) in[static_cast<size_t>(c)] = 1;
  for (Cand c = 0; c < a.num_cand; ++c) {
    const auto& voters = a.approvers[static_cast<size_t>(c)];
    if (in[static_cast<size_t>(c)]) {
      out[static_cast<size_t>(c)] = k + 2;
    } else if (voters.empty()) {
      out[static_cast<size_t>(c)] = k + 1;
    } else {
      Rational load_sum = 1;
      int64_t weight = 0;
      for (int v : voters) {
        load_sum += a.weight[static_cast<size_t>(v)] * s.load[static_cast<size_t>(v)];
        weight += a.weight[static_cast<size_t>(v)];
      }
      out[static_cast<size_t>(c)] = load_sum / weight;
    }
  }
  return out;
}

PhragmenState elect(const ApprovalVoters& a, const PhragmenState& s, Cand c, const Rational& load) {
  PhragmenState next = s;
  next.committee.push_back(c);
  for (int v : a.approvers[static_cast<size_t>(c)]) next.load[static_cast<size_t>(v)] = load;
  return next;
}

}  // namespace

PhragmenOutcome seq_phragmen_complete(const ApprovalVoters& a, int k, PhragmenState start, bool resolute,
                                      const Deadline& deadline) {
  PhragmenOutcome out;
  std::vector<PhragmenState> stack{std::move(start)};
  std::set<std::pair<std::vector<Cand>, std::vector<Rational>>> seen;  // (member set, loads) expanded
  while (!stack.empty()) {
    PhragmenState s = std::move(stack.back());
    stack.pop_back();
    if (static_cast<int>(s.committee.size()) >= k) {
      out.committees.push_back(s.committee);
      out.final_states.push_back(std::move(s));
      if (resolute) break;
      continue;
    }
    if (!resolute) {
      std::vector<Cand> members = s.committee;
      std::sort(members.begin(), members.end());
      if (!seen.insert({std::move(members), s.load}).second) continue;
      if (deadline.expired()) {
        out.complete = false;
        break;
      }
    }
    auto loads = new_max_loads(a, k, s);
    const Rational best = *std::min_element(loads.begin(), loads.end());
    // Push in reverse so the smallest tied candidate is explored first.
    for (Cand c = a.num_cand - 1; c >= 0; --c) {
      if (loads[static_cast<size_t>(c)] != best) continue;
      if (resolute) {
        bool smaller_tied = false;
        for (Cand d = 0; d < c; ++d) smaller_tied |= loads[static_cast<size_t>(d)] == best;
        if (smaller_tied) continue;
      }
      stack.push_back(elect(a, s, c, best));
    }
  }
  out.committees = sorted_committees(std::move(out.committees));
  return out;
}

namespace {

json loads_json(const Profile& p, const ApprovalVoters& a, const PhragmenState& s) {
  json steps = json::array();
  json loads = json::array();
  for (int v = 0; v < a.num_ballots(); ++v) loads.push_back(to_string(s.load[static_cast<size_t>(v)]));
  for (Cand c : s.committee) steps.push_back(p.id(c));
  return json{{"order_of_election", steps}, {"load_per_ballot", loads}};
}

CommitteeResult seqphragmen_rule(const Profile& p, int k, const Params& params) {
  ApprovalVoters a = approval_voters(p, params);
  check_committee_size(a, k, "seqphragmen");
  bool resolute = resolute_mode(params);
  PhragmenState start{{}, std::vector<Rational>(static_cast<size_t>(a.num_ballots()))};
  auto outcome = seq_phragmen_complete(a, k, std::move(start), resolute, Deadline::from(params));
  CommitteeResult r;
  r.committees = outcome.committees;
  r.proven = outcome.complete;
  if (resolute && !outcome.final_states.empty()) r.explanation = loads_json(p, a, outcome.final_states.front());
  r.explanation["rule"] = "seqphragmen";
  r.explanation["arithmetic"] = "exact rationals";
  return r;
}

}  // namespace

static const Registration seqphragmen_registration{MethodInfo{
    .id = "seqphragmen",
    .aliases = {"seq-phragmen", "sequential_phragmen"},
    .family = "committee",
    .input = "approval",
    .summary = "Phragmén's sequential rule: each seat's unit load is shared by its approvers, minimising the "
               "new maximum load (exact rationals)",
    .citation = "E. Phragmén 1894; L. Sánchez-Fernández, N. Fernández, L. Fisteus, M. Brill, AAAI 2017; "
                "abcvoting seqphragmen",
    .params = phragmen_mode_params(),
    .committee = seqphragmen_rule,
}};

}  // namespace prefero
