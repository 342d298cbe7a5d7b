#include "committee/run_committee.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace prefero {

std::vector<ParamSpec> common_committee_params() {
  return {
      {"resolute", ParamType::boolean, "false",
       "true: one winning committee; false: every winning committee (sequential rules: every committee "
       "reachable by some tie-break)",
       {}},
      {"time_limit", ParamType::number, "0",
       "seconds for an exact solver (0 = none); when it runs out the best committee found is returned with "
       "proven=false",
       {}},
      {"approve_top", ParamType::integer, "1",
       "what a ballot approves: categorical files categories 0..K-1, rankings their first K indifference "
       "classes (abcvoting's top_ranks)",
       {}},
  };
}

std::vector<ParamSpec> committee_params(std::vector<ParamSpec> own) {
  for (auto& p : common_committee_params()) own.push_back(std::move(p));
  return own;
}

CommitteeOutcome run_committee(const MethodInfo& method, const Profile& profile, int committee_size,
                               const std::map<std::string, std::string>& given) {
  if (!method.committee)
    throw InputError("'" + method.id + "' is not a committee rule (family " + method.family + ")");
  CommitteeOutcome out;
  out.method = &method;
  out.params = resolve_params(method.id, method.params, given);
  out.committee_size = committee_size;
  if (profile.num_candidates() == 0) throw InputError("the profile has no candidates");
  if (committee_size < 1 || committee_size > profile.num_candidates())
    throw InputError("committee size " + std::to_string(committee_size) + " must be between 1 and the number of " +
                     "candidates (" + std::to_string(profile.num_candidates()) + ")");
  if (out.params.has("time_limit") && out.params.number("time_limit") < 0)
    throw InputError("time_limit must be >= 0 seconds");
  out.result = method.committee(profile, committee_size, out.params);
  auto& cs = out.result.committees;
  for (auto& c : cs) std::sort(c.begin(), c.end());
  std::sort(cs.begin(), cs.end());
  cs.erase(std::unique(cs.begin(), cs.end()), cs.end());
  if (out.params.has("resolute") && out.params.boolean("resolute") && cs.size() > 1) cs.resize(1);
  return out;
}

json committee_json(const Profile& p, const CommitteeOutcome& o) {
  json committees = json::array();
  // Files whose candidate ids are text (Pabulib project ids) keep them as the candidates' names.
  const bool by_name = std::find(p.metadata.begin(), p.metadata.end(),
                                 std::pair<std::string, std::string>{"candidate_key", "name"}) != p.metadata.end();
  for (const auto& c : o.result.committees) {
    if (by_name) {
      std::vector<std::string> names;
      for (Cand x : c) names.push_back(p.name(x));
      std::sort(names.begin(), names.end());
      committees.push_back(names);
      continue;
    }
    std::vector<int64_t> ids;
    for (Cand x : c) ids.push_back(p.id(x));
    std::sort(ids.begin(), ids.end());
    committees.push_back(ids);
  }
  return {{"rule", o.method->id},
          {"size", o.committee_size},
          {"committees", committees},
          {"proven", o.result.proven},
          {"params", o.params.values()},
          {"explanation", o.result.explanation}};
}

}  // namespace prefero
