// `prefero elect FILE --rule ID`: count a single-winner election.
#include <fmt/format.h>

#include <iostream>

#include "core/error.hpp"
#include "io/read.hpp"
#include "tools/prefero/commands.hpp"
#include "tools/prefero/json_out.hpp"

namespace prefero {

std::map<std::string, std::string> parse_param_pairs(const std::vector<std::string>& pairs) {
  std::map<std::string, std::string> out;
  for (const auto& kv : pairs) {
    auto eq = kv.find('=');
    if (eq == std::string::npos || eq == 0)
      throw InputError("--param '" + kv + "': expected NAME=VALUE (see `prefero methods` for each rule's parameters)");
    out[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  return out;
}

void register_elect_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "elect",
      "Count a single-winner election with one rule. Every tied winner is reported unless a tie_break "
      "is given.\n"
      "Examples:\n"
      "  prefero elect build/examples/city_council.toi --rule schulze\n"
      "  prefero elect build/examples/city_council.toi --rule ranked_pairs --param unranked=tied_last --json\n"
      "  prefero elect build/examples/city_council.toi --rule instant_runoff --param tie_break=fixed\n"
      "Parameters of each rule: prefero methods --family elect");
  static std::string path, rule;
  static std::vector<std::string> params;
  static bool as_json = false;
  cmd->add_option("FILE", path, "PrefLib file (.soc .soi .toc .toi .cat)")->required();
  cmd->add_option("--rule,-r", rule, "rule id, e.g. plurality, borda, schulze, instant_runoff")->required();
  cmd->add_option("--param,-p", params, "NAME=VALUE, repeatable (e.g. --param unranked=tied_last)");
  cmd->add_flag("--json", as_json, "one JSON object: rule, params, winners, names, explanation");
  cmd->callback([] {
    const MethodInfo& m = require_method(rule);
    auto given = parse_param_pairs(params);
    Profile p = read_profile(path);
    ElectOutcome o = run_elect(m, p, given);
    json j = elect_json(p, o);
    if (as_json) {
      std::cout << j.dump(2) << "\n";
      return;
    }
    std::cout << fmt::format("{} winner{}: ", m.id, j["winners"].size() == 1 ? "" : "s (tied)");
    for (size_t i = 0; i < j["winners"].size(); ++i)
      std::cout << (i ? ", " : "") << j["names"][i].get<std::string>() << " (" << j["winners"][i].dump() << ")";
    std::cout << "\n";
    if (j.contains("lottery")) std::cout << "lottery: " << j["lottery"].dump() << "\n";
    std::cout << "explanation: " << j["explanation"].dump(2) << "\n";
  });
}

}  // namespace prefero
