// Minimax Approval Voting and its lexicographic refinement.
#include <algorithm>

#include "committee/ilp_committees.hpp"
#include "committee/run_committee.hpp"
#include "committee/thiele.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

// Hamming distance |A_v Δ W| for each ballot.
std::vector<int> distances(const ApprovalProfile& a, const std::vector<Cand>& w) {
  std::vector<char> in(static_cast<size_t>(a.num_candidates), 0);
  for (Cand c : w) in[static_cast<size_t>(c)] = 1;
  std::vector<int> d;
  for (const auto& s : a.approved) {
    int both = 0;
    for (Cand c : s) both += in[static_cast<size_t>(c)];
    d.push_back(static_cast<int>(s.size()) + static_cast<int>(w.size()) - 2 * both);
  }
  return d;
}

int max_distance(const ApprovalProfile& a, const std::vector<Cand>& w) {
  auto d = distances(a, w);
  return d.empty() ? 0 : *std::max_element(d.begin(), d.end());
}

double binomial(int n, int k) {
  double r = 1;
  for (int i = 1; i <= k; ++i) r = r * (n - k + i) / i;
  return r;
}

// ILP: minimise d subject to d >= |A_v| + k - 2 sum_{c in A_v} x_c for every ballot.
CommitteeResult minimaxav_ilp(const ApprovalProfile& a, int k, const SolveSettings& s) {
  solve::LinearModel m;
  m.sense = solve::Sense::minimize;
  std::vector<int> x;
  for (Cand c = 0; c < a.num_candidates; ++c) x.push_back(m.add_variable(0, 1, 0, true));
  int d = m.add_variable(0, solve::kInfinity, 1.0, false);
  std::vector<std::pair<int, double>> sum_x;
  for (int v : x) sum_x.emplace_back(v, 1.0);
  m.add_equality(sum_x, k);
  for (const auto& set : a.approved) {
    std::vector<std::pair<int, double>> row{{d, 1.0}};
    for (Cand c : set) row.emplace_back(x[static_cast<size_t>(c)], 2.0);
    m.add_constraint(row, static_cast<double>(set.size()) + k, solve::kInfinity);
  }
  BestCommittees<int> best;  // maximise -distance
  std::function<int(const std::vector<Cand>&)> exact = [&](const std::vector<Cand>& w) { return -max_distance(a, w); };
  bool proven = ilp_all_optimal<int>(std::move(m), x, k, {{d, 1.0}}, exact, s.resolute, s.time_limit, best);
  CommitteeResult r;
  r.committees = std::move(best.committees);
  r.proven = proven;
  r.explanation["max_distance"] = -best.best;
  r.explanation["algorithm"] = "ilp";
  return r;
}

}  // namespace

// Minimax Approval Voting (S. J. Brams, D. M. Kilgour, M. R. Sanver, Public Choice 132, 2007): the
// committees minimising the largest Hamming distance to a voter's approval set.
CommitteeResult minimaxav(const Profile& p, int k, const Params& params) {
  ApprovalProfile a = approval_profile(p, params);
  SolveSettings s = solve_settings(params);
  std::string alg = s.algorithm;
  if (alg == "auto") alg = binomial(a.num_candidates, k) <= 2000 ? "brute-force" : "ilp";
  if (alg == "ilp") return minimaxav_ilp(a, k, s);
  BestCommittees<int> best;
  Deadline deadline(s.time_limit);
  bool complete = for_each_committee(a.num_candidates, k, [&](const std::vector<Cand>& w) {
    best.offer(-max_distance(a, w), w);
    return !deadline.poll();
  });
  CommitteeResult r;
  r.committees = std::move(best.committees);
  r.proven = complete;
  r.explanation["max_distance"] = -best.best;
  r.explanation["algorithm"] = "brute-force";
  return r;
}

// Lexicographic Minimax AV (Lackner & Skowron 2023): minimise the largest distance, then the
// second largest, ... (the voters' distances sorted in decreasing order, compared lexicographically).
CommitteeResult lexminimaxav(const Profile& p, int k, const Params& params) {
  ApprovalProfile a = approval_profile(p, params);
  SolveSettings s = solve_settings(params);
  int dmax = a.num_candidates + k;
  BestCommittees<std::vector<int64_t>> best;
  Deadline deadline(s.time_limit);
  bool complete = for_each_committee(a.num_candidates, k, [&](const std::vector<Cand>& w) {
    // the sorted distance vector, compared through the counts of voters at distance >= D, D falling
    auto d = distances(a, w);
    std::vector<int64_t> at(static_cast<size_t>(dmax + 1), 0);
    for (size_t b = 0; b < d.size(); ++b) at[static_cast<size_t>(d[b])] += a.weights[b];
    std::vector<int64_t> key;
    int64_t cum = 0;
    for (int D = dmax; D >= 0; --D) key.push_back(-(cum += at[static_cast<size_t>(D)]));
    best.offer(key, w);
    return !deadline.poll();
  });
  CommitteeResult r;
  r.committees = std::move(best.committees);
  r.proven = complete;
  r.explanation["algorithm"] = "brute-force";
  return r;
}

static const Registration minimaxav_registration{MethodInfo{
    .id = "minimaxav",
    .aliases = {"mav", "minimax_av"},
    .family = "committee",
    .input = "approval",
    .summary = "Minimax Approval Voting: the committees minimising the largest Hamming distance to a ballot",
    .citation = "S. J. Brams, D. M. Kilgour, M. R. Sanver, A minimax procedure for electing committees, Public "
                "Choice 132, 2007",
    .params = committee_params({algorithm_param("auto", {"auto", "brute-force", "ilp"})}),
    .committee = minimaxav,
}};

static const Registration lexminimaxav_registration{MethodInfo{
    .id = "lexminimaxav",
    .aliases = {"lex-mav", "lexminimax_av"},
    .family = "committee",
    .input = "approval",
    .summary = "lexicographic Minimax AV: minimise the sorted (decreasing) vector of Hamming distances",
    .citation = "M. Lackner, P. Skowron, Multi-Winner Voting with Approval Preferences, Springer 2023",
    .params = committee_params({algorithm_param("auto", {"auto", "brute-force"})}),
    .committee = lexminimaxav,
}};

}  // namespace prefero
