// Spectral scores of the win matrix: eigenvector centrality (J. P. Keener, The Perron-Frobenius
// theorem and the ranking of football teams, SIAM Review 35, 1993) and PageRank (S. Brin,
// L. Page, 1998), computed by power iteration as evalica's `eigen` and `pagerank`.
#include <cmath>
#include <string>

#include "core/error.hpp"
#include "rate/rating_table.hpp"
#include "rate/win_matrix.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

struct PowerResult {
  std::vector<double> s;
  int iterations = 0;
  bool converged = false;
};

// Power iteration s <- A^T s / ||A^T s||_2 from s = 1/n (evalica's `eigen`), stopping when
// ||s_new - s||_2 < tolerance; a zero product keeps its unnormalised value.
PowerResult power_iteration_transposed(const std::vector<double>& A, size_t n, double tolerance, int limit) {
  PowerResult r;
  r.s.assign(n, n ? 1.0 / static_cast<double>(n) : 0.0);
  std::vector<double> next(n);
  while (!r.converged && r.iterations < limit) {
    ++r.iterations;
    for (size_t j = 0; j < n; ++j) {
      double v = 0;
      for (size_t i = 0; i < n; ++i) v += A[i * n + j] * r.s[i];
      next[j] = v;
    }
    double norm = 0;
    for (double v : next) norm += v * v;
    norm = std::sqrt(norm);
    if (norm != 0)
      for (double& v : next) v /= norm;
    for (double& v : next)
      if (std::isnan(v)) v = tolerance;
    double diff = 0;
    for (size_t j = 0; j < n; ++j) diff += (next[j] - r.s[j]) * (next[j] - r.s[j]);
    r.converged = std::sqrt(diff) < tolerance;
    r.s.swap(next);
  }
  return r;
}

std::vector<double> transpose(const std::vector<double>& M, size_t n) {
  std::vector<double> T(M.size());
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < n; ++j) T[j * n + i] = M[i * n + j];
  return T;
}

// Eigenvector score: the Perron vector of the win matrix. orientation=winners iterates s <- M s
// (a model is strong when it beats strong models: Keener); orientation=evalica iterates
// s <- M^T s as evalica's `eigen` does (its golden files; this ranks the models that lose to
// strong models first).
RatingResult eigen_rate(const Comparisons& c, const Params& p) {
  const WinTie wt = win_tie_matrices(c, "eigen");
  const std::vector<double> M = weighted_win_matrix(wt, p, "eigen");
  double tolerance = 0;
  int limit = 0;
  iteration_settings(p, "eigen", tolerance, limit);
  const bool evalica = p.text("orientation") == "evalica";
  PowerResult r = power_iteration_transposed(evalica ? M : transpose(M, wt.n), wt.n, tolerance, limit);
  RatingResult out = rating_table(c, r.s);
  out.explanation = {{"iterations", r.iterations}, {"converged", r.converged}, {"orientation", p.text("orientation")}};
  return out;
}

// PageRank on the "loser links to winner" graph: row i of A = i's losses (column i of M)
// normalised to sum 1 (uniform when i never lost), G = damping A + (1 - damping)/n, and the
// stationary vector of G by power iteration, normalised to sum 1 (evalica's `pagerank`).
RatingResult pagerank_rate(const Comparisons& c, const Params& p) {
  const WinTie wt = win_tie_matrices(c, "pagerank");
  const std::vector<double> M = weighted_win_matrix(wt, p, "pagerank");
  double tolerance = 0;
  int limit = 0;
  iteration_settings(p, "pagerank", tolerance, limit);
  const double damping = p.number("damping");
  if (!(damping >= 0 && damping <= 1)) throw InputError("pagerank: damping must be in [0, 1]");
  const size_t n = wt.n;
  const double u = n ? 1.0 / static_cast<double>(n) : 0.0;
  std::vector<double> G = transpose(M, n);
  for (size_t i = 0; i < n; ++i) {
    double sum = 0;
    for (size_t j = 0; j < n; ++j) sum += G[i * n + j];
    for (size_t j = 0; j < n; ++j) {
      const double a = sum == 0 ? u : G[i * n + j] / sum;
      G[i * n + j] = damping * a + (1 - damping) * u;
    }
  }
  PowerResult r = power_iteration_transposed(G, n, tolerance, limit);
  double total = 0;
  for (double v : r.s) total += v;
  if (total != 0)
    for (double& v : r.s) v /= total;
  RatingResult out = rating_table(c, r.s);
  out.explanation = {{"iterations", r.iterations}, {"converged", r.converged}};
  return out;
}

std::vector<ParamSpec> with(std::vector<ParamSpec> a, const std::vector<ParamSpec>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace

static const Registration eigen_registration{MethodInfo{
    .id = "eigen",
    .aliases = {"eigenvector"},
    .family = "rate",
    .input = "battles",
    .summary = "Perron eigenvector of the weighted win matrix by power iteration (L2-normalised)",
    .citation = "J. P. Keener, The Perron-Frobenius theorem and the ranking of football teams, SIAM Review 35, "
                "1993; evalica eigen",
    .params = with(with(win_weight_params(), iteration_params()),
                   {{"orientation", ParamType::choice, "winners",
                     "winners: s <- M s (strong = beats strong models; Keener); evalica: s <- M^T s as evalica's "
                     "eigen and its golden files (ranks models that lose to strong ones first)",
                     {"winners", "evalica"}}}),
    .rate = eigen_rate,
}};

static const Registration pagerank_registration{MethodInfo{
    .id = "pagerank",
    .aliases = {"page_rank"},
    .family = "rate",
    .input = "battles",
    .summary = "PageRank of the graph in which each loser links to its winners (weighted by the win matrix); "
               "scores sum to 1",
    .citation = "S. Brin, L. Page, The anatomy of a large-scale hypertextual Web search engine, 1998; evalica "
                "pagerank",
    .params = with(with(win_weight_params(), iteration_params()),
                   {{"damping", ParamType::number, "0.85", "probability of following a link (evalica 0.85)", {}}}),
    .rate = pagerank_rate,
}};

}  // namespace prefero
