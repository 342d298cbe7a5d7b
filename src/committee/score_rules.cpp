// Ordinal score-based multiwinner rules: SNTV, Bloc, k-Borda, Chamberlin-Courant and Monroe with
// Borda utilities, all optimized exactly (every winning committee unless resolute=true).
#include "committee/score_rules.hpp"

#include "committee/approval_profile.hpp"
#include "committee/committee.hpp"
#include "committee/run_committee.hpp"
#include "committee/thiele.hpp"
#include "core/error.hpp"
#include "elect/positional.hpp"
#include "registry/registry.hpp"

namespace prefero {

std::vector<ParamSpec> optimize_params() {
  return {
      {"max_committees", ParamType::integer, "1000",
       "stop listing tied winning committees after this many (explanation.cap_reached says so)", {}},
      {"algorithm", ParamType::choice, "auto",
       "auto (top-k for separable scores, brute force when C(m,k) <= 20000, else ILP), brute_force, ilp (CBC)",
       {"auto", "brute_force", "ilp"}},
  };
}

OptimizeOptions optimize_options_of(const Params& params) {
  OptimizeOptions o;
  o.all = !params.has("resolute") || !params.boolean("resolute");
  const int64_t cap = params.integer("max_committees");
  if (cap < 1 || cap > 10000000) throw InputError("max_committees must be between 1 and 10^7");
  o.max_committees = static_cast<int>(cap);
  o.algorithm = params.text("algorithm");
  o.time_limit_seconds = params.has("time_limit") ? params.number("time_limit") : 0.0;
  if (o.time_limit_seconds < 0) throw InputError("time_limit must be >= 0");
  return o;
}

namespace {

bool share_unranked(const Params& params) {
  return !params.has("unranked_points") || unranked_points_of(params) == UnrankedPoints::share;
}

std::vector<Rational> positional(const Profile& p, const Params& params, const PositionPoints& points) {
  const auto unranked = share_unranked(params) ? UnrankedPoints::share : UnrankedPoints::zero;
  return positional_scores(p, all_candidates(p.num_candidates()), points, unranked);
}

void check_size(const Profile& p, int k, const std::string& rule) {
  if (k < 1 || k > p.num_candidates())
    throw InputError(rule + ": committee size " + std::to_string(k) + " is not between 1 and the number of candidates (" +
                     std::to_string(p.num_candidates()) + ")");
}

json scores_json(const Profile& p, const std::vector<Rational>& s) {
  json j = json::object();
  for (Cand c = 0; c < p.num_candidates(); ++c) j[std::to_string(p.id(c))] = to_string(s[static_cast<size_t>(c)]);
  return j;
}

CommitteeResult run(const std::string& rule, const Profile& p, int k, const Params& params) {
  check_size(p, k, rule);
  auto objective = objective_for_rule(rule, p, k, params);
  auto r = optimal_committees(*objective, k, {}, {}, optimize_options_of(params));
  if (!objective->separable.empty()) r.explanation["candidate_scores"] = scores_json(p, objective->separable);
  return r;
}

}  // namespace

std::vector<std::string> score_rule_ids() {
  return {"sntv", "bloc", "k_borda", "chamberlin_courant_borda", "monroe_borda", "av", "pav", "cc", "slav", "geom2", "thiele", "monroe"};
}

std::optional<CommitteeObjective> objective_for_rule(const std::string& rule_id, const Profile& p, int k,
                                                     const Params& params) {
  const MethodInfo* info = find_method(rule_id);
  const std::string id = info ? info->id : rule_id;
  if (id == "sntv")
    return separable_objective("sntv", positional(p, params, [](int, int pos) { return Rational(pos == 1 ? 1 : 0); }));
  if (id == "bloc")
    return separable_objective("bloc", positional(p, params, [k](int, int pos) { return Rational(pos <= k ? 1 : 0); }));
  if (id == "k_borda")
    return separable_objective("k_borda", positional(p, params, [](int m, int pos) { return Rational(m - pos); }));
  if (id == "chamberlin_courant_borda")
    return chamberlin_courant_objective(p, twice_borda_utilities(p, share_unranked(params)), 2);
  if (id == "monroe_borda") return monroe_objective(p, twice_borda_utilities(p, share_unranked(params)), 2, k);
  // Thiele rules (the approval-based rules' own ids, approval sets and weights).
  std::string score_id;
  if (id == "av" || id == "pav" || id == "slav" || id == "cc" || id == "geom2") score_id = id;
  else if (id == "thiele" && params.has("score")) score_id = params.text("score");
  if (score_id.empty() && id != "monroe") return std::nullopt;
  const ApprovalProfile a = approval_profile(p, params.has("approve_top") ? params.integer("approve_top") : 1);
  const int m = p.num_candidates();
  std::vector<char> approved(a.size() * static_cast<size_t>(m), 0);
  for (size_t b = 0; b < a.size(); ++b)
    for (Cand c : a.approved[b]) approved[b * static_cast<size_t>(m) + static_cast<size_t>(c)] = 1;
  if (id == "monroe") {  // approval Monroe: utility 1 for an approved representative (one ballot per profile ballot)
    std::vector<int64_t> utilities(approved.begin(), approved.end());
    return monroe_objective(p, std::move(utilities), 1, k);
  }
  std::vector<int64_t> weights = a.weights;
  return thiele_objective(id, m, std::move(approved), std::move(weights), thiele_marginals(score_id, k));
}

// Single non-transferable vote: the k candidates with the most first places.
CommitteeResult sntv(const Profile& p, int k, const Params& params) { return run("sntv", p, k, params); }
// Bloc voting: every voter gives one point to each of its top k candidates.
CommitteeResult bloc(const Profile& p, int k, const Params& params) { return run("bloc", p, k, params); }
// k-Borda (Debord 1992): the k candidates with the highest Borda scores.
CommitteeResult k_borda(const Profile& p, int k, const Params& params) { return run("k_borda", p, k, params); }
// Chamberlin & Courant 1983: minimize the total Borda misrepresentation, each voter represented by
// its favourite committee member.
CommitteeResult chamberlin_courant_borda(const Profile& p, int k, const Params& params) {
  return run("chamberlin_courant_borda", p, k, params);
}
// Monroe 1995: like Chamberlin-Courant, but each member represents floor(n/k) or ceil(n/k) voters.
CommitteeResult monroe_borda(const Profile& p, int k, const Params& params) { return run("monroe_borda", p, k, params); }

namespace {

std::vector<ParamSpec> ordinal_params() {
  auto specs = optimize_params();
  specs.push_back(unranked_points_param());
  return committee_params(std::move(specs));
}

const Registration sntv_registration{MethodInfo{
    .id = "sntv",
    .aliases = {"SNTV", "single_non_transferable_vote"},
    .family = "committee",
    .input = "ranking",
    .summary = "the k candidates with the most first places (tied first places share the point)",
    .citation = "e.g. E. Elkind, P. Faliszewski, P. Skowron, A. Slinko, Properties of multiwinner voting rules, SCW 48, 2017",
    .params = ordinal_params(),
    .committee = sntv}};
const Registration bloc_registration{MethodInfo{
    .id = "bloc",
    .aliases = {"Bloc", "block_voting", "k_approval"},
    .family = "committee",
    .input = "ranking",
    .summary = "every voter gives one point to each of its top k candidates; the k highest scores win",
    .citation = "E. Elkind, P. Faliszewski, P. Skowron, A. Slinko, Properties of multiwinner voting rules, SCW 48, 2017",
    .params = ordinal_params(),
    .committee = bloc}};
const Registration k_borda_registration{MethodInfo{
    .id = "k_borda",
    .aliases = {"k-Borda", "kborda"},
    .family = "committee",
    .input = "ranking",
    .summary = "the k candidates with the highest Borda scores (m - position; ties share)",
    .citation = "B. Debord, An axiomatic characterization of Borda's k-choice function, SCW 9, 1992",
    .params = ordinal_params(),
    .committee = k_borda}};
const Registration cc_registration{MethodInfo{
    .id = "chamberlin_courant_borda",
    .aliases = {"cc_borda", "chamberlin_courant_ordinal"},
    .family = "committee",
    .input = "ranking",
    .summary = "maximize the sum over voters of the Borda score of their favourite member (min misrepresentation)",
    .citation = "J. R. Chamberlin, P. N. Courant, Representative deliberations and representative decisions, APSR 77, 1983",
    .params = ordinal_params(),
    .committee = chamberlin_courant_borda}};
const Registration monroe_registration{MethodInfo{
    .id = "monroe_borda",
    .aliases = {"monroe_ordinal"},
    .family = "committee",
    .input = "ranking",
    .summary = "Chamberlin-Courant with balanced representation: each member represents floor(n/k) or ceil(n/k) voters",
    .citation = "B. L. Monroe, Fully proportional representation, APSR 89, 1995",
    .params = ordinal_params(),
    .committee = monroe_borda}};

}  // namespace

}  // namespace prefero
