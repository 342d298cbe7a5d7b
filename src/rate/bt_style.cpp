// Style control: Bradley–Terry with per-battle covariates, logit = s_a − s_b + β·z (FastChat's
// contextual Bradley–Terry), ties as half wins, L2 0.5 on strengths and β by default.
#include "rate/pair_rating.hpp"
#include "registry/registry.hpp"

namespace prefero::rate {
namespace {

// Li, Chiang et al. (2024), "Does style matter? Disentangling style and substance in Chatbot Arena" (LMSYS blog).
RatingResult bt_style(const Comparisons& c, const Params& p) {
  return rate_pair_model(c, p, PairModel::bt, true, "bt_style");
}

const Registration reg{MethodInfo{
    .id = "bt_style",
    .aliases = {"style_control"},
    .family = "rate",
    .input = "battles",
    .summary = "Bradley–Terry with per-battle covariates (style control): ratings net of the covariates' effect",
    .citation = "FastChat fit_contextual_bt (PR #3495, 2024); Chatbot Arena style control (LMSYS blog, Aug 2024)",
    .params = pair_model_params(true, "0.5"),
    .rate = bt_style,
}};

}  // namespace
}  // namespace prefero::rate
