// Rao–Kupper tie model: P(a≻b) = σ(d − η), P(b≻a) = σ(−d − η), P(tie) = the rest; η fitted.
#include "rate/pair_rating.hpp"
#include "registry/registry.hpp"

namespace prefero::rate {
namespace {

// Rao, P. V. & Kupper, L. L. (1967). JASA 62(317), 194–204.
RatingResult rao_kupper(const Comparisons& c, const Params& p) {
  return rate_pair_model(c, p, PairModel::rao_kupper, false, "rao_kupper");
}

const Registration reg{MethodInfo{
    .id = "rao_kupper",
    .aliases = {},
    .family = "rate",
    .input = "battles",
    .summary = "Rao–Kupper paired comparisons with ties (threshold η fitted; reported in the explanation)",
    .citation = "Rao & Kupper (1967), JASA 62:194–204; logit form as in leaderbot (Ameli et al., ICLR 2025)",
    .params = pair_model_params(false, "0"),
    .rate = rao_kupper,
}};

}  // namespace
}  // namespace prefero::rate
