// `prefero match FILE --policy P [--k K]`: proposes the next comparison from a vote log.
#include <fmt/format.h>

#include <iostream>

#include "io/read_comparisons.hpp"
#include "tools/prefero/commands.hpp"
#include "tools/prefero/json_out.hpp"

namespace prefero {

void register_match_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "match",
      "Propose the next comparison from a vote log, read as `prefero rate` reads it: JSONL battles\n"
      "{\"model_a\",\"model_b\",\"winner\"} or rankings {\"ranking\": [[\"a\"], [\"b\", \"c\"]]}, CSV\n"
      "model_a,model_b,winner (or left,right,winner), or pair counts JSON {\"models\", \"X\", \"Y\"}.\n"
      "Policies: uniform; weighted (FastChat: first model by --weights, rival likewise); ucb (K-Sort\n"
      "Arena: the least-compared model against the K-1 closest, least-seen rivals).\n"
      "Examples:\n"
      "  prefero match votes.jsonl --policy ucb --k 4\n"
      "  prefero match battles.csv --policy weighted --weights gpt-4o=5,llama-13b=0 --json");
  static std::string file, policy = "ucb", weights;
  static int k = 2;
  static uint64_t seed = 0;
  static double alpha = 1.0;
  static bool as_json = false;
  cmd->add_option("FILE", file, "vote log (.jsonl, .csv or .json)")->required();
  cmd->add_option("--policy", policy, "uniform | weighted | ucb (default ucb)");
  cmd->add_option("--k", k, "models per comparison (default 2)");
  cmd->add_option("--seed", seed, "seed of the random draws (same seed, same proposal)");
  cmd->add_option("--alpha", alpha, "exploration weight of ucb (default 1)");
  cmd->add_option("--weights", weights, "sampling weights NAME=W,... for weighted (others 1)");
  cmd->add_flag("--json", as_json, "one JSON object {\"policy\", \"k\", \"models\": [...]}");
  cmd->callback([] {
    const Comparisons c = read_comparisons(file);
    const json j = match_json(c, policy, k, seed, alpha, weights);
    if (as_json) {
      std::cout << j.dump(2) << "\n";
      return;
    }
    std::string line;
    for (const auto& m : j["models"]) line += (line.empty() ? "" : " vs ") + m.get<std::string>();
    fmt::print("{}\n", line);
  });
}

}  // namespace prefero
