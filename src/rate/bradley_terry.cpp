// Bradley–Terry maximum likelihood on the rating scale (Bradley & Terry 1952; Zermelo 1929),
// ties as half a win for each side, as in FastChat's Chatbot Arena leaderboard.
#include "rate/pair_rating.hpp"
#include "registry/registry.hpp"

namespace prefero::rate {
namespace {

// Bradley, R. A. & Terry, M. E. (1952). Biometrika 39(3/4), 324–345.
RatingResult bradley_terry(const Comparisons& c, const Params& p) {
  return rate_pair_model(c, p, PairModel::bt, false, "bradley_terry");
}

const Registration reg{MethodInfo{
    .id = "bradley_terry",
    .aliases = {"bt"},
    .family = "rate",
    .input = "battles",
    .summary = "Bradley–Terry MLE on the rating scale (scale·log_base + init), ties as half a win, bootstrap or "
               "sandwich intervals",
    .citation = "Bradley & Terry (1952), Biometrika 39:324–345; Chiang et al. (2024), Chatbot Arena, arXiv 2403.04132",
    .params = pair_model_params(false, "0"),
    .rate = bradley_terry,
}};

}  // namespace
}  // namespace prefero::rate
