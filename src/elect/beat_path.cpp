// Beat Path (Schulze): a beats b when the strongest path from a to b is stronger than the one back.
#include "elect/common.hpp"
#include "elect/margin_graph.hpp"
#include "registry/registry.hpp"

namespace prefero {

// Beat Path / Schulze method (M. Schulze, "A new monotonic, clone-independent, reversal symmetric,
// and Condorcet-consistent single-winner election method", SCW 36, 2011), widest paths by
// Floyd-Warshall as in pref_voting's beat_path.
ElectionResult beat_path(const Profile& p, const CandidateSet& cands, const Params& params) {
  const auto& s = support_of(p, params);
  const StrongestPaths sp = strongest_paths(s, strength_of(params), cands);
  const size_t n = cands.size();
  ElectionResult r;
  json defeats = json::array();
  for (size_t i = 0; i < n; ++i) {
    bool undefeated = true;
    for (size_t j = 0; j < n; ++j)
      if (sp.path_rank(j, i) > sp.path_rank(i, j)) {
        undefeated = false;
        if (n <= kExplainMatrixLimit) defeats.push_back({p.id(cands[j]), p.id(cands[i])});
      }
    if (undefeated) r.winners.push_back(cands[i]);
  }
  if (n <= kExplainMatrixLimit) {
    r.explanation["margins"] = margins_json(p, s, cands);
    r.explanation["strongest_paths"] = rank_matrix_json(p, cands, sp, true)["strongest_paths"];
    r.explanation["defeats"] = defeats;
  }
  return r;
}

static const Registration beat_path_registration{MethodInfo{
    .id = "beat_path",
    .aliases = {"Beat Path", "schulze", "Schulze"},
    .family = "elect",
    .input = "ranking",
    .summary = "candidates no rival beats by a stronger path of majority wins than the path back",
    .citation = "M. Schulze, A new monotonic, clone-independent ... election method, SCW 36(2), 2011",
    .params = {unranked_param(), strength_param({"margin", "winning_votes", "ratio"})},
    .elect = beat_path,
}};

}  // namespace prefero
