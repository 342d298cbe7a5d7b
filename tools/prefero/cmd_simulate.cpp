// `prefero simulate`: how many votes each matchmaking policy needs before the leaderboard is
// right (Kendall tau >= 0.9, and the top model correct, each in 95% of simulated runs).
#include <fmt/format.h>

#include <iostream>
#include <sstream>

#include "core/result.hpp"
#include "rate/simulate.hpp"
#include "tools/prefero/commands.hpp"

namespace prefero {

void register_simulate_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "simulate",
      "Convergence study of matchmaking policies on votes drawn from a known ground truth\n"
      "(Plackett-Luce strengths, evenly spaced log-strengths; K = 2 is Bradley-Terry).\n"
      "Reports, per policy, the first checkpoint at which Kendall tau >= 0.9 and a correct top-1\n"
      "each hold in at least 95% of the runs ('>' = not within --max-votes).\n"
      "Examples:\n"
      "  prefero simulate --models 10 --k 2\n"
      "  prefero simulate --models 10 --k 4 --policies uniform,ucb --estimator weng_lin --json\n"
      "  prefero simulate --k 2 --estimator elo --max-votes 50000");
  static SimulationSettings s;
  static std::string policies = "uniform,weighted,ucb";
  static bool as_json = false;
  cmd->add_option("--models", s.models, "number of models (default 10)");
  cmd->add_option("--k", s.k, "models per vote (default 2)");
  cmd->add_option("--spread", s.spread, "log-strength gap between best and worst model (default 3)");
  cmd->add_option("--estimator", s.estimator, "weng_lin (online Plackett-Luce, default) or elo (K=4 on pairs)");
  cmd->add_option("--policies", policies, "comma-separated: uniform, weighted (FastChat), ucb (K-Sort Arena)");
  cmd->add_option("--runs", s.runs, "simulated runs per policy (default 40)");
  cmd->add_option("--max-votes", s.max_votes, "votes per run (default 20000)");
  cmd->add_option("--tau", s.tau_target, "Kendall tau target (default 0.9)");
  cmd->add_option("--confidence", s.confidence, "fraction of runs that must meet a target (default 0.95)");
  cmd->add_option("--seed", s.seed, "seed (same seed, same report)");
  cmd->add_flag("--json", as_json, "one JSON object");
  cmd->callback([] {
    std::vector<std::string> list;
    std::stringstream ss(policies);
    for (std::string p; std::getline(ss, p, ',');)
      if (!p.empty()) list.push_back(p);
    const auto res = simulate_convergence(s, list);
    if (as_json) {
      json out = {{"models", s.models}, {"k", s.k},       {"estimator", s.estimator}, {"runs", s.runs},
                  {"max_votes", s.max_votes}, {"tau", s.tau_target}, {"confidence", s.confidence},
                  {"seed", s.seed}, {"policies", json::array()}};
      for (const auto& r : res)
        out["policies"].push_back({{"policy", r.policy},
                                   {"votes_to_tau", r.votes_tau < 0 ? json(nullptr) : json(r.votes_tau)},
                                   {"votes_to_top1", r.votes_top1 < 0 ? json(nullptr) : json(r.votes_top1)},
                                   {"final_mean_tau", r.final_mean_tau}});
      std::cout << out.dump(2) << "\n";
      return;
    }
    auto votes = [](int64_t v) { return v < 0 ? fmt::format(">{}", s.max_votes) : std::to_string(v); };
    fmt::print("{} models, K = {}, estimator {}, {} runs, targets in {:.0f}% of runs\n", s.models, s.k, s.estimator,
               s.runs, 100 * s.confidence);
    fmt::print("{:<10} {:>16} {:>16} {:>16}\n", "policy", "votes to tau>=" + fmt::format("{}", s.tau_target),
               "votes to top-1", "final mean tau");
    for (const auto& r : res)
      fmt::print("{:<10} {:>16} {:>16} {:>16.3f}\n", r.policy, votes(r.votes_tau), votes(r.votes_top1),
                 r.final_mean_tau);
  });
}

}  // namespace prefero
