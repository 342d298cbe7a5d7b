// Insertion local search from a Borda or Copeland start.
#include "consensus/consensus_common.hpp"
#include "consensus/heuristics.hpp"
#include "registry/registry.hpp"

namespace prefero {

// F. Schalekamp, A. van Zuylen, "Rank aggregation: together we're strong", ALENEX 2009.
ConsensusResult insertion_ranking(const Profile& p, const CandidateSet& cands, const Params& params) {
  PairCosts pc = costs_of(p, cands, params);
  const std::string& start = params.text("start");
  std::vector<int> order = start == "copeland" ? order_by_score(copeland_scores(pc))
                                               : order_by_score(borda_scores(pc, p, *parse_unranked(params.text("unranked"))));
  return heuristic_result(pc, singleton_tiers(insertion_local_search(pc, std::move(order))));
}

static const Registration insertion_ranking_registration{MethodInfo{
    .id = "insertion_ranking",
    .aliases = {"insertion", "local_kemeny"},
    .family = "consensus",
    .input = "ranking",
    .summary = "local search: move one candidate to the position that lowers the Kemeny cost most, until no move "
               "helps; starts from the Borda (or Copeland) order",
    .citation = "F. Schalekamp, A. van Zuylen, ALENEX 2009",
    .params = [] {
      auto ps = consensus_cost_params();
      ps.push_back({"start", ParamType::choice, "borda", "starting order", {"borda", "copeland"}});
      return ps;
    }(),
    .consensus = insertion_ranking,
}};

}  // namespace prefero
