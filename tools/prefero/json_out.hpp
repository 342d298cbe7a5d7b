#pragma once
// JSON shapes shared by the subcommands (and mirrored by the Python and HTTP faces).
#include "consensus/consensus.hpp"
#include "ensemble/ensemble.hpp"
#include "core/result.hpp"
#include "registry/registry.hpp"

namespace prefero {

json method_json(const MethodInfo& m);
json profile_json(const Profile& p);
json elect_json(const Profile& p, const ElectOutcome& outcome);

// The consensus method named `name`: its id or alias, or `name`_ranking (so `borda` finds
// borda_ranking, not the single-winner rule); InputError listing the methods otherwise.
const MethodInfo& consensus_method(const std::string& name);
// `prefero consensus --json`: method, ranking (tiers of ids), cost, proven_optimal, lower_bound,
// [all_optimal], params, explanation.
// `prefero ensemble --json`: method, params, samples [{id, prediction, certificate, label, details}], explanation.
json ensemble_json(const MethodInfo& m, const Params& params, const VoteTensor& t, const EnsembleResult& r);
json consensus_json(const Profile& p, const MethodInfo& m, const ConsensusResult& r, const Params& params,
                    bool with_all);

}  // namespace prefero
