#pragma once
// JSON shapes shared by the subcommands (and mirrored by the Python and HTTP faces).
#include "core/result.hpp"
#include "registry/registry.hpp"

namespace prefero {

json method_json(const MethodInfo& m);
json profile_json(const Profile& p);
json elect_json(const Profile& p, const ElectOutcome& outcome);

}  // namespace prefero
