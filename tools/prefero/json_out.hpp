#pragma once
// JSON shapes shared by the subcommands (and mirrored by the Python and HTTP faces).
#include "consensus/consensus.hpp"
#include "crowd/labels.hpp"
#include "rate/simulate.hpp"
#include "ensemble/ensemble.hpp"
#include "rate/comparisons.hpp"
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
// `prefero rate --json`: model, params, ratings [{name, rating, ci_low, ci_high, rank_ub, votes}], explanation.
json rating_json(const MethodInfo& m, const Params& params, const Comparisons& c, const RatingResult& r);
json consensus_json(const Profile& p, const MethodInfo& m, const ConsensusResult& r, const Params& params,
                    bool with_all);


// `prefero agree --json`: the metrics computed (krippendorff_alpha {level, value}, fleiss_kappa,
// cohen_kappa, kendall_tau, spearman, judge_agreement {judge, tasks, agreement, cohen_kappa}),
// then tasks and raters. metric: all | one of those names; level: nominal | ordinal | interval;
// raters: "A,B" (pairwise metrics; default the only two raters); judge: a rater's name.
json agree_json(const LabelData& d, const std::string& metric, const std::string& level, const std::string& raters,
                const std::string& judge);
// `prefero match --json`: {policy, k, models} — the next comparison proposed from the vote log
// (policy uniform | weighted | ucb; weights "NAME=W,..." for weighted, others 1).
json match_json(const Comparisons& c, const std::string& policy, int k, uint64_t seed, double alpha,
                const std::string& weights);
// `prefero simulate --json`: the settings, then policies [{policy, votes_to_tau, votes_to_top1,
// final_mean_tau}] (null = not reached within max_votes). policies: comma-separated.
json simulate_json(const SimulationSettings& s, const std::string& policies);

}  // namespace prefero
