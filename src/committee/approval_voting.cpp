// Approval voting (AV) and satisfaction approval voting (SAV) as committee rules.
#include "committee/approval_profile.hpp"
#include "committee/run_committee.hpp"
#include "committee/separable.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

CommitteeResult separable_rule(const Profile& p, int k, const Params& params, bool satisfaction) {
  ApprovalProfile a = approval_profile(p, params);
  std::vector<Rational> score(static_cast<size_t>(a.num_candidates), Rational(0));
  for (size_t b = 0; b < a.size(); ++b)
    for (Cand c : a.approved[b])
      score[static_cast<size_t>(c)] +=
          satisfaction ? Rational(a.weights[b], static_cast<long>(a.approved[b].size())) : Rational(a.weights[b]);
  for (auto& s : score) s.canonicalize();
  CommitteeResult r = best_separable(score, k, params.boolean("resolute"));
  json scores = json::object();
  for (Cand c = 0; c < a.num_candidates; ++c) scores[p.name(c)] = to_string(score[static_cast<size_t>(c)]);
  r.explanation["candidate_scores"] = scores;
  return r;
}

}  // namespace

// Approval voting, multiwinner (Brams & Fishburn 1978; Lackner & Skowron 2023, §2.2): the k most approved.
CommitteeResult av_committee(const Profile& p, int k, const Params& params) { return separable_rule(p, k, params, false); }

// Satisfaction approval voting (Brams & Kilgour 2014): a voter's point is split among its approved candidates.
CommitteeResult sav_committee(const Profile& p, int k, const Params& params) { return separable_rule(p, k, params, true); }

static const Registration av_registration{MethodInfo{
    .id = "av",
    .aliases = {"approval_committee", "AV"},
    .family = "committee",
    .input = "approval",
    .summary = "Approval Voting: the k candidates with the most approvals (every tie completion when irresolute)",
    .citation = "S. J. Brams, P. C. Fishburn, Approval voting, APSR 72(3), 1978; Lackner & Skowron, Multi-Winner "
                "Voting with Approval Preferences, Springer 2023",
    .params = committee_params({}),
    .committee = av_committee,
}};

static const Registration sav_registration{MethodInfo{
    .id = "sav",
    .aliases = {"SAV", "satisfaction_approval"},
    .family = "committee",
    .input = "approval",
    .summary = "Satisfaction Approval Voting: each voter gives 1/|A_v| to every approved candidate; the k best",
    .citation = "S. J. Brams, D. M. Kilgour, Satisfaction approval voting, in Voting Power and Procedures, 2014",
    .params = committee_params({}),
    .committee = sav_committee,
}};

}  // namespace prefero
