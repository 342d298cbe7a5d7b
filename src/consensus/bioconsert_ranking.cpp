// BioConsert: local search over rankings with ties, started from every input ranking.
#include <algorithm>

#include "consensus/consensus_common.hpp"
#include "consensus/heuristics.hpp"
#include "registry/registry.hpp"

namespace prefero {

// S. Cohen-Boulakia, A. Denise, S. Hamel, "Using medians to generate consensus rankings for
// biological data", SSDBM 2011 (as implemented in corankco: one run per input ranking, the best kept).
ConsensusResult bioconsert_ranking(const Profile& p, const CandidateSet& cands, const Params& params) {
  PairCosts pc = costs_of(p, cands, params);
  const auto max_starts = static_cast<size_t>(std::max<int64_t>(1, params.integer("max_starts")));
  std::vector<int> local(static_cast<size_t>(p.num_candidates()), -1);
  for (size_t i = 0; i < cands.size(); ++i) local[static_cast<size_t>(cands[i])] = static_cast<int>(i);
  // unique ballots, most frequent first (ties: first seen), as starts
  std::vector<size_t> ballots(p.num_ballots());
  for (size_t b = 0; b < ballots.size(); ++b) ballots[b] = b;
  std::stable_sort(ballots.begin(), ballots.end(), [&](size_t a, size_t b) { return p.counts[a] > p.counts[b]; });
  LocalRanking best;
  double best_cost = 0;
  for (size_t k = 0; k < ballots.size() && k < max_starts; ++k) {
    LocalRanking start;
    std::vector<int> rest;
    for (const auto& tier : p.tiers(ballots[k])) {
      std::vector<int> t;
      for (Cand c : tier)
        if (local[static_cast<size_t>(c)] >= 0) t.push_back(local[static_cast<size_t>(c)]);
      if (!t.empty()) start.push_back(std::move(t));
    }
    std::vector<char> seen(cands.size(), 0);
    for (const auto& t : start)
      for (int i : t) seen[static_cast<size_t>(i)] = 1;
    for (size_t i = 0; i < cands.size(); ++i)
      if (!seen[i]) rest.push_back(static_cast<int>(i));
    if (!rest.empty()) start.push_back(rest);  // unranked candidates start tied last
    LocalRanking r = bioconsert_from(pc, std::move(start));
    double c = kemeny_cost(pc, r);
    if (best.empty() || c < best_cost - 1e-9) best = std::move(r), best_cost = c;
  }
  if (best.empty() && !cands.empty()) {
    std::vector<int> all(cands.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
    best = bioconsert_from(pc, {all});
  }
  return heuristic_result(pc, best);
}

static const Registration bioconsert_ranking_registration{MethodInfo{
    .id = "bioconsert_ranking",
    .aliases = {"bioconsert", "BioConsert"},
    .family = "consensus",
    .input = "ranking",
    .summary = "BioConsert: local search for the generalized Kemeny problem with ties (move one candidate into "
               "another tier or a new tier while the cost drops), started from each input ranking",
    .citation = "S. Cohen-Boulakia, A. Denise, S. Hamel, SSDBM 2011; B. Brancotte et al., VLDB 2015",
    .params = [] {
      auto ps = consensus_cost_params();
      ps.push_back({"max_starts", ParamType::integer, "100",
                    "at most this many distinct input rankings as starts (most frequent first)", {}});
      return ps;
    }(),
    .consensus = bioconsert_ranking,
}};

}  // namespace prefero
