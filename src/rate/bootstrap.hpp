#pragma once
// Bootstrap in count space (FastChat's `compute_bootstrap_bt`): each replicate draws
// Multinomial(N, w/Σw) counts over the unique (pair × outcome) rows and refits. Replicate r uses
// its own generator seeded from (seed, r), and replicates are split over threads by index, so the
// result has the same bits for any thread count.
#include <cstdint>
#include <functional>
#include <vector>

#include "rate/comparisons.hpp"
#include "registry/params.hpp"
#include "registry/registry.hpp"

namespace prefero::rate {

// Multinomial(N = round(Σ weights), weights / Σ weights): one draw of rate/multinomial_sampler.hpp
// (exact; Poissonisation with per-row constants), stream SeededRng(seed, round).
std::vector<double> multinomial_counts(const std::vector<double>& weights, uint64_t seed, uint64_t round);

// Fits one replicate: row counts in, one rating per model out; false = the replicate is
// degenerate (e.g. a model lost every sampled battle) and is left out of the intervals.
using ReplicateFit = std::function<bool(const std::vector<double>& row_counts, std::vector<double>& ratings)>;

struct BootstrapResult {
  std::vector<std::vector<double>> replicates;  // [round][model]; NaN rows for degenerate rounds
  int degenerate = 0;
};

// threads <= 0: std::thread::hardware_concurrency().
BootstrapResult bootstrap(const std::vector<double>& row_weights, int rounds, uint64_t seed, int threads,
                          size_t num_models, const ReplicateFit& fit);

// The q-quantile (linear interpolation between order statistics, as pandas/numpy) of the
// finite values of column `model`; NaN when there are none.
double replicate_quantile(const BootstrapResult& b, size_t model, double q);

// Progress of long bootstraps (the CLI sets it when stderr is a terminal); called from worker
// threads under a lock, at most ~100 times per bootstrap. nullptr = silent.
using ProgressHook = void (*)(size_t done, size_t total);
void set_progress_hook(ProgressHook hook);

// Count-space bootstrap around any rating method: refits `method` on every replicate and sets
// ci_low/ci_high (percentiles alpha/2, 1 − alpha/2) and rank_ub in `result` (models matched by
// index). Used by the CLI for methods that declare no `bootstrap` parameter of their own.
void bootstrap_any(const MethodInfo& method, const Comparisons& c, const Params& params, RatingResult& result,
                   int rounds, uint64_t seed, int threads, double alpha);

}  // namespace prefero::rate
