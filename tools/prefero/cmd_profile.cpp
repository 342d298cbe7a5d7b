// `prefero profile FILE`: what is in an election file.
#include <fmt/format.h>

#include <iostream>

#include "io/read.hpp"
#include "tools/prefero/commands.hpp"
#include "tools/prefero/json_out.hpp"

namespace prefero {

void register_profile_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("profile",
                                 "Summarize an election file: voters, unique ballots, candidates, truncation and "
                                 "ties, Condorcet winner, pairwise support matrix.\n"
                                 "Example: prefero profile build/examples/city_council.toi --json");
  static std::string path;
  static bool as_json = false;
  cmd->add_option("FILE", path, "PrefLib file (.soc .soi .toc .toi .cat)")->required();
  cmd->add_flag("--json", as_json, "one JSON object");
  cmd->callback([] {
    Profile p = read_profile(path);
    json j = profile_json(p);
    if (as_json) {
      std::cout << j.dump(2) << "\n";
      return;
    }
    std::cout << fmt::format("{}: {} voters, {} unique ballots, {} candidates ({})\n", path, j["voters"].get<int64_t>(),
                             j["unique_ballots"].get<size_t>(), p.num_candidates(), to_string(p.kind));
    std::cout << fmt::format("truncated ballots: {}, ballots with ties: {}, empty ballots: {}\n",
                             j["voters_truncated"].get<int64_t>(), j["voters_with_ties"].get<int64_t>(),
                             j["voters_empty"].get<int64_t>());
    for (Cand c = 0; c < p.num_candidates(); ++c) std::cout << fmt::format("  {:>4}  {}\n", p.id(c), p.name(c));
    for (const char* mode : {"unranked_incomparable", "unranked_tied_last"}) {
      const json& m = j[mode];
      std::cout << fmt::format("{}: Condorcet winner: {}\n", mode, m["condorcet_winner"].dump());
      if (p.num_candidates() > 20) continue;
      std::cout << "  support (row over column):\n";
      for (const auto& row : m["support"]) {
        std::cout << "   ";
        for (const auto& v : row) std::cout << fmt::format(" {:>8}", v.get<int64_t>());
        std::cout << "\n";
      }
    }
  });
}

}  // namespace prefero
