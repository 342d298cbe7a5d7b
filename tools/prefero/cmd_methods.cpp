// `prefero methods`: the registry, as a table or JSON.
#include <fmt/format.h>

#include <iostream>

#include "registry/registry.hpp"
#include "tools/prefero/commands.hpp"
#include "tools/prefero/json_out.hpp"

namespace prefero {

void register_methods_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("methods", "List every method with its parameters and defaults.\n"
                                            "Example: prefero methods --family elect --json");
  static std::string family;
  static bool as_json = false;
  cmd->add_option("--family", family, "only methods of this family (elect, committee, consensus, rate, crowd)");
  cmd->add_flag("--json", as_json, "one JSON array of method descriptions");
  cmd->callback([] {
    json all = json::array();
    for (const auto& m : methods()) {
      if (!family.empty() && m.family != family) continue;
      if (as_json) {
        all.push_back(method_json(m));
        continue;
      }
      std::cout << fmt::format("{:<28} {:<9} {}\n", m.id, m.family, m.summary);
      for (const auto& p : m.params)
        std::cout << fmt::format("    --param {}=<{}> (default: {}) {}\n", p.name, to_string(p.type),
                                 p.default_value.empty() ? "\"\"" : p.default_value, p.doc);
    }
    if (as_json) std::cout << all.dump(2) << "\n";
  });
}

}  // namespace prefero
