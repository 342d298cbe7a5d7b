// The Consensus rule and the trivial rule.
#include <algorithm>
#include <map>

#include "committee/approval_profile.hpp"
#include "committee/committee_search.hpp"
#include "committee/run_committee.hpp"
#include "core/rational.hpp"
#include "registry/registry.hpp"

namespace prefero {

// Consensus rule (M. Lackner, P. Skowron, Multi-Winner Voting with Approval Preferences, 2023; as
// abcvoting): in each of k rounds every voter gains budget 1; the candidate whose approvers with
// positive budget hold the most budget is elected, and n is taken from those approvers in equal
// parts. Irresolute: every committee some tie-break reaches; resolute: the lowest index wins ties.
CommitteeResult consensus_rule(const Profile& p, int k, const Params& params) {
  ApprovalProfile a = approval_profile(p, params);
  bool resolute = params.boolean("resolute");
  const Rational n(a.total_weight);
  struct State {
    std::vector<Rational> budget;  // per voter of each ballot
    std::vector<char> in;
  };
  std::vector<State> level{State{std::vector<Rational>(a.size(), Rational(0)), std::vector<char>(static_cast<size_t>(a.num_candidates), 0)}};
  Deadline deadline(params.number("time_limit"));
  bool stopped = false;
  for (int round = 0; round < k && !stopped; ++round) {
    std::vector<State> next;
    std::map<std::pair<std::vector<char>, std::vector<std::string>>, bool> seen;
    for (State& st : level) {
      for (auto& x : st.budget) x += 1;
      std::vector<Rational> support(static_cast<size_t>(a.num_candidates), Rational(0));
      std::vector<int64_t> supporters(static_cast<size_t>(a.num_candidates), 0);
      for (size_t b = 0; b < a.size(); ++b) {
        if (st.budget[b] <= 0) continue;
        for (Cand c : a.approved[b]) {
          support[static_cast<size_t>(c)] += st.budget[b] * a.weights[b];
          supporters[static_cast<size_t>(c)] += a.weights[b];
        }
      }
      bool any = false;
      Rational best;
      for (Cand c = 0; c < a.num_candidates; ++c)
        if (!st.in[static_cast<size_t>(c)] && (!any || support[static_cast<size_t>(c)] > best)) best = support[static_cast<size_t>(c)], any = true;
      for (Cand c = 0; c < a.num_candidates; ++c) {
        if (st.in[static_cast<size_t>(c)] || support[static_cast<size_t>(c)] != best) continue;
        State s2 = st;
        s2.in[static_cast<size_t>(c)] = 1;
        if (supporters[static_cast<size_t>(c)] > 0) {
          Rational share = n / supporters[static_cast<size_t>(c)];
          for (size_t b = 0; b < a.size(); ++b)
            if (st.budget[b] > 0 && std::binary_search(a.approved[b].begin(), a.approved[b].end(), c)) s2.budget[b] -= share;
        }
        std::vector<std::string> key;
        for (auto& x : s2.budget) key.push_back(x.get_str());
        if (seen.emplace(std::make_pair(s2.in, key), true).second) next.push_back(std::move(s2));
        if (resolute) break;
        if (deadline.expired()) stopped = true;
      }
    }
    level = std::move(next);
  }
  CommitteeResult r;
  r.proven = !stopped;
  for (const State& st : level) {
    std::vector<Cand> w;
    for (Cand c = 0; c < a.num_candidates; ++c)
      if (st.in[static_cast<size_t>(c)]) w.push_back(c);
    if (static_cast<int>(w.size()) == k) r.committees.push_back(w);
  }
  return r;
}

// The trivial rule (abcvoting): every committee of size k wins (resolute: the first).
CommitteeResult trivial_rule(const Profile& p, int k, const Params& params) {
  CommitteeResult r;
  bool resolute = params.boolean("resolute");
  for_each_committee(p.num_candidates(), k, [&](const std::vector<Cand>& w) {
    r.committees.push_back(w);
    return !resolute && r.committees.size() < 10000000;
  });
  return r;
}

static const Registration consensus_registration{MethodInfo{
    .id = "consensus_rule",
    .aliases = {"consensus-rule"},
    .family = "committee",
    .input = "approval",
    .summary = "Consensus rule: voters earn budget 1 per round; the candidate with the most supporting budget wins "
               "and costs its supporters n in equal parts",
    .citation = "M. Lackner, P. Skowron, Multi-Winner Voting with Approval Preferences, Springer 2023",
    .params = committee_params({}),
    .committee = consensus_rule,
}};

static const Registration trivial_registration{MethodInfo{
    .id = "trivial",
    .aliases = {"trivial_rule"},
    .family = "committee",
    .input = "approval",
    .summary = "the trivial rule: every committee of size k wins (a baseline)",
    .citation = "M. Lackner, P. Skowron, abcvoting (trivial rule)",
    .params = committee_params({}),
    .committee = trivial_rule,
}};

}  // namespace prefero
