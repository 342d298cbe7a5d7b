#pragma once
// The rating scale shared by the paired-comparison models: rating = scale·log_base(strength) +
// init, mean-centred on init, or shifted so one anchor model has a fixed value (FastChat's
// `scale_and_offset`: mixtral-8x7b-instruct-v0.1 = 1114).
#include <optional>
#include <string>
#include <vector>

#include "rate/comparisons.hpp"
#include "registry/params.hpp"

namespace prefero::rate {

struct RatingScale {
  double scale = 400, base = 10, init = 1000;
  int anchor = -1;  // model index, or -1 for mean-centred
  double anchor_value = 0;
  double per_nat() const;  // rating points per natural-log unit of strength (scale / ln base)
};

// Parameters every rating model of this family declares: scale, base, init, anchor.
std::vector<ParamSpec> rating_scale_params();
// Reads them; `anchor` = NAME=VALUE must name a model of `c` (InputError otherwise).
RatingScale rating_scale(const Params& params, const Comparisons& c, const std::string& method_id);

// Ratings from natural-log strengths: centred (mean = init), then anchored if asked.
std::vector<double> to_ratings(const std::vector<double>& s, const RatingScale& sc);

}  // namespace prefero::rate
