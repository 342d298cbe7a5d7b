#pragma once
// A profile from a dense matrix of ballots in one go (the bulk path of the Python bindings and any
// caller holding ballots in memory): rows x m levels, identical rows merged through the readers'
// flat hash table (io/ballot_table.hpp) instead of ProfileBuilder's ballot-at-a-time buckets. The
// result equals ProfileBuilder's for the same rows (first appearance keeps its position; ranking
// levels compacted to 0, 1, 2, ...; categorical levels kept as given).
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/profile.hpp"

namespace prefero {

// levels[r * m + c]: ballot r's level of candidate c (0 = top, equal = tied, kUnranked = -1);
// counts[r] >= 1. InputError naming the row for a count < 1 or a level < -1.
Profile profile_from_level_matrix(Candidates candidates, BallotKind kind, std::span<const int32_t> levels,
                                  std::span<const int64_t> counts, std::vector<std::string> category_names = {});

}  // namespace prefero
