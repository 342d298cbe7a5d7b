#include "consensus/consensus_common.hpp"

#include <algorithm>
#include <map>

namespace prefero {

std::vector<ParamSpec> consensus_cost_params() {
  return {
      {"unranked", ParamType::choice, "incomparable",
       "what a truncated ballot says about candidates it leaves out: incomparable (nothing; the pair costs "
       "nothing) or tied_last (below every ranked candidate, tied with each other)",
       {"incomparable", "tied_last"}},
      {"split_tie_cost", ParamType::number, "0",
       "cost per voter who tied a pair that the consensus orders (corankco scoring scheme B[2]; Fagin's p)", {}},
      {"tie_cost", ParamType::number, "1",
       "cost per voter who ordered a pair that the consensus ties (corankco T[0] = T[1]); only rankings with "
       "ties pay it",
       {}},
  };
}

PairCosts costs_of(const Profile& p, const CandidateSet& cands, const Params& params) {
  TieCosts tc{params.number("split_tie_cost"), params.number("tie_cost")};
  return pair_costs(p, cands, *parse_unranked(params.text("unranked")), tc);
}

ConsensusResult heuristic_result(const PairCosts& pc, const LocalRanking& r) {
  ConsensusResult res;
  res.ranking = to_ranking(pc, r);
  res.cost = kemeny_cost(pc, r);
  bool ties = false;
  for (const auto& t : r) ties = ties || t.size() > 1;
  res.lower_bound = std::min(res.cost, pairwise_lower_bound(pc, ties));
  res.proven_optimal = res.cost <= res.lower_bound + 1e-9;
  return res;
}

std::vector<std::vector<double>> ballot_positions(const Profile& p, const CandidateSet& cands, Unranked unranked) {
  std::vector<std::vector<double>> out;
  const size_t n = cands.size();
  for (size_t b = 0; b < p.num_ballots(); ++b) {
    auto ballot = p.ballot(b);
    std::map<int32_t, int> per_level;
    int ranked = 0;
    for (Cand c : cands)
      if (ballot[static_cast<size_t>(c)] != kUnranked) ++per_level[ballot[static_cast<size_t>(c)]], ++ranked;
    std::map<int32_t, double> pos_of_level;
    int above = 0;
    for (auto [lv, cnt] : per_level) {
      pos_of_level[lv] = above + (cnt + 1) / 2.0;
      above += cnt;
    }
    std::vector<double> pos(n);
    const double last = ranked + (static_cast<double>(n) - ranked + 1) / 2.0;
    for (size_t i = 0; i < n; ++i) {
      int32_t lv = ballot[static_cast<size_t>(cands[i])];
      pos[i] = lv != kUnranked ? pos_of_level[lv] : (unranked == Unranked::tied_last ? last : -1.0);
    }
    out.push_back(std::move(pos));
  }
  return out;
}

}  // namespace prefero
