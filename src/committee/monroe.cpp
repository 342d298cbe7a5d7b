// Monroe's rule for approvals and Greedy Monroe.
#include <algorithm>

#include "committee/ilp_committees.hpp"
#include "committee/monroe_branch_and_bound.hpp"
#include "committee/run_committee.hpp"
#include "committee/thiele.hpp"
#include "core/error.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

CommitteeResult monroe_brute_force(const ApprovalProfile& a, int k, const SolveSettings& s) {
  BestCommittees<int64_t> best;
  Deadline deadline(s.time_limit);
  bool complete = for_each_committee(a.num_candidates, k, [&](const std::vector<Cand>& w) {
    best.offer(monroe_score(a, w), w);
    return !deadline.poll();
  });
  CommitteeResult r;
  r.committees = std::move(best.committees);
  r.proven = complete;
  r.explanation["score"] = best.best;
  r.explanation["algorithm"] = "brute-force";
  return r;
}

// ILP: x_c binary, sum x = k; a_{v,c} >= 0 voters of ballot v represented by approved c;
// sum_c a_{v,c} <= n_v; sum_v a_{v,c} <= q x_c + z_c with z_c <= x_c binary, sum z <= r.
CommitteeResult monroe_ilp(const ApprovalProfile& a, int k, const SolveSettings& s) {
  solve::LinearModel m;
  m.sense = solve::Sense::maximize;
  int64_t q = a.total_weight / k, rem = a.total_weight % k;
  std::vector<int> x, z;
  for (Cand c = 0; c < a.num_candidates; ++c) x.push_back(m.add_variable(0, 1, 0, true));
  std::vector<std::pair<int, double>> sum_x, sum_z, objective;
  for (int v : x) sum_x.emplace_back(v, 1.0);
  m.add_equality(sum_x, k);
  std::vector<std::vector<std::pair<int, double>>> load(static_cast<size_t>(a.num_candidates));
  for (size_t b = 0; b < a.size(); ++b) {
    std::vector<std::pair<int, double>> row;
    for (Cand c : a.approved[b]) {
      int y = m.add_variable(0, static_cast<double>(a.weights[b]), 1.0, false);
      objective.emplace_back(y, 1.0);
      row.emplace_back(y, 1.0);
      load[static_cast<size_t>(c)].emplace_back(y, 1.0);
    }
    if (!row.empty()) m.add_constraint(row, -solve::kInfinity, static_cast<double>(a.weights[b]));
  }
  for (Cand c = 0; c < a.num_candidates; ++c) {
    auto row = load[static_cast<size_t>(c)];
    row.emplace_back(x[static_cast<size_t>(c)], -static_cast<double>(q));
    if (rem > 0) {
      int zc = m.add_variable(0, 1, 0, true);
      z.push_back(zc);
      sum_z.emplace_back(zc, 1.0);
      row.emplace_back(zc, -1.0);
      m.add_constraint({{zc, 1.0}, {x[static_cast<size_t>(c)], -1.0}}, -solve::kInfinity, 0);
    }
    m.add_constraint(row, -solve::kInfinity, 0);
  }
  if (rem > 0) m.add_constraint(sum_z, -solve::kInfinity, static_cast<double>(rem));
  BestCommittees<int64_t> best;
  std::function<int64_t(const std::vector<Cand>&)> exact = [&](const std::vector<Cand>& w) { return monroe_score(a, w); };
  bool proven = ilp_all_optimal<int64_t>(std::move(m), x, k, objective, exact, s.resolute, s.time_limit, best);
  CommitteeResult r;
  r.committees = std::move(best.committees);
  r.proven = proven;
  r.explanation["score"] = best.best;
  r.explanation["algorithm"] = "ilp";
  return r;
}

double binomial(int n, int k) {
  double r = 1;
  for (int i = 1; i <= k; ++i) r = r * (n - k + i) / i;
  return r;
}

}  // namespace

// Monroe's rule (B. L. Monroe, APSR 89(4), 1995; approval version: Betzler, Slinko, Uhlmann 2013):
// the committees maximising the number of voters represented under a balanced assignment.
CommitteeResult monroe(const Profile& p, int k, const Params& params) {
  ApprovalProfile a = approval_profile(p, params);
  SolveSettings s = solve_settings(params);
  std::string alg = s.algorithm;
  if (alg == "auto") alg = binomial(a.num_candidates, k) <= 2000 ? "brute-force" : "branch-and-bound";
  const int64_t cap = std::max<int64_t>(0, params.integer("max_committees"));
  if (alg == "branch-and-bound") return monroe_branch_and_bound(a, k, s, cap);
  CommitteeResult r = alg == "brute-force" ? monroe_brute_force(a, k, s) : monroe_ilp(a, k, s);
  if (r.committees.empty()) {  // the ILP stopped before its first solution: the B&B's first dive (<= k + 1 nodes)
    SolveSettings quick = s;
    quick.resolute = true;
    quick.time_limit = 1e-9;
    CommitteeResult dive = monroe_branch_and_bound(a, k, quick);
    r.committees = dive.committees;
    r.explanation["score"] = dive.explanation["score"];
    r.proven = false;
  }
  if (cap > 0 && static_cast<int64_t>(r.committees.size()) >= cap && !s.resolute) {
    r.committees.resize(static_cast<size_t>(cap));
    r.explanation["cap_reached"] = true;
  }
  return r;
}

