// Davidson tie model: P(a≻b) = p_a / (p_a + p_b + ν√(p_a p_b)), P(tie) = ν√(p_a p_b) / (same); ν fitted.
#include "rate/pair_rating.hpp"
#include "registry/registry.hpp"

namespace prefero::rate {
namespace {

// Davidson, R. R. (1970). JASA 65(329), 317–328.
RatingResult davidson(const Comparisons& c, const Params& p) {
  return rate_pair_model(c, p, PairModel::davidson, false, "davidson");
}

const Registration reg{MethodInfo{
    .id = "davidson",
    .aliases = {},
    .family = "rate",
    .input = "battles",
    .summary = "Davidson paired comparisons with ties (tie propensity ν fitted; reported in the explanation)",
    .citation = "Davidson (1970), JASA 65:317–328",
    .params = pair_model_params(false, "0"),
    .rate = davidson,
}};

}  // namespace
}  // namespace prefero::rate
