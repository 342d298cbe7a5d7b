#pragma once
// One function per subcommand; each adds its options and its callback to the app.
#include <CLI/CLI.hpp>

namespace prefero {

void register_methods_command(CLI::App& app);
void register_profile_command(CLI::App& app);
void register_elect_command(CLI::App& app);
void register_committee_command(CLI::App& app);

}  // namespace prefero
