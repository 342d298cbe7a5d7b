// The `prefero` command line: thin subcommands over the registry.
// Exit codes: 0 success, 2 bad input or usage, 1 internal failure.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <map>

#include "core/error.hpp"
#include "io/read.hpp"
#include "registry/registry.hpp"
#include "tools/prefero/commands.hpp"

int main(int argc, char** argv) {
  using namespace prefero;
  CLI::App app{"prefero: turns judgments (ranked ballots, approvals, scores) into decisions.\n"
               "Examples:\n"
               "  prefero methods\n"
               "  prefero profile build/examples/city_council.toi\n"
               "  prefero elect build/examples/city_council.toi --rule schulze --json\n"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "prefero 0.1.0");
  register_methods_command(app);
  register_profile_command(app);
  register_elect_command(app);
  register_simulate_command(app);
  register_match_command(app);
  register_infer_command(app);
  register_benchmark_command(app);
  register_consensus_command(app);
  register_committee_command(app);
  register_ensemble_command(app);
  register_agree_command(app);
  register_rate_command(app);
  register_serve_command(app);
  try {
    app.parse(argc, argv);
    return 0;
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  } catch (const InputError& e) {
    std::cerr << "prefero: error: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "prefero: internal error: " << e.what() << "\n";
    return 1;
  }
}
