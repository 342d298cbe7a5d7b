#pragma once
// Convergence study of matchmaking policies: votes are drawn from a known ground truth
// (Plackett-Luce strengths exp(theta_i), theta evenly spaced; a K-wise vote ranks the K shown
// models by theta + Gumbel noise, which for K = 2 is Bradley-Terry), an online estimator is
// updated after every vote, and at checkpoints (a geometric grid) we record whether Kendall's
// tau between estimate and truth is >= tau_target and whether the top model is right. Reported:
// the first checkpoint at which each event holds in at least `confidence` of the runs.
#include <cstdint>
#include <string>
#include <vector>

#include "rate/matchmaking.hpp"

namespace prefero {

struct SimulationSettings {
  int models = 10;
  double spread = 3.0;          // theta_best - theta_worst, natural-log units
  int k = 2;                    // models per vote
  std::string estimator = "weng_lin";  // weng_lin (online Plackett-Luce, openskill defaults) or elo (K=4, pairs)
  int runs = 40;
  int64_t max_votes = 20000;
  double grid_ratio = 1.1;      // checkpoint c_{j+1} = ceil(c_j * ratio)
  double tau_target = 0.9;
  double confidence = 0.95;
  uint64_t seed = 1;
};

struct PolicyConvergence {
  std::string policy;
  int64_t votes_tau = -1;   // -1 = not reached within max_votes
  int64_t votes_top1 = -1;
  double final_mean_tau = 0;
};

std::vector<PolicyConvergence> simulate_convergence(const SimulationSettings& s,
                                                    const std::vector<std::string>& policies);

// Kendall's tau-a between two score vectors (ties in `estimate` count as neither).
double kendall_tau(const std::vector<double>& estimate, const std::vector<double>& truth);

}  // namespace prefero
