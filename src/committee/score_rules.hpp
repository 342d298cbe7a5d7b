#pragma once
// The score-based committee rules as objectives (src/committee/objective.hpp), so that they can be
// optimized with group bounds (src/committee/fairness_bounds.hpp): the ordinal rules of this
// directory (sntv, bloc, k_borda, chamberlin_courant_borda, monroe_borda) and the Thiele rules on
// approval ballots (av, pav, cc, slav, geom<p>, Chamberlin-Courant on approvals).
#include <optional>
#include <string>
#include <vector>

#include "committee/fairness_bounds.hpp"
#include "committee/objective.hpp"
#include "core/profile.hpp"
#include "registry/params.hpp"

namespace prefero {

// Parameters of every optimization-based rule here: resolute, max_committees, algorithm, time_limit.
std::vector<ParamSpec> optimize_params();
OptimizeOptions optimize_options_of(const Params& params);

// The objective of rule `rule_id` (id or alias) for committees of size k; nullopt if the rule is not
// score-based. `params` are the rule's resolved parameters (unranked_points for the ordinal ones).
std::optional<CommitteeObjective> objective_for_rule(const std::string& rule_id, const Profile& p, int k,
                                                     const Params& params);

// Rule ids objective_for_rule knows.
std::vector<std::string> score_rule_ids();

}  // namespace prefero
