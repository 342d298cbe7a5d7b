#pragma once
// Poll logic shared by the service's handlers and its apply path: validating a poll and its
// ballots, the core Profile of the ballots, and the result through the registry.
#include <string>

#include "core/profile.hpp"
#include "serve/service_state.hpp"

namespace prefero::serve {

// Validates a posted poll (400 naming the field; the rule must exist, be single-winner (elect)
// or a committee rule, and take the poll's ballot type) and fills the defaults.
json normalize_poll(const json& posted);
PollState poll_from_config(const json& config);
// Validates a ballot against the poll ("ranking" | "approve" | "scores") and returns it
// normalized (candidate names, ranking tiers without empties).
json normalize_ballot(const PollState& p, const json& ballot);
// Fills tiers / approved / grades of `b` from its normalized body.
void decode_ballot(const PollState& p, PollBallot& b);
// The counting ballots as a core Profile: rankings (weak orders, possibly truncated),
// categorical approval (category 0 = approved, 1 = not approved) or scores. Candidates have
// ids 1..m (poll order) and the poll's names. `as_ranking` turns score ballots into the weak
// orders their grades induce (for PrefLib, which has no score type).
Profile poll_profile(const PollState& p, bool as_ranking = false);
// {"rule","seats","ballots","winners":[names],"committees"?,"tied","explanation","candidates"}.
json poll_results(const PollState& p);

}  // namespace prefero::serve
