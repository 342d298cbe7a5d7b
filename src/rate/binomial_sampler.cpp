// Binomial sampling: inversion for small means; BTRS for the rest.
// Hörmann, W. (1993). The generation of binomial random variates. J. Statist. Comput. Simul. 46, 101–110.
#include "rate/binomial_sampler.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace prefero::rate {

namespace {

constexpr double kHalfLog2Pi = 0.91893853320467274178;

// fc(k) = log k! − [(k + ½)·log(k + 1) − (k + 1) + ½·log 2π], the error of Stirling's formula.
double stirling_tail(double k) {
  static const std::array<double, 10> table = [] {
    std::array<double, 10> t{};
    for (int i = 0; i < 10; ++i) {
      double x = i;
      t[static_cast<size_t>(i)] = std::lgamma(x + 1) - ((x + 0.5) * std::log(x + 1) - (x + 1) + kHalfLog2Pi);
    }
    return t;
  }();
  if (k <= 9) return table[static_cast<size_t>(k)];
  double kp1 = k + 1, sq = kp1 * kp1;
  return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / sq) / sq) / kp1;
}

// Inversion: walk the pmf from 0 (P(X = x + 1) = P(X = x)·(n − x)/(x + 1)·p/q); expected
// O(n·p) steps. A draw beyond n·p + 10·sd (only reachable through rounding) is redrawn.
int64_t binomial_inversion(SeededRng& rng, int64_t n, double p) {
  const double q = 1 - p, nd = static_cast<double>(n);
  const double p0 = std::exp(nd * std::log1p(-p));
  const double bound = std::min(nd, nd * p + 10 * std::sqrt(nd * p * q + 1));
  const double ratio = p / q;
  for (;;) {
    double u = rng.uniform(), px = p0;
    int64_t x = 0;
    while (u > px) {
      u -= px;
      ++x;
      if (static_cast<double>(x) > bound) break;
      px *= (nd - static_cast<double>(x) + 1) / static_cast<double>(x) * ratio;
    }
    if (static_cast<double>(x) <= bound) return x;
  }
}

// BTRS (p <= ½, n·p >= 10): transformed rejection with the squeeze v <= v_r on the central box.
int64_t binomial_btrs(SeededRng& rng, int64_t n, double p) {
  const double nd = static_cast<double>(n);
  const double spq = std::sqrt(nd * p * (1 - p));
  const double b = 1.15 + 2.53 * spq;
  const double a = -0.0873 + 0.0248 * b + 0.01 * p;
  const double c = nd * p + 0.5;
  const double v_r = 0.92 - 4.2 / b;
  const double r = p / (1 - p);
  const double alpha = (2.83 + 5.1 / b) * spq;
  const double m = std::floor((nd + 1) * p);
  for (;;) {
    double u = rng.uniform() - 0.5;
    double v = rng.uniform();
    double us = 0.5 - std::abs(u);
    double k = std::floor((2 * a / us + b) * u + c);
    if (k < 0 || k > nd) continue;
    if (us >= 0.07 && v <= v_r) return static_cast<int64_t>(k);
    if (!(v > 0)) continue;
    v *= alpha / (a / (us * us) + b);
    // Accept when v <= f(k)/f(m) (f the pmf). Near the mode the ratio is a short product
    // (Hörmann's BTRD step 3.1); otherwise its logarithm via Stirling's formula with the exact
    // correction fc.
    if (std::abs(k - m) <= 15) {
      double f = 1;
      const double nr = (nd + 1) * r;
      if (m < k)
        for (double i = m + 1; i <= k; ++i) f *= nr / i - r;
      else
        for (double i = k + 1; i <= m; ++i) v *= nr / i - r;
      if (v <= f) return static_cast<int64_t>(k);
      continue;
    }
    v = std::log(v);
    double bound = (m + 0.5) * std::log((m + 1) / (r * (nd - m + 1))) + (nd + 1) * std::log((nd - m + 1) / (nd - k + 1)) +
                   (k + 0.5) * std::log(r * (nd - k + 1) / (k + 1)) + stirling_tail(m) + stirling_tail(nd - m) -
                   stirling_tail(k) - stirling_tail(nd - k);
    if (v <= bound) return static_cast<int64_t>(k);
  }
}

}  // namespace

int64_t binomial(SeededRng& rng, int64_t n, double p) {
  if (n <= 0 || !(p > 0)) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(rng, n, 1 - p);
  if (static_cast<double>(n) * p < 10) return binomial_inversion(rng, n, p);
  return binomial_btrs(rng, n, p);
}

}  // namespace prefero::rate
