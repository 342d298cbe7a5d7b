#pragma once
// Anchoring a finished rating: shift every rating and interval by one constant so that a named
// model has a given value (FastChat's `scale_and_offset` anchors mixtral-8x7b-instruct-v0.1 at
// 1114). For rating methods that do not anchor themselves (those that declare the `anchor`
// parameter also shift every bootstrap replicate); used by `prefero rate --anchor` and the
// service's leaderboard.
#include <string>

#include "rate/comparisons.hpp"

namespace prefero::rate {

struct Anchor {
  std::string model;
  double value = 0;
};

// "NAME=VALUE" or "NAME:VALUE" (split at the last '=' or, when there is none, the last ':').
// InputError naming `what` for anything else or a VALUE that is not a finite number.
Anchor parse_anchor(const std::string& spec, const std::string& what);

// Shifts every rating, ci_low and ci_high of `r` so that `a.model` is rated `a.value`, and records
// {"model", "value", "applied_by"} as r.explanation["anchor"]. InputError when `a.model` is not
// among the rated models.
void shift_to_anchor(const Comparisons& c, RatingResult& r, const Anchor& a, const std::string& applied_by);

}  // namespace prefero::rate
