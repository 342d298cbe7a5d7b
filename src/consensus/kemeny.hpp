#pragma once
// Exact Kemeny-Young consensus (strict output, or ties allowed under the generalized Kendall
// distance), with a time limit that returns the best ranking found and a proven lower bound.
#include <functional>
#include <string>

#include "consensus/heuristics.hpp"
#include "consensus/pair_costs.hpp"

namespace prefero {

struct KemenyOptions {
  double time_limit_seconds = 0;  // 0 = no limit
  int all_cap = 0;                // > 0: collect up to this many optimal rankings
  bool output_ties = false;       // optimize over rankings with ties (weak orders)
  bool decompose = true;          // SCC decomposition of the majority graph (strict output)
  bool majority_rule = true;      // 3/4-majority fixings (complete strict input only)
  std::string algorithm = "auto";  // auto | ilp | branch_and_bound
  int bb_max = 12;                // auto: branch and bound for components up to this size
  int heuristic_restarts = 20;    // KwikSort restarts of the warm start
  std::function<void(const std::string&)> progress;  // optional progress messages
};

// Kemeny consensus of the costs `pc`. The result's ranking is over pc.cands.
ConsensusResult kemeny_solve(const PairCosts& pc, const KemenyOptions& opt);

// Pairs (a, b) of local indices where a is above b in every Kemeny ranking by the 3/4-majority
// rule (Betzler, Bredereck, Niedermeier 2014) applied to non-dirty candidates: a candidate every
// one of whose pairs has a 3/4 majority (of complete, strict votes) one way is fixed against all
// others. (Fixing every 3/4 pair is NOT safe: a random 4-voter profile breaks it, see the tests.)
// Empty unless pc.complete_strict.
std::vector<std::pair<int, int>> three_quarter_majority_pairs(const PairCosts& pc);

// Strongly connected components of the majority graph (arc a->b when before(a,b) <= before(b,a)),
// in the order every optimal strict ranking respects.
std::vector<std::vector<int>> majority_components(const PairCosts& pc);

// --- internal pieces shared by kemeny_*.cpp ---
struct ComponentResult {
  std::vector<std::vector<int>> optima;  // strict orders (local indices); optima[0] is the best found
  LocalRanking tied_best;                // with output ties: the best weak order
  std::vector<LocalRanking> tied_optima;
  double cost = 0, lower_bound = 0;
  bool proven = false;
  bool capped = false;  // more optimal rankings exist than collected
  std::string algorithm;
};
ComponentResult kemeny_branch_and_bound(const PairCosts& pc, const std::vector<int>& members,
                                        const std::vector<char>& must_above, const std::vector<int>& start,
                                        int all_cap, Clock::time_point deadline);
ComponentResult kemeny_ilp(const PairCosts& pc, const std::vector<int>& members, const std::vector<char>& must_above,
                           const std::vector<int>& start, int all_cap, Clock::time_point deadline,
                           const std::function<void(const std::string&)>& progress);
// Transitive closure of the pairs fixed by 0/1 bounds on x_ij = [i above j] (i < j, variable
// var(i, j)): tightens the bounds of implied pairs; false when the fixed pairs contain a cycle.
bool close_fixed_pairs(int k, const std::function<int(int, int)>& var, std::vector<double>& lo, std::vector<double>& hi);
ComponentResult kemeny_ties_ilp(const PairCosts& pc, const LocalRanking& start, int all_cap,
                                Clock::time_point deadline, const std::function<void(const std::string&)>& progress);

}  // namespace prefero
