#pragma once
// The Split Cycle defeat relation, shared by split_cycle and stable_voting.
#include <utility>
#include <vector>

#include "elect/margin_graph.hpp"

namespace prefero {

// (b, a) index pairs (into the candidate set of `sp`) such that b Split-Cycle-defeats a.
std::vector<std::pair<size_t, size_t>> split_cycle_defeats(const StrongestPaths& sp);

}  // namespace prefero
