#pragma once
// A committee rule run under group fairness bounds (the CLI's --groups FILE --bounds SPEC): the rule's
// objective (src/committee/score_rules.hpp) optimized exactly with the bounds, or greedily with
// the gap to the exact bounded optimum reported.
#include <string>

#include "committee/committee.hpp"
#include "committee/fairness_bounds.hpp"
#include "registry/registry.hpp"

namespace prefero {

// InputError if the rule is not score-based or the bounds are infeasible. `params` are the rule's
// resolved parameters; resolute / max_committees / algorithm / time_limit are honoured when the
// rule declares them. greedy: the greedy committee, with explanation.gap = exact - greedy score.
CommitteeResult run_committee_with_bounds(const MethodInfo& method, const Profile& profile, int k, const Params& params,
                                          const Groups& groups, const GroupBounds& bounds, bool greedy = false);

}  // namespace prefero
