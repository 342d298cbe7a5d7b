#include "committee/phragmen_params.hpp"

#include <algorithm>

#include "committee/run_committee.hpp"

namespace prefero {

std::vector<ParamSpec> phragmen_mode_params() { return committee_params({}); }

bool resolute_mode(const Params& params) { return params.has("resolute") && params.boolean("resolute"); }

}  // namespace prefero
