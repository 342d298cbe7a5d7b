// `prefero match FILE --policy P [--k K]`: proposes the next comparison from a vote log.
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/error.hpp"
#include "io/read_comparisons.hpp"
#include "rate/matchmaking.hpp"
#include "rate/weng_lin.hpp"
#include "registry/registry.hpp"
#include "tools/prefero/commands.hpp"

namespace prefero {

namespace {

// Pair counts and current skills (Weng-Lin Plackett-Luce mu / beta, as K-Sort Arena's TrueSkill).
MatchState state_of(const Comparisons& c) {
  MatchState s;
  s.num_models = c.models.size();
  s.pair_counts.assign(s.num_models * s.num_models, 0.0);
  for (const PairRow& p : c.pairs) record_match(s, {p.a, p.b});
  for (const KwiseRow& r : c.rankings) {
    std::vector<int> shown;
    for (const auto& t : r.tiers) shown.insert(shown.end(), t.begin(), t.end());
    record_match(s, shown);
  }
  const MethodInfo& wl = require_method("weng_lin_plackett_luce");
  const RatingResult r = wl.rate(c, resolve_params(wl.id, wl.params, {}));
  s.skill.assign(s.num_models, 0.0);
  for (const auto& p : r.ratings) s.skill[static_cast<size_t>(p.model)] = p.rating / WengLinSettings{}.beta;
  return s;
}

}  // namespace

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
    MatchState s = state_of(c);
    s.alpha = alpha;
    if (!weights.empty()) {
      s.weights.assign(s.num_models, 1.0);
      std::stringstream ss(weights);
      for (std::string item; std::getline(ss, item, ',');) {
        const auto eq = item.rfind('=');
        if (eq == std::string::npos) throw InputError("--weights: expected NAME=WEIGHT, got '" + item + "'");
        const std::string name = item.substr(0, eq);
        double w = 0;
        try {
          w = std::stod(item.substr(eq + 1));
        } catch (const std::exception&) {
          throw InputError("--weights: '" + item.substr(eq + 1) + "' is not a number");
        }
        if (!(w >= 0)) throw InputError("--weights: weights must be non-negative");
        const auto it = std::find(c.models.begin(), c.models.end(), name);
        if (it == c.models.end()) throw InputError("--weights: no model named '" + name + "' in the log");
        s.weights[static_cast<size_t>(it - c.models.begin())] = w;
      }
    }
    SeededRng rng(seed, 0);
    const auto pick = propose_match(match_policy_from(policy), s, k, rng);
    if (as_json) {
      json names = json::array();
      for (int m : pick) names.push_back(c.models[static_cast<size_t>(m)]);
      std::cout << json{{"policy", policy}, {"k", k}, {"models", names}}.dump(2) << "\n";
      return;
    }
    std::string line;
    for (int m : pick) line += (line.empty() ? "" : " vs ") + c.models[static_cast<size_t>(m)];
    fmt::print("{}\n", line);
  });
}

}  // namespace prefero
