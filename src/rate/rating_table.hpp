#pragma once
// Shared plumbing of the rating models in this folder: turning one score per model (and
// optional interval bounds) into a RatingResult sorted best first with rank_ub and votes, the
// battles each model took part in, and percentile intervals of bootstrap replicates.
#include <string>
#include <vector>

#include "rate/comparisons.hpp"

namespace prefero {

// Battles (pair rows, weighted by count) plus rankings each model took part in.
std::vector<double> votes_per_model(const Comparisons& c);

// One rating per model; `low`/`high` empty = no interval (bounds equal the rating).
// Sorted by rating, best first (ties by model index); rank_ub = 1 + #models whose ci_low is
// strictly above this model's ci_high (FastChat's "Rank (UB)").
RatingResult rating_table(const Comparisons& c, const std::vector<double>& rating,
                          const std::vector<double>& low = {}, const std::vector<double>& high = {});

// The q-quantile (0 <= q <= 1) of `xs` with linear interpolation between order statistics
// (numpy/pandas' default); `xs` is reordered.
double quantile_linear(std::vector<double>& xs, double q);

// The score a of a pair row earns: 1 a wins, 0 b wins, 0.5 for both kinds of tie.
double outcome_score(Outcome o);

// An InputError unless `count` is a whole number in [0, 2^53]: online models replay each
// battle, so weighted rows are refused with this message.
long long whole_count(const std::string& method, double count);

}  // namespace prefero
