// The optimisation Thiele rules: PAV, SLAV, CC, geom2, any Thiele score function, lex-CC and Adams.
#include "committee/run_committee.hpp"
#include "committee/thiele.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

const std::vector<std::string> kAlgorithms = {"auto", "brute-force", "branch-and-bound", "ilp"};

CommitteeResult run_thiele(const Profile& p, int k, const Params& params, const std::string& score_id) {
  ApprovalProfile a = approval_profile(p, params);
  ScaledThiele t = scale_thiele(thiele_marginals(score_id, k), a);
  CommitteeResult r = thiele_optimal(a, k, t, solve_settings(params));
  r.explanation["score_function"] = score_id;
  return r;
}

}  // namespace

// Proportional Approval Voting (Thiele 1895; Kilgour 2010): weights 1, 1/2, 1/3, ...
CommitteeResult pav(const Profile& p, int k, const Params& params) { return run_thiele(p, k, params, "pav"); }
// Sainte-Laguë Approval Voting (Lackner & Skowron 2020): weights 1, 1/3, 1/5, ...
CommitteeResult slav(const Profile& p, int k, const Params& params) { return run_thiele(p, k, params, "slav"); }
// Approval Chamberlin–Courant (Chamberlin & Courant 1983; Procaccia et al. 2008): weights 1, 0, 0, ...
CommitteeResult cc(const Profile& p, int k, const Params& params) { return run_thiele(p, k, params, "cc"); }
// 2-geometric Thiele rule (Lackner & Skowron 2020): weights 1, 1/2, 1/4, ...
CommitteeResult geom2(const Profile& p, int k, const Params& params) { return run_thiele(p, k, params, "geom2"); }
// Any Thiele method (Thiele 1895), score function given by the `score` parameter.
CommitteeResult thiele(const Profile& p, int k, const Params& params) {
  return run_thiele(p, k, params, params.text("score"));
}

// Lexicographic Chamberlin–Courant (Lackner & Skowron 2023): maximise the voters with >= 1 approved
// member, then those with >= 2, ...
CommitteeResult lexcc(const Profile& p, int k, const Params& params) {
  ApprovalProfile a = approval_profile(p, params);
  std::vector<ScaledThiele> ts;
  for (int l = 1; l <= k; ++l) ts.push_back(scale_thiele(thiele_marginals("atleast" + std::to_string(l), k), a));
  return lex_thiele_optimal(a, k, ts, solve_settings(params));
}

// Adams' method as a Thiele rule (Lackner & Skowron 2023): weights (infinity, 1, 1/2, 1/3, ...) =
// maximise the CC score, then among those the PAV score of the seats beyond each voter's first.
CommitteeResult adams(const Profile& p, int k, const Params& params) {
  ApprovalProfile a = approval_profile(p, params);
  std::vector<ScaledThiele> ts{scale_thiele(thiele_marginals("cc", k), a),
                               scale_thiele(thiele_marginals("adams_tail", k), a)};
  return lex_thiele_optimal(a, k, ts, solve_settings(params));
}

namespace {
MethodInfo thiele_info(std::string id, std::vector<std::string> aliases, std::string summary, std::string citation,
                       CommitteeFn fn, std::vector<ParamSpec> own = {}) {
  own.insert(own.begin(), algorithm_param("auto", kAlgorithms));
  return MethodInfo{.id = std::move(id),
                    .aliases = std::move(aliases),
                    .family = "committee",
                    .input = "approval",
                    .summary = std::move(summary),
                    .citation = std::move(citation),
                    .params = committee_params(std::move(own)),
                    .committee = fn};
}
MethodInfo lex_info(std::string id, std::vector<std::string> aliases, std::string summary, std::string citation,
                    CommitteeFn fn) {
  return MethodInfo{.id = std::move(id),
                    .aliases = std::move(aliases),
                    .family = "committee",
                    .input = "approval",
                    .summary = std::move(summary),
                    .citation = std::move(citation),
                    .params = committee_params({algorithm_param("auto", {"auto", "brute-force"})}),
                    .committee = fn};
}
}  // namespace

static const Registration pav_registration{thiele_info(
    "pav", {"PAV", "proportional_approval_voting"},
    "Proportional Approval Voting: the committees maximising sum over voters of 1 + 1/2 + ... + 1/|A_v ∩ W|",
    "T. N. Thiele 1895; D. M. Kilgour, Approval balloting for multi-winner elections, 2010", pav)};
static const Registration slav_registration{thiele_info(
    "slav", {"SLAV"}, "Sainte-Laguë Approval Voting: Thiele rule with weights 1, 1/3, 1/5, ...",
    "M. Lackner, P. Skowron, Utilitarian welfare and representation guarantees of approval-based multiwinner "
    "rules, AIJ 288, 2020",
    slav)};
static const Registration cc_registration{thiele_info(
    "cc", {"CC", "chamberlin_courant_approval"},
    "Approval Chamberlin–Courant: the committees maximising the number of voters with an approved member",
    "J. R. Chamberlin, P. N. Courant, APSR 77(3), 1983; A. D. Procaccia, J. S. Rosenschein, A. Zohar, 2008", cc)};
static const Registration geom2_registration{thiele_info(
    "geom2", {}, "2-geometric Thiele rule: weights 1, 1/2, 1/4, ...",
    "M. Lackner, P. Skowron, Utilitarian welfare and representation guarantees of approval-based multiwinner "
    "rules, AIJ 288, 2020",
    geom2)};
static const Registration thiele_registration{thiele_info(
    "thiele", {"thiele_method"},
    "any Thiele method: maximise sum over voters of w(1) + ... + w(|A_v ∩ W|), w given by `score`",
    "T. N. Thiele, Om flerfoldsvalg, 1895; Lackner & Skowron, Multi-Winner Voting with Approval Preferences, 2023",
    thiele,
    {{"score", ParamType::text, "pav",
      "marginal weights: av, pav, slav, cc, geom<p> (e.g. geom3, geom1.5), atleast<l>, or a list 1,1/2,1/3 (the "
      "last entry repeats)",
      {}}})};
static const Registration lexcc_registration{lex_info(
    "lexcc", {"lex-cc", "lexicographic_cc"},
    "lexicographic Chamberlin–Courant: maximise the voters with >= 1 approved member, then >= 2, ...",
    "M. Lackner, P. Skowron, Multi-Winner Voting with Approval Preferences, Springer 2023", lexcc)};
static const Registration adams_registration{lex_info(
    "adams", {"Adams"},
    "Adams' method as a Thiele rule: maximise the CC score, then sum over voters of 1 + 1/2 + ... for the "
    "approved members beyond the first",
    "M. Lackner, P. Skowron, Multi-Winner Voting with Approval Preferences, Springer 2023 (Thiele weights "
    "(inf, 1, 1/2, ...))",
    adams)};

}  // namespace prefero
