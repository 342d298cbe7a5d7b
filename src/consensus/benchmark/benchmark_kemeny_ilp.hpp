#pragma once
// Exact Kemeny by ILP with lazily added 3-cycle rows (CBC), for benchmark tables (see .cpp).
#include <vector>

namespace prefero {

struct KemenyIlp {
  std::vector<int> order;       // an optimal strict ranking, best first; empty unless proven
  double cost = 0;
  double lower_bound = 0;       // proven bound on the optimal cost (the optimum when proven)
  bool proven_optimal = false;
  int rounds = 0;               // ILP solves
  size_t rows = 0;              // 3-cycle rows added
};

// strict[i][j] = (expected) number of task rankings with i strictly above j. time_limit 0 = none.
KemenyIlp kemeny_lazy_ilp(const std::vector<std::vector<double>>& strict, double time_limit_seconds);

}  // namespace prefero