// Greedy Monroe (P. Skowron, P. Faliszewski, A. Slinko, AIJ 222, 2015; approval version as abcvoting):
// k times, take the candidate approved by most unassigned voters and assign to it up to
// ceil(n/k) (the first n mod k steps) or floor(n/k) of its unassigned approvers.
// Ties: the lowest candidate index; voters are taken in file order (the `voter_order` an abcvoting
// YAML file records; otherwise in order of each ballot's first appearance).
CommitteeResult greedy_monroe(const Profile& p, int k, const Params& params) {
  ApprovalProfile a = approval_profile(p, params);
  // voters one by one, in file order, as ballot indices
  std::vector<size_t> voters;
  if (auto order = p.meta("voter_order"); order && !order->empty()) {
    size_t start = 0;
    while (start <= order->size()) {
      size_t end = order->find(',', start);
      if (end == std::string::npos) end = order->size();
      voters.push_back(std::stoul(order->substr(start, end - start)));
      start = end + 1;
    }
  }
  std::vector<int64_t> per_ballot(a.size(), 0);
  bool usable = !voters.empty();
  for (size_t v : voters) usable = usable && v < a.size() && ++per_ballot[v] <= a.weights[v];
  if (!usable || static_cast<int64_t>(voters.size()) != a.total_weight) {
    voters.clear();
    for (size_t b = 0; b < a.size(); ++b)
      for (int64_t i = 0; i < a.weights[b] && voters.size() < 10000000; ++i) voters.push_back(b);
  }
  int64_t n = static_cast<int64_t>(voters.size()), q = n / k, rem = n % k;
  std::vector<char> assigned(voters.size(), 0);
  std::vector<char> chosen(static_cast<size_t>(a.num_candidates), 0);
  std::vector<Cand> w;
  json steps = json::array();
  auto approves = [&](size_t v, Cand c) {
    const auto& s = a.approved[voters[v]];
    return std::binary_search(s.begin(), s.end(), c);
  };
  for (int t = 0; t < k; ++t) {
    std::vector<int64_t> approvals(static_cast<size_t>(a.num_candidates), 0);
    for (size_t v = 0; v < voters.size(); ++v)
      if (!assigned[v])
        for (Cand c : a.approved[voters[v]]) ++approvals[static_cast<size_t>(c)];
    Cand best = -1;
    for (Cand c = 0; c < a.num_candidates; ++c)
      if (!chosen[static_cast<size_t>(c)] && (best < 0 || approvals[static_cast<size_t>(c)] > approvals[static_cast<size_t>(best)]))
        best = c;
    int64_t take = t < rem ? q + 1 : q, taken = 0;
    for (size_t v = 0; v < voters.size() && taken < take; ++v)
      if (!assigned[v] && approves(v, best)) assigned[v] = 1, ++taken;
    chosen[static_cast<size_t>(best)] = 1;
    w.push_back(best);
    steps.push_back({{"added", p.id(best)}, {"approvals", approvals[static_cast<size_t>(best)]}, {"represents", taken}});
  }
  CommitteeResult r;
  std::sort(w.begin(), w.end());
  r.committees.push_back(w);
  r.explanation["steps"] = steps;
  return r;
}

static const Registration monroe_registration{MethodInfo{
    .id = "monroe",
    .aliases = {"Monroe", "monroe_approval"},
    .family = "committee",
    .input = "approval",
    .summary = "Monroe: the committees representing the most voters when each member represents floor(n/k) or "
               "ceil(n/k) voters who (ideally) approve it",
    .citation = "B. L. Monroe, Fully proportional representation, APSR 89(4), 1995; N. Betzler, A. Slinko, J. "
                "Uhlmann, JAIR 47, 2013",
    .params = committee_params(
        {algorithm_param("auto", {"auto", "brute-force", "branch-and-bound", "ilp"}),
         {"max_committees", ParamType::integer, "0",
          "irresolute: list at most this many winning committees (0 = all; abcvoting's benchmark uses 10); "
          "explanation.cap_reached says the list is full",
          {}}}),
    .committee = monroe,
}};

static const Registration greedy_monroe_registration{MethodInfo{
    .id = "greedy_monroe",
    .aliases = {"greedy-monroe"},
    .family = "committee",
    .input = "approval",
    .summary = "Greedy Monroe: k times, the candidate approved by most unassigned voters takes up to n/k of them",
    .citation = "P. Skowron, P. Faliszewski, A. Slinko, Achieving fully proportional representation: "
                "approximability results, AIJ 222, 2015",
    .params = committee_params({}),
    .resolute = true,
    .committee = greedy_monroe,
}};

}  // namespace prefero
