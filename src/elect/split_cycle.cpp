// Split Cycle: a majority win counts as a defeat unless it is the weakest edge of some cycle.
#include "elect/common.hpp"
#include "elect/split_cycle.hpp"
#include "registry/registry.hpp"

namespace prefero {

// b defeats a (Split Cycle) iff b beats a and no majority path leads back from a to b with every
// edge at least as strong as b's win over a, i.e. the strongest path a -> b is weaker.
std::vector<std::pair<size_t, size_t>> split_cycle_defeats(const StrongestPaths& sp) {
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t b = 0; b < sp.n; ++b)
    for (size_t a = 0; a < sp.n; ++a)
      if (sp.edge_rank(b, a) > sp.path_rank(a, b)) out.emplace_back(b, a);
  return out;
}

// Split Cycle (W. H. Holliday and E. Pacuit, "Split Cycle: a new Condorcet-consistent voting
// method independent of clones and immune to spoilers", Public Choice 197, 2023).
ElectionResult split_cycle(const Profile& p, const CandidateSet& cands, const Params& params) {
  const auto& s = support_of(p, params);
  const StrongestPaths sp = strongest_paths(s, strength_of(params), cands);
  std::vector<char> defeated(cands.size(), 0);
  json defeats = json::array();
  for (auto [b, a] : split_cycle_defeats(sp)) {
    defeated[a] = 1;
    if (cands.size() <= kExplainMatrixLimit) defeats.push_back({p.id(cands[b]), p.id(cands[a])});
  }
  ElectionResult r;
  for (size_t i = 0; i < cands.size(); ++i)
    if (!defeated[i]) r.winners.push_back(cands[i]);
  if (cands.size() <= kExplainMatrixLimit) {
    r.explanation["margins"] = margins_json(p, s, cands);
    r.explanation["defeats"] = defeats;
  }
  return r;
}

static const Registration split_cycle_registration{MethodInfo{
    .id = "split_cycle",
    .aliases = {"Split Cycle"},
    .family = "elect",
    .input = "ranking",
    .summary = "candidates not defeated once the weakest win in every majority cycle is discarded",
    .citation = "W. H. Holliday, E. Pacuit, Split Cycle, Public Choice 197, 2023",
    .params = {unranked_param(), strength_param({"margin", "winning_votes", "ratio"})},
    .elect = split_cycle,
}};

}  // namespace prefero
