#pragma once
// Renumbering a ballot's ranks to 0, 1, 2, ... (the form every Profile stores), shared by
// ProfileBuilder, the PrefLib reader's lenient dialect and the bulk level-matrix builder.
#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "core/profile.hpp"

namespace prefero {

// Renumbers the ranks in use in `row` to 0, 1, 2, ... keeping their order; kUnranked stays.
// `used` is scratch space (reused across calls to avoid allocation).
inline void compact_levels(std::span<int32_t> row, std::vector<int32_t>& used) {
  used.clear();
  for (int32_t l : row)
    if (l != kUnranked) used.push_back(l);
  std::sort(used.begin(), used.end());
  used.erase(std::unique(used.begin(), used.end()), used.end());
  if (used.empty() || used.back() == static_cast<int32_t>(used.size()) - 1) return;  // already compact
  for (int32_t& l : row)
    if (l != kUnranked) l = static_cast<int32_t>(std::lower_bound(used.begin(), used.end(), l) - used.begin());
}

}  // namespace prefero
