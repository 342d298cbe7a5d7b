// `prefero ensemble FILE --method ID`: combine base models' scores per sample (hard or soft
// vote, run-off) with certified radii against data poisoning, or score a reward-model ensemble.
#include <fmt/format.h>

#include <iostream>

#include "core/error.hpp"
#include "ensemble/ensemble.hpp"
#include "io/ensemble_jsonl.hpp"
#include "registry/registry.hpp"
#include "tools/prefero/commands.hpp"
#include "tools/prefero/json_out.hpp"

namespace prefero {


void register_ensemble_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "ensemble",
      "Combine base models' per-sample scores: hard_majority, soft_vote, run_off (Run-Off Election), dpa and\n"
      "finite_aggregation (certified radii against data poisoning), preference_strength (reward-model ensembles).\n"
      "Input: JSONL, one sample per line: {\"id\": \"s1\", \"scores\": [[model 1's class scores], ...], \"label\": 2}\n"
      "or {\"id\": \"p1\", \"chosen\": [reward per model], \"rejected\": [reward per model]} (see docs/ensemble.md).\n"
      "Examples:\n"
      "  prefero ensemble examples/ensemble_logits.jsonl --method run_off\n"
      "  prefero ensemble examples/ensemble_logits.jsonl --method soft_vote --param scores=logits --json\n"
      "  prefero ensemble examples/reward_pairs.jsonl --method preference_strength --param ambiguous_margin=0.2\n"
      "Parameters of each method: prefero methods --family ensemble");
  static std::string path, method;
  static std::vector<std::string> params;
  static bool as_json = false;
  cmd->add_option("FILE", path, "JSONL file of per-sample scores")->required();
  cmd->add_option("--method,-m", method, "method id, e.g. run_off, dpa, soft_vote, preference_strength")->required();
  cmd->add_option("--param,-p", params, "NAME=VALUE, repeatable (e.g. --param d=2)");
  cmd->add_flag("--json", as_json, "one JSON object: method, params, samples, explanation (with the summary)");
  cmd->callback([] {
    const MethodInfo& m = require_method(method);
    if (m.family != "ensemble")
      throw InputError("'" + m.id + "' is a " + m.family + " method; `prefero ensemble` runs ensemble methods (see `prefero methods --family ensemble`)");
    Params resolved = resolve_params(m.id, m.params, parse_param_pairs(params));
    VoteTensor t = read_vote_tensor_file(path);
    EnsembleResult r = m.ensemble(t, resolved);
    json j = ensemble_json(m, resolved, t, r);
    if (as_json) {
      std::cout << j.dump(2) << "\n";
      return;
    }
    for (const auto& s : j["samples"]) {
      std::cout << fmt::format("{}: {}", s["id"].get<std::string>(), s["prediction"].get<std::string>());
      if (s.contains("certificate")) std::cout << fmt::format(" (certified radius {})", s["certificate"].get<int>());
      if (s["details"].contains("flag")) std::cout << fmt::format(" mean {:.4g} std {:.4g} {}", s["details"]["mean"].get<double>(), s["details"]["std"].get<double>(), s["details"]["flag"].get<std::string>());
      std::cout << "\n";
    }
    std::cout << "summary: " << j["explanation"]["summary"].dump() << "\n";
  });
}

}  // namespace prefero
