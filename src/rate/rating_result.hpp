#pragma once
// Assembling a RatingResult: votes per model, rank_ub from the intervals, sorting best first,
// and the derived outputs (votes per pair, predicted win-rate matrix).
#include <vector>

#include "rate/comparisons.hpp"

namespace prefero::rate {

// Battles (pair rows) plus rankings each model took part in, by model index.
std::vector<double> votes_per_model(const Comparisons& c);

// One ModelRating per model (ci = rating when lo/hi are empty), rank_ub computed, sorted by
// rating (best first; equal ratings by model index).
RatingResult make_rating_result(const Comparisons& c, const std::vector<double>& rating,
                                const std::vector<double>& lo = {}, const std::vector<double>& hi = {});

// rank_ub = 1 + number of models whose ci_low is strictly above this model's ci_high
// (FastChat's "Rank (UB)"); recomputed in place.
void compute_rank_ub(std::vector<ModelRating>& ratings);

// [{"a","b","votes","a_wins","b_wins","ties"}] per unordered pair that met (a < b by index).
json pair_votes_json(const Comparisons& c);

}  // namespace prefero::rate
