#pragma once
// Mixture of Bradley–Terry models over latent voter groups, fitted by EM (the preference model
// of MaxMin-RLHF, Chakraborty et al. 2024): each voter belongs to one of K groups with
// probability π_k, and all of a voter's battles follow group k's Bradley–Terry strengths s_k
// (ties as half a win for each side, as in bradley_terry).
//   E-step  r_vk ∝ π_k · Π_{battles of v} P_k(outcome)
//   M-step  π_k = mean_v r_vk; s_k = the Bradley–Terry MLE of the battles weighted by r_vk
// The egalitarian (max–min) score of a model is its minimum over groups of its group rating.
#include <cstdint>
#include <vector>

#include "rate/comparisons.hpp"

namespace prefero::rate {

struct BtMixtureSpec {
  int groups = 2;
  uint64_t seed = 0;
  int restarts = 4;        // EM runs from seeded random strengths; the best log-likelihood wins
  int max_iter = 500;      // EM iterations per run
  double tol = 1e-8;       // stop when the log-likelihood gains less than tol·(1 + |log L|)
  bool drop_bothbad = false;
  double l2 = 0;           // penalty (l2/2)·Σθ² per group, θ = s/ln(base)
  double ln_base = 2.302585092994046;
  // M-step weights are max(r_vk, floor): every group keeps the support of the full data, so its
  // MLE stays finite whenever the full data's is (responsibilities can underflow to 0).
  double floor = 1e-9;
};

struct BtMixtureFit {
  std::vector<std::vector<double>> s;     // per group: natural-log strengths, mean 0
  std::vector<double> weights;            // mixing weights π_k, sorted descending (groups in that order)
  std::vector<std::vector<double>> resp;  // per voter (Comparisons::voters order): r_vk
  double loglik = 0;                      // observed-data log-likelihood Σ_v log Σ_k π_k L_vk
  int iterations = 0;                     // EM iterations of the winning run
  bool converged = false;
  int best_restart = 0;
};

// Needs every pair row to carry a voter (InputError otherwise). Deterministic for a seed.
BtMixtureFit fit_bt_mixture(const Comparisons& c, const BtMixtureSpec& spec);

}  // namespace prefero::rate
