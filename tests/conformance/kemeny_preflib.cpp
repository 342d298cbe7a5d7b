// Exact Kemeny consensus (kemeny_ranking) against the subset dynamic program of
// src/elect/linear_ordering on every PrefLib complete-order file (.soc, .toc) in
// ../shared/refdata/preflib with at most 18 candidates. Input ties cost nothing when the
// consensus orders the pair (split_tie_cost = 0), which is what the DP's penalty counts.
#include <fmt/core.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "conformance/report.hpp"
#include "consensus/kemeny_params.hpp"
#include "elect/linear_ordering.hpp"
#include "io/read.hpp"

using namespace prefero;

int main() {
  const std::filesystem::path root = std::filesystem::path(PREFERO_SHARED_DIR) / "refdata" / "preflib";
  std::ifstream inv(root / "INVENTORY.tsv");
  if (!inv) {
    fmt::print(stderr, "missing {}\n", (root / "INVENTORY.tsv").string());
    return 1;
  }
  conformance::Report report({});
  const std::string method = "kemeny_ranking vs subset DP";
  report.tally(method).rule = "kemeny_ranking";
  std::string line;
  std::getline(inv, line);  // header
  const MethodInfo& m = require_method("kemeny_ranking");
  Params params = resolve_params(m.id, m.params, {});
  double total_seconds = 0;
  while (std::getline(inv, line)) {
    std::istringstream fields(line);
    std::string path, type, title, n_text;
    std::getline(fields, path, '\t');
    std::getline(fields, type, '\t');
    std::getline(fields, title, '\t');
    std::getline(fields, n_text, '\t');
    if (type != "soc" && type != "toc") continue;
    if (std::stoi(n_text) > 18) {
      report.skip(method, "more than 18 candidates (beyond the subset DP oracle)");
      continue;
    }
    Profile p = read_profile((root / path).string());
    const CandidateSet cands = all_candidates(p.num_candidates());
    auto pen = [&](Cand b, Cand a) { return p.support_ranked(b, a); };
    const int64_t want = min_cost_linear_ordering(cands, pen, "conformance").optimal_cost;
    auto t0 = std::chrono::steady_clock::now();
    ConsensusResult r = kemeny_ranking(p, cands, params);
    total_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (r.proven_optimal && r.cost == static_cast<double>(want) && r.lower_bound == r.cost)
      report.agree(method);
    else {
      report.disagree(method, path);
      fmt::print(stderr, "{}: DP {} ours {} (proven {})\n", path, want, r.cost, r.proven_optimal);
    }
  }
  fmt::print("kemeny_ranking total solve time on these files: {:.3f} s\n\n", total_seconds);
  return report.print(stdout) == 0 ? 0 : 1;
}
