#pragma once
// The shared driver of the paired-comparison MLE models (bradley_terry, rao_kupper, davidson,
// bt_style): parameters, estimability report, fit, rating scale, bootstrap or sandwich
// intervals, derived outputs.
#include <string>
#include <vector>

#include "rate/comparisons.hpp"
#include "rate/pair_model.hpp"
#include "registry/params.hpp"

namespace prefero::rate {

// Parameters of every paired-comparison MLE model; `style` adds bt_style's covariate options,
// `l2_default` is the penalty's default.
std::vector<ParamSpec> pair_model_params(bool style, const std::string& l2_default);

RatingResult rate_pair_model(const Comparisons& c, const Params& params, PairModel model, bool style,
                             const std::string& method_id);

}  // namespace prefero::rate
