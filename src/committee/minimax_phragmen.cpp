// Phragmén's optimisation rules (M. Brill, R. Freeman, S. Janson, M. Lackner, "Phragmén's voting
// methods and justified representation", Mathematical Programming 2024; abcvoting
// "minimaxphragmen" / "leximaxphragmen"): committees whose unit loads can be shared among their
// approvers with the smallest maximum voter load (minimax), or the lexicographically smallest
// descending load vector (leximax).
//
// For a fixed committee both inner problems are solved exactly (voter_support.hpp: minimax load =
// 1 / maximin support value; leximax vector by peeling). The outer search is brute force over
// committees of approved candidates, or a CBC ILP (minimise the maximum load) whose optimum and
// every tied committee (no-good cuts) are re-checked in exact arithmetic. Leximax-optimal
// committees are minimax-optimal, so leximax compares the exact load vectors of those.
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "committee/approval_voters.hpp"
#include "committee/committee.hpp"
#include "committee/phragmen_params.hpp"
#include "committee/voter_support.hpp"
#include "core/error.hpp"
#include "registry/registry.hpp"
#include "solve/lp.hpp"

namespace prefero {

namespace {

struct Search {
  std::vector<std::vector<Cand>> committees;  // every committee with the best maximin support value
  Rational value;                             // that value (= 1 / minimax load)
  bool proven = true;
  std::string algorithm;
};

// C(n, k), saturating at `cap`.
double binomial(int n, int k) {
  double r = 1;
  for (int i = 1; i <= k; ++i) r = r * (n - k + i) / i;
  return r;
}

// Calls f on every k-subset of `pool` (ascending); stops when f returns false.
template <class F>
void for_each_subset(const std::vector<Cand>& pool, int k, F f) {
  std::vector<int> idx(static_cast<size_t>(k));
  for (int i = 0; i < k; ++i) idx[static_cast<size_t>(i)] = i;
  const int n = static_cast<int>(pool.size());
  std::vector<Cand> w(static_cast<size_t>(k));
  for (;;) {
    for (int i = 0; i < k; ++i) w[static_cast<size_t>(i)] = pool[static_cast<size_t>(idx[static_cast<size_t>(i)])];
    if (!f(w)) return;
    int i = k - 1;
    while (i >= 0 && idx[static_cast<size_t>(i)] == n - k + i) --i;
    if (i < 0) return;
    ++idx[static_cast<size_t>(i)];
    for (int j = i + 1; j < k; ++j) idx[static_cast<size_t>(j)] = idx[static_cast<size_t>(j - 1)] + 1;
  }
}

void offer(Search& s, const std::vector<Cand>& w, const Rational& value) {
  if (s.committees.empty() || value > s.value) {
    s.committees = {w};
    s.value = value;
  } else if (value == s.value) {
    s.committees.push_back(w);
  }
}

Search brute_force(const ApprovalVoters& a, int k, const Deadline& deadline) {
  Search s;
  s.algorithm = "brute-force";
  int64_t count = 0;
  for_each_subset(a.approved_candidates(), k, [&](const std::vector<Cand>& w) {
    offer(s, w, maximin_support_value(a, w));
    if (++count % 256 == 0 && deadline.expired()) return s.proven = false;
    return true;
  });
  return s;
}

// min L  s.t.  sum_c x_c = k;  sum_{v approves c} w_v l_vc >= x_c;  sum_c l_vc <= L;  x binary, l in [0,1].
struct MinimaxModel {
  solve::LinearModel model;
  std::vector<Cand> pool;
  std::vector<int> x;  // variable of pool[i]
  int load_bound = -1;
};

MinimaxModel minimax_model(const ApprovalVoters& a, int k) {
  MinimaxModel m;
  m.pool = a.approved_candidates();
  m.load_bound = m.model.add_variable(0, k, 1.0, false, "L");
  std::vector<std::vector<std::pair<int, double>>> voter_terms(static_cast<size_t>(a.num_ballots()));
  std::vector<std::pair<int, double>> size_terms;
  for (Cand c : m.pool) {
    int xc = m.model.add_variable(0, 1, 0.0, true, "x" + std::to_string(c));
    m.x.push_back(xc);
    size_terms.push_back({xc, 1.0});
    std::vector<std::pair<int, double>> pay{{xc, -1.0}};
    for (int v : a.approvers[static_cast<size_t>(c)]) {
      int l = m.model.add_variable(0, 1, 0.0, false);
      pay.push_back({l, static_cast<double>(a.weight[static_cast<size_t>(v)])});
      voter_terms[static_cast<size_t>(v)].push_back({l, 1.0});
    }
    m.model.add_constraint(std::move(pay), 0.0, solve::kInfinity);
  }
  m.model.add_equality(std::move(size_terms), k);
  for (auto& terms : voter_terms) {
    if (terms.empty()) continue;
    terms.push_back({m.load_bound, -1.0});
    m.model.add_constraint(std::move(terms), -solve::kInfinity, 0.0);
  }
  return m;
}

std::vector<Cand> committee_of(const MinimaxModel& m, const solve::Solution& sol) {
  std::vector<Cand> w;
  for (size_t i = 0; i < m.pool.size(); ++i)
    if (sol.values[static_cast<size_t>(m.x[i])] > 0.5) w.push_back(m.pool[i]);
  return w;
}

// ILP: the optimum, then (unless resolute) every committee within a small tolerance of it, each
// verified exactly; no-good cuts exclude each committee found.
Search ilp(const ApprovalVoters& a, int k, bool one, const Deadline& deadline) {
  Search s;
  s.algorithm = "ilp (CBC) + exact check";
  MinimaxModel m = minimax_model(a, k);
  auto run = [&]() {
    solve::SolveOptions opt;
    opt.time_limit_seconds = deadline.remaining_seconds();
    return solve::solve(m.model, opt);
  };
  solve::Solution sol = run();
  if (!sol.has_solution()) {
    s.proven = false;
    return s;
  }
  std::vector<Cand> w = committee_of(m, sol);
  offer(s, w, maximin_support_value(a, w));
  if (!sol.proven_optimal) s.proven = false;
  if (one || !s.proven) return s;
  m.model.variables[static_cast<size_t>(m.load_bound)].objective = 0.0;
  for (;;) {
    // Exclude every committee found so far (winners and near-misses alike).
    std::vector<std::pair<int, double>> cut;
    for (size_t i = 0; i < m.pool.size(); ++i)
      if (std::binary_search(w.begin(), w.end(), m.pool[i])) cut.push_back({m.x[i], 1.0});
    m.model.add_constraint(std::move(cut), -solve::kInfinity, k - 1);
    const double bound = 1.0 / s.value.get_d();
    m.model.variables[static_cast<size_t>(m.load_bound)].upper = bound + 1e-6 * std::max(1.0, bound);
    if (deadline.expired()) {
      s.proven = false;
      return s;
    }
    sol = run();
    if (sol.status == solve::SolveStatus::infeasible) return s;
    if (!sol.has_solution()) {
      s.proven = false;
      return s;
    }
    w = committee_of(m, sol);
    offer(s, w, maximin_support_value(a, w));
  }
}

// Committees when fewer candidates are approved than seats: all approved ones plus any unapproved
// (abcvoting's convention for both rules).
std::vector<std::vector<Cand>> with_fillers(const ApprovalVoters& a, int k, bool resolute) {
  std::vector<Cand> approved = a.approved_candidates();
  std::vector<Cand> others;
  for (Cand c = 0; c < a.num_cand; ++c)
    if (!std::binary_search(approved.begin(), approved.end(), c)) others.push_back(c);
  std::vector<std::vector<Cand>> out;
  for_each_subset(others, k - static_cast<int>(approved.size()), [&](const std::vector<Cand>& extra) {
    std::vector<Cand> w = approved;
    w.insert(w.end(), extra.begin(), extra.end());
    out.push_back(w);
    return !resolute;
  });
  return sorted_committees(std::move(out));
}

Search minimax_search(const ApprovalVoters& a, int k, const Params& params, bool one, const Deadline& deadline) {
  const std::string& algorithm = params.text("algorithm");
  const int pool = static_cast<int>(a.approved_candidates().size());
  bool brute = algorithm == "brute-force" ||
               (algorithm == "auto" && binomial(pool, k) <= static_cast<double>(params.integer("brute_force_limit")));
  return brute ? brute_force(a, k, deadline) : ilp(a, k, one, deadline);
}

std::vector<ParamSpec> optimisation_params() {
  auto specs = phragmen_mode_params();
  specs.push_back({"algorithm", ParamType::choice, "auto",
                   "brute-force (every committee of approved candidates), ilp (COIN-OR CBC, optimum and ties "
                   "re-checked exactly), auto (brute force up to brute_force_limit committees)",
                   {"auto", "brute-force", "ilp"}});
  specs.push_back({"brute_force_limit", ParamType::integer, "5000",
                   "auto uses brute force when there are at most this many committees", {}});
  return specs;
}

CommitteeResult minimaxphragmen_rule(const Profile& p, int k, const Params& params) {
  ApprovalVoters a = approval_voters(p, params);
  check_committee_size(a, k, "minimaxphragmen");
  const bool resolute = resolute_mode(params);
  CommitteeResult r;
  r.explanation["rule"] = "minimaxphragmen";
  if (static_cast<int>(a.approved_candidates().size()) < k) {
    r.committees = with_fillers(a, k, resolute);
    r.explanation["note"] = "fewer approved candidates than seats: all approved candidates plus any others";
    return r;
  }
  Deadline deadline = Deadline::from(params);
  Search s = minimax_search(a, k, params, resolute, deadline);
  r.committees = sorted_committees(s.committees);
  if (resolute && r.committees.size() > 1) r.committees.resize(1);
  r.proven = s.proven;
  r.explanation["algorithm"] = s.algorithm;
  if (!s.committees.empty()) {
    Rational load = 1 / s.value;
    r.explanation["maximum_load"] = to_string(load);
  }
  return r;
}

json loads_json(const std::vector<LoadLevel>& levels) {
  json out = json::array();
  for (const auto& l : levels) out.push_back(json{{"load", to_string(l.load)}, {"voters", l.voters}});
  return out;
}

CommitteeResult leximaxphragmen_rule(const Profile& p, int k, const Params& params) {
  ApprovalVoters a = approval_voters(p, params);
  check_committee_size(a, k, "leximaxphragmen");
  const bool resolute = resolute_mode(params);
  CommitteeResult r;
  r.explanation["rule"] = "leximaxphragmen";
  if (static_cast<int>(a.approved_candidates().size()) < k) {
    r.committees = with_fillers(a, k, resolute);
    r.explanation["note"] = "fewer approved candidates than seats: all approved candidates plus any others";
    return r;
  }
  Deadline deadline = Deadline::from(params);
  Search s = minimax_search(a, k, params, false, deadline);
  std::vector<std::vector<Cand>> best;
  std::vector<LoadLevel> best_loads;
  bool cut_short = false;
  for (const auto& w : s.committees) {
    // The time limit covers this pass too: when it expires, the best committee compared so far
    // (or, before any, the first minimax-optimal one) is returned, not proven.
    if (deadline.expired()) {
      cut_short = true;
      if (best.empty()) best = {w};
      break;
    }
    auto loads = leximax_loads(a, w);
    if (!loads) continue;
    int c = best.empty() ? -1 : compare_load_vectors(*loads, best_loads);
    if (c < 0) {
      best = {w};
      best_loads = *loads;
    } else if (c == 0) {
      best.push_back(w);
    }
  }
  r.committees = sorted_committees(std::move(best));
  if (resolute && r.committees.size() > 1) r.committees.resize(1);
  r.proven = s.proven && !cut_short;
  r.explanation["algorithm"] = s.algorithm + "; leximax among minimax-optimal committees";
  r.explanation["minimax_optimal_committees"] = s.committees.size();
  r.explanation["load_levels"] = loads_json(best_loads);
  return r;
}

}  // namespace

static const Registration minimaxphragmen_registration{MethodInfo{
    .id = "minimaxphragmen",
    .aliases = {"minimax-phragmen", "opt-phragmen"},
    .family = "committee",
    .input = "approval",
    .summary = "Phragmén's minimax rule: committees whose seats can be paid with the smallest maximum voter load",
    .citation = "M. Brill, R. Freeman, S. Janson, M. Lackner, Phragmén's voting methods and justified "
                "representation, Math. Programming 2024; abcvoting minimaxphragmen",
    .params = optimisation_params(),
    .committee = minimaxphragmen_rule,
}};

static const Registration leximaxphragmen_registration{MethodInfo{
    .id = "leximaxphragmen",
    .aliases = {"leximax-phragmen"},
    .family = "committee",
    .input = "approval",
    .summary = "Phragmén's leximax rule: committees with the lexicographically smallest descending voter-load vector",
    .citation = "M. Brill, R. Freeman, S. Janson, M. Lackner, Phragmén's voting methods and justified "
                "representation, Math. Programming 2024; abcvoting leximaxphragmen",
    .params = optimisation_params(),
    .committee = leximaxphragmen_rule,
}};

}  // namespace prefero
