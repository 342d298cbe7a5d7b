// Phragmén–Eneström (Phragmén's first method, Eneström 1896; S. Janson, "Phragmén's and Thiele's
// election methods" 2016, §18.5; abcvoting "phragmen-enestroem"): voters start with their weight;
// each round elects the candidate with the largest total budget of its approvers, who pay the price
// n/k in proportion to their budgets (everything, if they cannot afford it).
#include <algorithm>
#include <optional>
#include <set>
#include <utility>

#include "committee/approval_voters.hpp"
#include "committee/committee.hpp"
#include "committee/phragmen_params.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

struct EnestroemState {
  std::vector<Cand> committee;
  std::vector<Rational> budget;  // per voter of each unique ballot
};

CommitteeResult phragmen_enestroem_rule(const Profile& p, int k, const Params& params) {
  ApprovalVoters a = approval_voters(p, params);
  check_committee_size(a, k, "phragmen-enestroem");
  const bool resolute = resolute_mode(params);
  const Deadline deadline = Deadline::from(params);
  Rational price{mpz_class(static_cast<long>(a.total_weight)), mpz_class(k)};
  price.canonicalize();
  CommitteeResult r;
  std::vector<EnestroemState> stack{{{}, std::vector<Rational>(static_cast<size_t>(a.num_ballots()), Rational(1))}};
  std::set<std::pair<std::vector<Cand>, std::vector<Rational>>> seen;
  while (!stack.empty()) {
    EnestroemState s = std::move(stack.back());
    stack.pop_back();
    if (static_cast<int>(s.committee.size()) == k) {
      r.committees.push_back(s.committee);
      if (resolute) break;
      continue;
    }
    if (!resolute) {
      std::vector<Cand> members = s.committee;
      std::sort(members.begin(), members.end());
      if (!seen.insert({std::move(members), s.budget}).second) continue;
      if (deadline.expired()) {
        r.proven = false;
        break;
      }
    }
    std::vector<char> in(static_cast<size_t>(a.num_cand), 0);
    for (Cand c : s.committee) in[static_cast<size_t>(c)] = 1;
    std::vector<Rational> support(static_cast<size_t>(a.num_cand));
    for (Cand c = 0; c < a.num_cand; ++c)
      for (int v : a.approvers[static_cast<size_t>(c)])
        if (s.budget[static_cast<size_t>(v)] > 0)
          support[static_cast<size_t>(c)] += a.weight[static_cast<size_t>(v)] * s.budget[static_cast<size_t>(v)];
    std::optional<Rational> best;
    for (Cand c = 0; c < a.num_cand; ++c)
      if (!in[static_cast<size_t>(c)] && (!best || support[static_cast<size_t>(c)] > *best)) best = support[static_cast<size_t>(c)];
    const Rational multiplier = *best > price ? Rational((*best - price) / *best) : Rational(0);
    std::vector<EnestroemState> next;
    for (Cand c = 0; c < a.num_cand; ++c) {
      if (in[static_cast<size_t>(c)] || support[static_cast<size_t>(c)] != *best) continue;
      EnestroemState t = s;
      t.committee.push_back(c);
      for (int v : a.approvers[static_cast<size_t>(c)]) t.budget[static_cast<size_t>(v)] *= multiplier;
      next.push_back(std::move(t));
      if (resolute) break;
    }
    for (auto it = next.rbegin(); it != next.rend(); ++it) stack.push_back(std::move(*it));
  }
  r.committees = sorted_committees(std::move(r.committees));
  r.explanation["rule"] = "phragmen-enestroem";
  r.explanation["price"] = to_string(price);
  return r;
}

}  // namespace

static const Registration phragmen_enestroem_registration{MethodInfo{
    .id = "phragmen-enestroem",
    .aliases = {"phragmen_enestroem", "enestroem"},
    .family = "committee",
    .input = "approval",
    .summary = "Phragmén–Eneström: the candidate with the largest approvers' budget wins a seat; its approvers "
               "pay n/k proportionally (exact rationals)",
    .citation = "G. Eneström 1896; S. Janson, Phragmén's and Thiele's election methods, arXiv:1611.08826 §18.5; "
                "abcvoting phragmen-enestroem",
    .params = phragmen_mode_params(),
    .committee = phragmen_enestroem_rule,
}};

}  // namespace prefero
