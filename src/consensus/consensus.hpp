#pragma once
// What a consensus (rank aggregation) method returns: a ranking as tiers, its Kemeny cost (the
// distance users compare across methods), and for exact methods whether it is proven optimal.
#include <limits>
#include <vector>

#include "core/candidates.hpp"
#include "core/result.hpp"

namespace prefero {

using Ranking = std::vector<std::vector<Cand>>;  // tiers, best first; a tier is ascending

struct ConsensusResult {
  Ranking ranking;
  std::vector<Ranking> all_optimal;  // every optimal ranking (up to a cap) when asked for
  double cost = 0;                   // Kemeny (generalized Kendall) cost of `ranking`
  double lower_bound = 0;            // proven lower bound on the optimal cost
  bool proven_optimal = false;
  json explanation = json::object();
};

}  // namespace prefero
