// Top Cycle (Smith set) and GOCHA (Schwartz set): the top of the majority graph.
#include "elect/common.hpp"
#include "elect/dominance.hpp"
#include "elect/majority_graph.hpp"
#include "registry/registry.hpp"

namespace prefero {

// Smith set (J. H. Smith, "Aggregation of preferences with variable electorate", Econometrica 1973).
ElectionResult top_cycle(const Profile& p, const CandidateSet& cands, const Params& params) {
  const auto& s = support_of(p, params);
  ElectionResult r;
  r.winners = smith_set(s, cands);
  r.explanation["smith_set"] = ids_json(p, r.winners);
  r.explanation["note"] = "every member beats every non-member head to head, and no smaller set does";
  r.explanation["majority_graph"] = majority_graph_json(p, majority_graph(s, cands));
  return r;
}

// Schwartz set (T. Schwartz, "The Logic of Collective Choice", 1986).
ElectionResult gocha(const Profile& p, const CandidateSet& cands, const Params& params) {
  const auto& s = support_of(p, params);
  ElectionResult r;
  r.winners = schwartz_set(s, cands);
  r.explanation["schwartz_set"] = ids_json(p, r.winners);
  r.explanation["note"] = "union of the minimal sets that no outsider beats head to head";
  r.explanation["majority_graph"] = majority_graph_json(p, majority_graph(s, cands));
  return r;
}

static const Registration top_cycle_registration{MethodInfo{
    .id = "top_cycle",
    .aliases = {"Top Cycle", "smith_set", "Smith Set", "getcha", "GETCHA", "smith"},
    .family = "elect",
    .input = "ranking",
    .summary = "the Smith set: the smallest set of candidates each beating every outsider head to head",
    .citation = "J. H. Smith, Aggregation of preferences with variable electorate, Econometrica 41(6), 1973",
    .params = {unranked_param()},
    .elect = top_cycle,
}};

static const Registration gocha_registration{MethodInfo{
    .id = "gocha",
    .aliases = {"GOCHA", "schwartz_set", "Schwartz Set", "schwartz"},
    .family = "elect",
    .input = "ranking",
    .summary = "the Schwartz set: the union of the minimal sets of candidates no outsider beats head to head",
    .citation = "T. Schwartz, Rationality and the myth of the maximum, Nous 6, 1972; The Logic of Collective Choice, 1986",
    .params = {unranked_param()},
    .elect = gocha,
}};

}  // namespace prefero
