#pragma once
// Running a committee rule from the registry: the parameters every committee rule accepts, the
// checks on the committee size, and the normalisation of the result (sorted, no repeats).
//
// Resolute or irresolute is the common parameter `resolute` (default false = every winning
// committee; for sequential rules every committee some tie-break reaches). `resolute=true` asks
// for one committee; rules use it to stop early (optimisation rules return the first optimal
// committee found, sequential rules break ties towards the lowest candidate index, as abcvoting).
#include <map>
#include <string>
#include <vector>

#include "committee/committee.hpp"
#include "core/profile.hpp"
#include "registry/registry.hpp"

namespace prefero {

// approve_top, resolute, time_limit (appended to each committee rule's own parameters).
std::vector<ParamSpec> common_committee_params();
// `own` followed by the common parameters: use as `.params = committee_params({...})`.
std::vector<ParamSpec> committee_params(std::vector<ParamSpec> own);

struct CommitteeOutcome {
  const MethodInfo* method = nullptr;
  Params params;  // every parameter with the value used
  int committee_size = 0;
  CommitteeResult result;
};

// Resolves the parameters, checks 1 <= committee_size <= number of candidates, runs the rule and
// normalises the result (each committee ascending, the list sorted, duplicates removed; one
// committee when resolute).
CommitteeOutcome run_committee(const MethodInfo& method, const Profile& profile, int committee_size,
                               const std::map<std::string, std::string>& given_params);

// {"rule","size","committees":[[ids ascending],...],"proven","params","explanation"} with
// candidates named by their external ids.
json committee_json(const Profile& profile, const CommitteeOutcome& outcome);

}  // namespace prefero
