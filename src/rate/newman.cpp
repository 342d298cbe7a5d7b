// Newman's ties model: M. E. J. Newman, Efficient computation of rankings from pairwise
// comparisons, JMLR 24(238), 2023 (Davidson-style ties with one tie parameter v), iterated as
// evalica's `newman`.
#include <cfloat>
#include <cmath>

#include "core/error.hpp"
#include "rate/rating_table.hpp"
#include "rate/win_matrix.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

double finite_or(double x, double nan_value) {
  if (std::isnan(x)) return nan_value;
  if (std::isinf(x)) return x > 0 ? DBL_MAX : -DBL_MAX;
  return x;
}

// P(i beats j) = s_i / (s_i + s_j + 2 v sqrt(s_i s_j)), P(tie) = 2 v sqrt(s_i s_j) / (same).
// One Jacobi sweep of Newman's fixed-point equations from s = 1, v = v_init: the scores use
// the current v, then v is re-estimated from the same (old) scores; W = wins, T = ties
// (T[i][j] = T[j][i]), ties count half for each side in the score equations.
RatingResult newman_rate(const Comparisons& c, const Params& p) {
  const WinTie wt = win_tie_matrices(c, "newman");
  double tolerance = 0;
  int limit = 0;
  iteration_settings(p, "newman", tolerance, limit);
  double v_new = p.number("v_init");
  if (!std::isfinite(v_new)) throw InputError("newman: v_init must be finite");
  const size_t n = wt.n;
  std::vector<double> s(n, 1.0), next(n);
  double v = v_new;
  int iterations = 0;
  bool converged = false;
  while (!converged && iterations < limit) {
    ++iterations;
    v = finite_or(v_new, tolerance);
    double v_num = 0, v_den = 0;
    for (size_t i = 0; i < n; ++i) {
      double num = 0, den = 0;
      for (size_t j = 0; j < n; ++j) {
        const double sq = std::sqrt(s[i] * s[j]), sum = s[i] + s[j];
        const double common = sum + 2 * v * sq;
        const double half_ij = wt.w(i, j) + wt.t(i, j) / 2, half_ji = wt.w(j, i) + wt.t(j, i) / 2;
        if (half_ij != 0) num += half_ij * (s[j] + v * sq) / common;
        if (half_ji != 0) den += half_ji * (1 + v * std::sqrt(s[j] / s[i])) / common;
        if (wt.t(i, j) != 0) v_num += wt.t(i, j) * sum / common;
        if (wt.w(i, j) != 0) v_den += wt.w(i, j) * sq / common;
      }
      next[i] = finite_or(num / den, tolerance);
    }
    v_new = (v_num / 2) / (v_den * 2);
    double diff = 0;
    for (size_t i = 0; i < n; ++i) diff += (next[i] - s[i]) * (next[i] - s[i]);
    converged = std::sqrt(diff) < tolerance;
    s.swap(next);
  }
  RatingResult out = rating_table(c, s);
  out.explanation = {{"v", v}, {"iterations", iterations}, {"converged", converged}};
  return out;
}

}  // namespace

static std::vector<ParamSpec> newman_params() {
  auto ps = iteration_params();
  ps.push_back({"v_init", ParamType::number, "0.5", "starting value of the tie parameter v (evalica 0.5)", {}});
  return ps;
}

static const Registration newman_registration{MethodInfo{
    .id = "newman",
    .aliases = {},
    .family = "rate",
    .input = "battles",
    .summary = "Newman's (2023) pairwise model with ties (one tie parameter v), fixed-point iteration as evalica; "
               "scores are strengths (not normalised), v in the explanation",
    .citation = "M. E. J. Newman, Efficient computation of rankings from pairwise comparisons, JMLR 24(238), 2023; "
                "evalica newman",
    .params = newman_params(),
    .rate = newman_rate,
}};

}  // namespace prefero
