// `prefero consensus FILE --method ID`: one consensus ranking of all candidates.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <iostream>

#include "consensus/consensus_common.hpp"
#include "consensus/kemeny_params.hpp"
#include "core/error.hpp"
#include "io/read.hpp"
#include "registry/registry.hpp"
#include "tools/prefero/commands.hpp"
#include "tools/prefero/json_out.hpp"

namespace prefero {

void register_consensus_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "consensus",
      "One consensus ranking of all candidates (rank aggregation). Every method reports the Kemeny "
      "(generalized Kendall) cost of its ranking and a proven lower bound on the optimum.\n"
      "Examples:\n"
      "  prefero consensus votes.soc --method kemeny\n"
      "  prefero consensus votes.soc --method kemeny --time-limit 20 --json\n"
      "  prefero consensus votes.soc --method kemeny --all 50        # every optimal ranking, up to 50\n"
      "  prefero consensus votes.toc --method kemeny --param output_ties=true --param tie_cost=1\n"
      "  prefero consensus votes.soc --method borda      # also copeland, footrule, kwiksort, insertion,\n"
      "                                                  # bioconsert, median_rank, mc4\n"
      "Parameters of each method: prefero methods --family consensus");
  static std::string path, method = "kemeny";
  static std::vector<std::string> params;
  static double time_limit = -1;
  static int all = -1;
  static bool as_json = false;
  cmd->add_option("FILE", path, "PrefLib file (.soc .soi .toc .toi)")->required();
  cmd->add_option("--method,-m", method, "method id (default kemeny): kemeny, borda, copeland, footrule, kwiksort, "
                                         "insertion, bioconsert, median_rank, mc4");
  cmd->add_option("--time-limit", time_limit, "seconds for exact methods; then the best ranking, not proven optimal");
  cmd->add_option("--all", all, "report every optimal ranking, up to this many (exact methods)")
      ->expected(0, 1)
      ->default_str("100");
  cmd->add_option("--param,-p", params, "NAME=VALUE, repeatable (e.g. --param output_ties=true)");
  cmd->add_flag("--json", as_json, "one JSON object: method, ranking (tiers of ids), cost, proven_optimal, lower_bound");
  cmd->callback([cmd] {
    const MethodInfo& m = consensus_method(method);
    auto given = parse_param_pairs(params);
    if (time_limit >= 0) given["time_limit"] = fmt::format("{}", time_limit);
    if (cmd->count("--all") > 0) given["all"] = std::to_string(all < 0 ? 100 : all);
    Params resolved = resolve_params(m.id, m.params, given);
    Profile p = read_profile(path);
    CandidateSet cands = all_candidates(p.num_candidates());
    ConsensusResult r;
    if (m.consensus == &kemeny_ranking) {
      KemenyOptions o = kemeny_options(resolved);
      if (isatty(STDERR_FILENO)) {
        auto t0 = std::chrono::steady_clock::now();
        o.progress = [t0](const std::string& msg) {
          double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
          if (s > 1.0) std::cerr << fmt::format("[{:.1f}s] {}\n", s, msg);
        };
      }
      r = kemeny_solve(costs_of(p, cands, resolved), o);
    } else {
      r = m.consensus(p, cands, resolved);
    }
    json j = consensus_json(p, m, r, resolved, given.count("all") > 0);
    if (as_json) {
      std::cout << j.dump(2) << "\n";
      return;
    }
    std::cout << fmt::format("{}: cost {} (lower bound {}{})\n", m.id, r.cost, r.lower_bound,
                             r.proven_optimal ? ", proven optimal" : ", NOT proven optimal");
    for (size_t t = 0; t < r.ranking.size(); ++t) {
      std::cout << fmt::format("{:>4}. ", t + 1);
      for (size_t i = 0; i < r.ranking[t].size(); ++i)
        std::cout << (i ? " = " : "") << p.name(r.ranking[t][i]) << " (" << p.id(r.ranking[t][i]) << ")";
      std::cout << "\n";
    }
    if (given.count("all"))
      std::cout << fmt::format("{} optimal ranking(s) listed{}\n", r.all_optimal.size(),
                               r.explanation.value("all_optimal_complete", false) ? " (complete)" : " (cap or time reached: maybe more)");
  });
}

}  // namespace prefero
