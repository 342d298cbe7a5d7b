#include "committee/bounded_committee.hpp"

#include <algorithm>

#include "committee/score_rules.hpp"
#include "core/error.hpp"

namespace prefero {

CommitteeResult run_committee_with_bounds(const MethodInfo& method, const Profile& profile, int k, const Params& params,
                                          const Groups& groups, const GroupBounds& bounds, bool greedy) {
  auto objective = objective_for_rule(method.id, profile, k, params);
  if (!objective) {
    std::string ids;
    for (const auto& id : score_rule_ids()) ids += (ids.empty() ? "" : ", ") + id;
    throw InputError("rule '" + method.id + "' is not score-based, so it cannot take group bounds (rules that can: " + ids +
                     ")");
  }
  OptimizeOptions options;
  if (params.has("resolute")) options.all = !params.boolean("resolute");
  if (params.has("max_committees")) options.max_committees = static_cast<int>(std::clamp<int64_t>(params.integer("max_committees"), 1, 10000000));
  if (params.has("algorithm") && (params.text("algorithm") == "brute_force" || params.text("algorithm") == "ilp"))
    options.algorithm = params.text("algorithm");
  if (params.has("time_limit")) options.time_limit_seconds = std::max(0.0, params.number("time_limit"));
  CommitteeResult exact = optimal_committees(*objective, k, groups, bounds, options);
  exact.explanation["bounds"] = bounds_json(groups, bounds, profile.candidates);
  if (!greedy) return exact;
  const GreedyOutcome g = greedy_committee(*objective, k, groups, bounds);
  CommitteeResult r;
  r.committees = {g.committee};
  r.explanation["algorithm"] = "greedy";
  r.explanation["score"] = to_string(g.score);
  r.explanation["exact_score"] = exact.explanation.value("score", "");
  // proven: the greedy committee is optimal (zero gap to a proven optimum).
  r.proven = false;
  if (exact.proven && exact.explanation.contains("score")) {
    const Rational gap = Rational(exact.explanation["score"].get<std::string>()) - g.score;
    r.explanation["gap"] = to_string(gap);
    r.proven = gap == 0;
  }
  r.explanation["bounds"] = exact.explanation["bounds"];
  return r;
}

}  // namespace prefero
