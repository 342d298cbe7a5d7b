#pragma once
// One function per subcommand; each adds its options and its callback to the app.
#include <CLI/CLI.hpp>

#include <map>
#include <string>
#include <vector>

namespace prefero {

void register_methods_command(CLI::App& app);
void register_profile_command(CLI::App& app);
void register_elect_command(CLI::App& app);
void register_simulate_command(CLI::App& app);
void register_match_command(CLI::App& app);
void register_infer_command(CLI::App& app);
void register_benchmark_command(CLI::App& app);
void register_consensus_command(CLI::App& app);
void register_committee_command(CLI::App& app);
void register_ensemble_command(CLI::App& app);
void register_agree_command(CLI::App& app);
void register_serve_command(CLI::App& app);

// NAME=VALUE pairs of repeated --param options (an InputError for anything else).
std::map<std::string, std::string> parse_param_pairs(const std::vector<std::string>& pairs);
void register_rate_command(CLI::App& app);

}  // namespace prefero
