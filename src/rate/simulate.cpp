// Matchmaking convergence simulation (the K-Sort Arena study, Li et al., CVPR 2025, section 5,
// redone with our policies and estimators).
#include "rate/simulate.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/error.hpp"
#include "rate/weng_lin.hpp"

namespace prefero {

double kendall_tau(const std::vector<double>& est, const std::vector<double>& truth) {
  const size_t n = est.size();
  double s = 0;
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j) {
      const double a = est[i] - est[j], b = truth[i] - truth[j];
      if (a != 0 && b != 0) s += (a > 0) == (b > 0) ? 1 : -1;
    }
  return n < 2 ? 1.0 : s / (static_cast<double>(n * (n - 1)) / 2);
}

namespace {

struct Estimator {
  bool elo = false;
  std::vector<Skill> wl;
  std::vector<double> R;
  WengLinSettings settings;

  explicit Estimator(size_t n, bool use_elo) : elo(use_elo), wl(n), R(n, 1000.0) {}

  void update(const std::vector<int>& ranking) {  // best first
    if (elo) {
      const double alpha = std::log(10.0) / 400.0;
      for (size_t x = 0; x < ranking.size(); ++x)
        for (size_t y = x + 1; y < ranking.size(); ++y) {
          auto& a = R[static_cast<size_t>(ranking[x])];
          auto& b = R[static_cast<size_t>(ranking[y])];
          const double d = 4.0 * (1.0 - 1.0 / (1.0 + std::exp(alpha * (b - a))));
          a += d, b -= d;
        }
      return;
    }
    std::vector<SkillTeam> teams;
    for (int m : ranking) teams.push_back({wl[static_cast<size_t>(m)]});
    const auto out = weng_lin_rate(WengLinModel::plackett_luce, settings, teams);
    for (size_t i = 0; i < ranking.size(); ++i) wl[static_cast<size_t>(ranking[i])] = out[i][0];
  }
  std::vector<double> score() const {
    std::vector<double> s(R.size());
    for (size_t i = 0; i < s.size(); ++i) s[i] = elo ? R[i] : wl[i].mu;
    return s;
  }
  std::vector<double> skill_log_odds() const {
    std::vector<double> s(R.size());
    for (size_t i = 0; i < s.size(); ++i) s[i] = elo ? R[i] * std::log(10.0) / 400.0 : wl[i].mu / settings.beta;
    return s;
  }
};

std::vector<int64_t> checkpoints(const SimulationSettings& s) {
  std::vector<int64_t> c;
  for (int64_t v = 10; v <= s.max_votes;) {
    c.push_back(v);
    v = std::max(v + 1, static_cast<int64_t>(std::ceil(static_cast<double>(v) * s.grid_ratio)));
  }
  if (c.empty() || c.back() != s.max_votes) c.push_back(s.max_votes);
  return c;
}

}  // namespace

std::vector<PolicyConvergence> simulate_convergence(const SimulationSettings& s,
                                                    const std::vector<std::string>& policies) {
  if (s.models < 2 || s.models > 1000) throw InputError("simulate: models must be between 2 and 1000");
  if (s.k < 2 || s.k > s.models) throw InputError("simulate: k must be between 2 and the number of models");
  if (s.runs < 1 || s.runs > 100000) throw InputError("simulate: runs must be between 1 and 100000");
  if (s.max_votes < 10 || s.max_votes > 100000000) throw InputError("simulate: max_votes must be between 10 and 1e8");
  if (!(s.grid_ratio > 1) || !(s.spread > 0)) throw InputError("simulate: grid_ratio must exceed 1, spread be positive");
  if (s.estimator != "weng_lin" && s.estimator != "elo") throw InputError("simulate: estimator is weng_lin or elo");
  if (!(s.confidence > 0 && s.confidence <= 1)) throw InputError("simulate: confidence must be in (0, 1]");
  const auto n = static_cast<size_t>(s.models);
  std::vector<double> theta(n);
  for (size_t i = 0; i < n; ++i) theta[i] = s.spread * (0.5 - static_cast<double>(i) / static_cast<double>(n - 1));
  const std::vector<int64_t> grid = checkpoints(s);
  std::vector<PolicyConvergence> out;
  for (size_t p = 0; p < policies.size(); ++p) {
    const MatchPolicy policy = match_policy_from(policies[p]);
    std::vector<int> tau_hits(grid.size(), 0), top_hits(grid.size(), 0);
    double final_tau = 0;
    for (int run = 0; run < s.runs; ++run) {
      SeededRng rng(s.seed, static_cast<uint64_t>(run) * 1000003ULL + p);
      MatchState state;
      state.num_models = n;
      state.pair_counts.assign(n * n, 0.0);
      Estimator est(n, s.estimator == "elo");
      size_t next = 0;
      for (int64_t vote = 1; vote <= s.max_votes; ++vote) {
        if (policy == MatchPolicy::ucb) state.skill = est.skill_log_odds();
        std::vector<int> shown = propose_match(policy, state, s.k, rng);
        std::vector<std::pair<double, int>> perf;
        for (int m : shown) {
          const double u = std::max(rng.uniform(), 1e-300);
          perf.emplace_back(theta[static_cast<size_t>(m)] - std::log(-std::log(u)), m);  // + Gumbel noise
        }
        std::sort(perf.begin(), perf.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        std::vector<int> ranking;
        for (const auto& [x, m] : perf) ranking.push_back(m);
        est.update(ranking);
        record_match(state, shown);
        if (vote == grid[next]) {
          const auto score = est.score();
          const double tau = kendall_tau(score, theta);
          const auto best = std::max_element(score.begin(), score.end()) - score.begin();
          const bool unique_best = std::count(score.begin(), score.end(), score[static_cast<size_t>(best)]) == 1;
          tau_hits[next] += tau >= s.tau_target;
          top_hits[next] += best == 0 && unique_best;
          if (next + 1 == grid.size()) final_tau += tau;
          ++next;
        }
      }
    }
    PolicyConvergence r;
    r.policy = policies[p];
    const double need = s.confidence * s.runs;
    for (size_t g = 0; g < grid.size(); ++g) {
      if (r.votes_tau < 0 && tau_hits[g] >= need - 1e-9) r.votes_tau = grid[g];
      if (r.votes_top1 < 0 && top_hits[g] >= need - 1e-9) r.votes_top1 = grid[g];
    }
    r.final_mean_tau = final_tau / s.runs;
    out.push_back(r);
  }
  return out;
}

}  // namespace prefero
