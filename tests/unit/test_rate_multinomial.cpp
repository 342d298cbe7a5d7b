// The bootstrap's multinomial sampler against its exact distribution: the first two moments,
// and chi-square goodness of fit of each marginal to the binomial pmf (computed here from
// lgamma). Seeds are fixed, so the tests are deterministic; the thresholds correspond to
// p-values far below 1e-6 for a correct sampler.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "rate/bootstrap.hpp"
#include "rate/multinomial_sampler.hpp"

namespace prefero::rate {
namespace {

double log_pmf(int64_t n, double p, int64_t k) {
  double nd = static_cast<double>(n), kd = static_cast<double>(k);
  return std::lgamma(nd + 1) - std::lgamma(kd + 1) - std::lgamma(nd - kd + 1) + kd * std::log(p) +
         (nd - kd) * std::log1p(-p);
}

TEST(RateMultinomial, ConservesTotalAndHasMultinomialMoments) {
  // E[X_i] = N·π_i, Var[X_i] = N·π_i·(1 − π_i).
  std::vector<double> w = {500, 3, 0, 120, 1, 40000, 7, 2, 0, 950};
  double N = 0;
  for (double x : w) N += x;
  const int rounds = 20000;
  std::vector<double> sum(w.size()), sq(w.size());
  for (int r = 0; r < rounds; ++r) {
    auto c = multinomial_counts(w, 42, static_cast<uint64_t>(r));
    double t = 0;
    for (size_t i = 0; i < w.size(); ++i) t += c[i], sum[i] += c[i], sq[i] += c[i] * c[i];
    ASSERT_EQ(t, N);
    EXPECT_EQ(c[2], 0);
    EXPECT_EQ(c[8], 0);
  }
  for (size_t i = 0; i < w.size(); ++i) {
    if (w[i] == 0) continue;
    double pi = w[i] / N, mean = sum[i] / rounds, var = sq[i] / rounds - mean * mean;
    double ev = N * pi * (1 - pi);
    EXPECT_NEAR(mean, N * pi, 6 * std::sqrt(ev / rounds)) << i;
    EXPECT_NEAR(var / ev, 1.0, 0.1) << i;
  }
  // Same (seed, round) -> same draw; another round -> another draw.
  EXPECT_EQ(multinomial_counts(w, 42, 3), multinomial_counts(w, 42, 3));
  EXPECT_NE(multinomial_counts(w, 42, 3), multinomial_counts(w, 42, 4));
}

TEST(RateMultinomial, MarginalsAreBinomial) {
  // Each count of Multinomial(N, π) is Binomial(N, π_i): chi-square of the sampler's marginals
  // (a small-mean row on the inversion path, a large one on PTRS) against the binomial pmf.
  std::vector<double> w = {2, 300, 7, 5000, 40};
  const int64_t N = 5349;
  MultinomialSampler sampler(w);
  const int rounds = 40000;
  for (size_t row : {size_t{0}, size_t{1}, size_t{3}}) {
    std::vector<double> observed(static_cast<size_t>(N) + 1, 0.0);
    for (int r = 0; r < rounds; ++r) observed[static_cast<size_t>(sampler.draw(7, static_cast<uint64_t>(r))[row])] += 1;
    double p = w[row] / static_cast<double>(N), stat = 0, pooled_o = 0, pooled_e = 0;
    int cells = 0;
    for (int64_t k = 0; k <= N; ++k) {
      double e = rounds * std::exp(log_pmf(N, p, k)), o = observed[static_cast<size_t>(k)];
      if (e >= 5) stat += (o - e) * (o - e) / e, ++cells;
      else pooled_o += o, pooled_e += e;
    }
    if (pooled_e > 0) stat += (pooled_o - pooled_e) * (pooled_o - pooled_e) / pooled_e, ++cells;
    int df = cells - 1;
    EXPECT_LT(stat, df + 6 * std::sqrt(2.0 * df) + 10) << "row " << row << " df=" << df;
  }
}

}  // namespace
}  // namespace prefero::rate
