#pragma once
// Online Elo (FastChat `compute_elo`, evalica `elo`) and its bootstrap over resampled battle
// orders (FastChat `get_bootstrap_result`).
#include <cstdint>
#include <vector>

#include "rate/comparisons.hpp"

namespace prefero {

struct EloSettings {
  double k = 4, base = 10, scale = 400, initial = 1000;
};

// One battle, expanded from a pair row: a's score s (1 win, 0.5 tie, 0 loss).
struct EloBattle {
  int a = 0, b = 0;
  double s = 0.5;
};

// Every battle of `c` in file order, counts expanded (weighted rows are refused).
std::vector<EloBattle> elo_battles(const Comparisons& c, const char* method);

// Replays `battles` in order from `initial` ratings; returns one rating per model.
std::vector<double> online_elo(const std::vector<EloBattle>& battles, size_t num_models, const EloSettings& s);

// `rounds` replicates: each resamples the battles (with replacement, as FastChat, or as a
// random permutation) and replays them. Row r of the result is replicate r; the draws of
// replicate r depend only on (seed, r), so any `threads` gives the same bits.
std::vector<std::vector<double>> elo_bootstrap(const std::vector<EloBattle>& battles, size_t num_models,
                                               const EloSettings& s, int rounds, uint64_t seed,
                                               bool with_replacement, int threads);

}  // namespace prefero
