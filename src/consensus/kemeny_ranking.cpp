// Kemeny-Young consensus ranking, exact (registry entry and parameters).
#include "consensus/consensus_common.hpp"
#include "consensus/kemeny.hpp"
#include "consensus/kemeny_params.hpp"
#include "registry/registry.hpp"

namespace prefero {

KemenyOptions kemeny_options(const Params& params) {
  KemenyOptions o;
  o.time_limit_seconds = params.number("time_limit");
  o.all_cap = static_cast<int>(params.integer("all"));
  o.output_ties = params.boolean("output_ties");
  o.decompose = params.boolean("decompose");
  o.majority_rule = params.boolean("majority_rule");
  o.algorithm = params.text("algorithm");
  o.heuristic_restarts = static_cast<int>(params.integer("restarts"));
  return o;
}

// J. G. Kemeny, "Mathematics without numbers", Daedalus 88 (1959); ILP: Conitzer, Davenport,
// Kalagnanam, AAAI 2006; reductions: Betzler, Bredereck, Niedermeier, JAAMAS 28 (2014).
ConsensusResult kemeny_ranking(const Profile& p, const CandidateSet& cands, const Params& params) {
  return kemeny_solve(costs_of(p, cands, params), kemeny_options(params));
}

static const Registration kemeny_ranking_registration{MethodInfo{
    .id = "kemeny_ranking",
    .aliases = {"kemeny_consensus", "kemeny_exact"},
    .family = "consensus",
    .input = "ranking",
    .summary = "exact Kemeny-Young consensus: the ranking with the least total (generalized) Kendall distance to "
               "the ballots; SCC decomposition, 3/4-majority rule, heuristic warm start, branch and bound for small "
               "parts, ILP with lazy 3-cycle rows (CBC) for large ones; with a time limit it returns the best "
               "ranking and a proven lower bound",
    .citation = "J. G. Kemeny, Daedalus 88, 1959; V. Conitzer, A. Davenport, J. Kalagnanam, AAAI 2006; N. Betzler, "
                "R. Bredereck, R. Niedermeier, JAAMAS 28, 2014",
    .params = [] {
      auto ps = consensus_cost_params();
      ps.push_back({"time_limit", ParamType::number, "0", "seconds; 0 = none. On expiry: best ranking, proven_optimal "
                                                           "false, lower_bound proven",
                    {}});
      ps.push_back({"all", ParamType::integer, "0",
                    "collect up to this many optimal rankings (0 = one ranking only)", {}});
      ps.push_back({"output_ties", ParamType::boolean, "false",
                    "optimize over rankings with ties (weak orders) under split_tie_cost / tie_cost", {}});
      ps.push_back({"algorithm", ParamType::choice, "auto",
                    "auto (branch and bound up to 12 candidates per component, ILP above), ilp, branch_and_bound",
                    {"auto", "ilp", "branch_and_bound"}});
      ps.push_back({"decompose", ParamType::boolean, "true",
                    "solve each strongly connected component of the majority graph separately", {}});
      ps.push_back({"majority_rule", ParamType::boolean, "true",
                    "fix pairs that at least 3/4 of the voters order alike (complete strict ballots only)", {}});
      ps.push_back({"restarts", ParamType::integer, "20", "KwikSort restarts of the warm start", {}});
      return ps;
    }(),
    .consensus = kemeny_ranking,
}};

}  // namespace prefero
