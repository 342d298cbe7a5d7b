// `prefero methods`: the registry, as a table or JSON.
#include <fmt/format.h>

#include <iostream>

#include "registry/registry.hpp"
#include "tools/prefero/commands.hpp"
#include "tools/prefero/json_out.hpp"

namespace prefero {

namespace {
std::string methods_markdown(const std::string& only_family) {
  std::string out =
      "# Method reference\n\nGenerated from the registry by `prefero methods --markdown`; do not edit by hand.\n"
      "Every single-winner rule also takes `tie_break`, `tie_break_order` and `seed` (see README).\n";
  for (const auto& m : methods()) {
    if (!only_family.empty() && m.family != only_family) continue;
    out += fmt::format("\n## `{}`\n\n{}.\n\n- family: {}; input: {}{}{}\n", m.id, m.summary, m.family, m.input,
                       m.resolute ? "; resolute" : "", m.probabilistic ? "; probabilistic (returns a lottery)" : "");
    if (!m.aliases.empty()) {
      std::string a;
      for (const auto& x : m.aliases) a += (a.empty() ? "" : ", ") + ("`" + x + "`");
      out += "- aliases: " + a + "\n";
    }
    out += "- citation: " + m.citation + "\n";
    bool any = false;
    for (const auto& p : m.params) {
      if (p.name == "tie_break" || p.name == "tie_break_order" || p.name == "seed") continue;
      if (!any) out += "\n| parameter | type | default | meaning |\n|---|---|---|---|\n";
      any = true;
      std::string type = to_string(p.type);
      if (!p.choices.empty()) {
        type.clear();
        for (const auto& c : p.choices) type += (type.empty() ? "" : " \\| ") + c;
      }
      out += fmt::format("| `{}` | {} | `{}` | {} |\n", p.name, type, p.default_value, p.doc);
    }
  }
  return out;
}
}  // namespace

void register_methods_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("methods", "List every method with its parameters and defaults.\n"
                                            "Example: prefero methods --family elect --json");
  static std::string family;
  static bool as_json = false;
  static bool as_markdown = false;
  cmd->add_option("--family", family, "only methods of this family (elect, committee, consensus, benchmark, rate, crowd, ensemble)");
  cmd->add_flag("--json", as_json, "one JSON array of method descriptions");
  cmd->add_flag("--markdown", as_markdown, "the method reference as Markdown (docs/methods.md is this output)");
  cmd->callback([] {
    if (as_markdown) {
      std::cout << methods_markdown(family);
      return;
    }
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
