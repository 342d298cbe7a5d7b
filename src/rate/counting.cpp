// Counting and average win rate: the two descriptive scores of evalica (D. Ustalov, Reliable,
// Reproducible, and Really Fast Leaderboards with Evalica, COLING 2025 demo).
#include <cmath>

#include "rate/rating_table.hpp"
#include "rate/win_matrix.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

// Counting: total win weight of each model, sum_j M[i][j] (wins + tie_weight * ties).
RatingResult counting_rate(const Comparisons& c, const Params& p) {
  const WinTie wt = win_tie_matrices(c, "counting");
  const std::vector<double> M = weighted_win_matrix(wt, p, "counting");
  std::vector<double> score(wt.n, 0.0);
  for (size_t i = 0; i < wt.n; ++i)
    for (size_t j = 0; j < wt.n; ++j) score[i] += M[i * wt.n + j];
  return rating_table(c, score);
}

// Average win rate: mean over the opponents met of M[i][j] / (M[i][j] + M[j][i]); a model with
// no (weighted) battle scores 0, as evalica.
RatingResult average_win_rate_rate(const Comparisons& c, const Params& p) {
  const WinTie wt = win_tie_matrices(c, "average_win_rate");
  const std::vector<double> M = weighted_win_matrix(wt, p, "average_win_rate");
  std::vector<double> score(wt.n, 0.0);
  for (size_t i = 0; i < wt.n; ++i) {
    double sum = 0;
    int met = 0;
    for (size_t j = 0; j < wt.n; ++j) {
      const double d = M[i * wt.n + j] + M[j * wt.n + i];
      if (i == j || d == 0) continue;
      sum += M[i * wt.n + j] / d;
      ++met;
    }
    score[i] = met ? sum / met : 0.0;
  }
  return rating_table(c, score);
}

}  // namespace

static const Registration counting_registration{MethodInfo{
    .id = "counting",
    .aliases = {},
    .family = "rate",
    .input = "battles",
    .summary = "total win weight of each model: wins x win_weight + ties x tie_weight (evalica counting)",
    .citation = "D. Ustalov, Reliable, Reproducible, and Really Fast Leaderboards with Evalica, COLING 2025 (demo); "
                "evalica counting",
    .params = win_weight_params(),
    .rate = counting_rate,
}};

static const Registration average_win_rate_registration{MethodInfo{
    .id = "average_win_rate",
    .aliases = {},
    .family = "rate",
    .input = "battles",
    .summary = "mean over the opponents met of the weighted win fraction M_ij / (M_ij + M_ji) (evalica "
               "average_win_rate; FastChat's average win rate bar)",
    .citation = "D. Ustalov, Reliable, Reproducible, and Really Fast Leaderboards with Evalica, COLING 2025 (demo); "
                "evalica average_win_rate",
    .params = win_weight_params(),
    .rate = average_win_rate_rate,
}};

}  // namespace prefero
