// `prefero simulate`: how many votes each matchmaking policy needs before the leaderboard is
// right (Kendall tau >= 0.9, and the top model correct, each in 95% of simulated runs).
#include <fmt/format.h>

#include <iostream>

#include "rate/simulate.hpp"
#include "tools/prefero/commands.hpp"
#include "tools/prefero/json_out.hpp"

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
    const json out = simulate_json(s, policies);
    if (as_json) {
      std::cout << out.dump(2) << "\n";
      return;
    }
    auto votes = [](const json& v) { return v.is_null() ? fmt::format(">{}", s.max_votes) : std::to_string(v.get<int64_t>()); };
    fmt::print("{} models, K = {}, estimator {}, {} runs, targets in {:.0f}% of runs\n", s.models, s.k, s.estimator,
               s.runs, 100 * s.confidence);
    fmt::print("{:<10} {:>16} {:>16} {:>16}\n", "policy", "votes to tau>=" + fmt::format("{}", s.tau_target),
               "votes to top-1", "final mean tau");
    for (const auto& r : out["policies"])
      fmt::print("{:<10} {:>16} {:>16} {:>16.3f}\n", r["policy"].get<std::string>(), votes(r["votes_to_tau"]),
                 votes(r["votes_to_top1"]), r["final_mean_tau"].get<double>());
  });
}

}  // namespace prefero
