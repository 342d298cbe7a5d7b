#include "rate/rating_scale.hpp"

#include <charconv>
#include <cmath>

#include "core/error.hpp"

namespace prefero::rate {

double RatingScale::per_nat() const { return scale / std::log(base); }

std::vector<ParamSpec> rating_scale_params() {
  return {
      {"scale", ParamType::number, "400", "rating points per factor `base` in odds (FastChat: 400)", {}},
      {"base", ParamType::number, "10", "odds base of the rating scale (FastChat: 10)", {}},
      {"init", ParamType::number, "1000", "mean rating when no anchor is given (FastChat: 1000)", {}},
      {"anchor", ParamType::text, "",
       "NAME=VALUE: shift every rating (and every bootstrap replicate) so model NAME has VALUE; empty = mean-centred "
       "(Chatbot Arena 2024: mixtral-8x7b-instruct-v0.1=1114)",
       {}},
  };
}

RatingScale rating_scale(const Params& params, const Comparisons& c, const std::string& method_id) {
  RatingScale sc;
  sc.scale = params.number("scale");
  sc.base = params.number("base");
  sc.init = params.number("init");
  if (!(sc.scale > 0) || !(sc.base > 1) || !std::isfinite(sc.scale) || !std::isfinite(sc.base) || !std::isfinite(sc.init))
    throw InputError(method_id + ": scale must be > 0, base > 1 and init finite");
  const std::string& a = params.text("anchor");
  if (!a.empty()) {
    auto eq = a.rfind('=');
    if (eq == std::string::npos || eq == 0)
      throw InputError(method_id + ": anchor '" + a + "': expected NAME=VALUE (e.g. mixtral-8x7b-instruct-v0.1=1114)");
    std::string name = a.substr(0, eq), value = a.substr(eq + 1);
    double v = 0;
    auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (ec != std::errc() || p != value.data() + value.size() || !std::isfinite(v))
      throw InputError(method_id + ": anchor value '" + value + "' is not a number");
    for (size_t i = 0; i < c.models.size(); ++i)
      if (c.models[i] == name) sc.anchor = static_cast<int>(i);
    if (sc.anchor < 0) throw InputError(method_id + ": anchor model '" + name + "' does not appear in the input");
    sc.anchor_value = v;
  }
  return sc;
}

std::vector<double> to_ratings(const std::vector<double>& s, const RatingScale& sc) {
  double mean = 0;
  for (double v : s) mean += v;
  mean = s.empty() ? 0 : mean / static_cast<double>(s.size());
  std::vector<double> r(s.size());
  for (size_t i = 0; i < s.size(); ++i) r[i] = (s[i] - mean) * sc.per_nat() + sc.init;
  if (sc.anchor >= 0) {
    double shift = sc.anchor_value - r[static_cast<size_t>(sc.anchor)];
    for (double& v : r) v += shift;
  }
  return r;
}

}  // namespace prefero::rate
