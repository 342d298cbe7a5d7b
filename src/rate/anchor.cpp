#include "rate/anchor.hpp"

#include <charconv>
#include <cmath>

#include "core/error.hpp"

namespace prefero::rate {

Anchor parse_anchor(const std::string& spec, const std::string& what) {
  auto sep = spec.rfind('=');
  if (sep == std::string::npos) sep = spec.rfind(':');
  if (sep == std::string::npos || sep == 0)
    throw InputError(what + " '" + spec + "': expected NAME=VALUE (or NAME:VALUE)");
  Anchor a;
  a.model = spec.substr(0, sep);
  const std::string value = spec.substr(sep + 1);
  auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), a.value);
  if (value.empty() || ec != std::errc() || p != value.data() + value.size() || !std::isfinite(a.value))
    throw InputError(what + " '" + spec + "': VALUE must be a number");
  return a;
}

void shift_to_anchor(const Comparisons& c, RatingResult& r, const Anchor& a, const std::string& applied_by) {
  const ModelRating* found = nullptr;
  for (const auto& x : r.ratings)
    if (c.models[static_cast<size_t>(x.model)] == a.model) found = &x;
  if (!found) throw InputError("anchor: model '" + a.model + "' is not rated here");
  const double shift = a.value - found->rating;
  for (auto& x : r.ratings) x.rating += shift, x.ci_low += shift, x.ci_high += shift;
  r.explanation["anchor"] = {{"model", a.model}, {"value", a.value}, {"applied_by", applied_by}};
}

}  // namespace prefero::rate
