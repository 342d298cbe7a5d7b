#include "rate/win_matrix.hpp"

#include <cmath>
#include <string>

#include "core/error.hpp"

namespace prefero {

namespace {

void check_count(double count, const char* method) {
  if (!(count >= 0) || !std::isfinite(count))
    throw InputError(std::string(method) + ": battle counts must be finite and non-negative");
}

}  // namespace

WinTie win_tie_matrices(const Comparisons& c, const char* method, KwisePairs kwise) {
  if (kwise == KwisePairs::refuse && c.pairs.empty() && !c.rankings.empty())
    throw InputError(std::string(method) + ": needs pairwise battles, not K-wise rankings");
  WinTie m;
  m.n = c.models.size();
  m.W.assign(m.n * m.n, 0.0);
  m.T.assign(m.n * m.n, 0.0);
  for (const PairRow& r : c.pairs) {
    check_count(r.count, method);
    const auto a = static_cast<size_t>(r.a), b = static_cast<size_t>(r.b);
    if (a == b) continue;  // a model against itself carries no information
    switch (r.outcome) {
      case Outcome::a_wins: m.W[a * m.n + b] += r.count; break;
      case Outcome::b_wins: m.W[b * m.n + a] += r.count; break;
      default:
        m.T[a * m.n + b] += r.count;
        m.T[b * m.n + a] += r.count;
    }
  }
  if (kwise != KwisePairs::implied) return m;
  for (const KwiseRow& k : c.rankings) {
    check_count(k.count, method);
    for (const auto& tier : k.tiers)
      for (int x : tier)
        if (x < 0 || static_cast<size_t>(x) >= m.n)
          throw InputError(std::string(method) + ": a ranking names model " + std::to_string(x) + " of " + std::to_string(m.n));
    for (size_t i = 0; i < k.tiers.size(); ++i)
      for (size_t x = 0; x < k.tiers[i].size(); ++x) {
        const auto a = static_cast<size_t>(k.tiers[i][x]);
        for (size_t y = x + 1; y < k.tiers[i].size(); ++y) {  // tied within the tier
          const auto b = static_cast<size_t>(k.tiers[i][y]);
          if (a == b) continue;
          m.T[a * m.n + b] += k.count;
          m.T[b * m.n + a] += k.count;
        }
        for (size_t j = i + 1; j < k.tiers.size(); ++j)  // above every model of a lower tier
          for (int lower : k.tiers[j])
            if (static_cast<size_t>(lower) != a) m.W[a * m.n + static_cast<size_t>(lower)] += k.count;
      }
  }
  return m;
}

std::vector<double> weighted_win_matrix(const WinTie& m, double win_weight, double tie_weight) {
  std::vector<double> M(m.W.size());
  for (size_t k = 0; k < M.size(); ++k) M[k] = win_weight * m.W[k] + tie_weight * m.T[k];
  return M;
}

std::vector<ParamSpec> win_weight_params() {
  return {{"win_weight", ParamType::number, "1", "weight of a win in the win matrix (evalica default)", {}},
          {"tie_weight", ParamType::number, "0.5",
           "weight of a tie (either kind) for each side: ties as half a win (evalica, FastChat)", {}}};
}

std::vector<ParamSpec> iteration_params() {
  return {{"tolerance", ParamType::number, "1e-12",
           "stop when the L2 norm of the change of the score vector is below this (evalica's criterion; evalica "
           "defaults to 1e-6 with limit 100, its golden files hold the converged values)", {}},
          {"limit", ParamType::integer, "10000", "maximum number of iterations (the explanation says if it converged)",
           {}}};
}

std::vector<double> weighted_win_matrix(const WinTie& m, const Params& p, const char* method) {
  const double ww = p.number("win_weight"), tw = p.number("tie_weight");
  if (!(ww >= 0) || !(tw >= 0) || !std::isfinite(ww) || !std::isfinite(tw))
    throw InputError(std::string(method) + ": win_weight and tie_weight must be finite and non-negative");
  return weighted_win_matrix(m, ww, tw);
}

void iteration_settings(const Params& p, const char* method, double& tolerance, int& limit) {
  tolerance = p.number("tolerance");
  const int64_t l = p.integer("limit");
  if (!(tolerance >= 0) || !std::isfinite(tolerance))
    throw InputError(std::string(method) + ": tolerance must be finite and non-negative");
  if (l < 1 || l > 10000000) throw InputError(std::string(method) + ": limit must be between 1 and 10^7");
  limit = static_cast<int>(l);
}

}  // namespace prefero
