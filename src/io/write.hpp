#pragma once
// Writing profiles back out (PrefLib new format), so anyone can recount with any tool.
#include <ostream>
#include <string>

#include "core/profile.hpp"

namespace prefero {

// The most restrictive PrefLib data type that fits the profile: soc, soi, toc, toi or cat.
std::string preflib_data_type(const Profile& p);
// Writes `p` in PrefLib's new format (headers, then `count: a, {b, c}, d` lines).
void write_preflib(const Profile& p, std::ostream& out);

}  // namespace prefero
