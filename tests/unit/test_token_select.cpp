// TokenSelect's soft vote against a double-precision reference written from the paper.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "core/error.hpp"
#include "ensemble/token_select.hpp"

namespace prefero {
namespace {

struct Case {
  int heads, tokens, dim;
  std::vector<float> q, k;
};

Case random_case(int heads, int tokens, int dim, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<float> g(0.0f, 1.0f);
  Case c{heads, tokens, dim, {}, {}};
  c.q.resize(static_cast<size_t>(heads * dim));
  c.k.resize(static_cast<size_t>(heads * tokens * dim));
  for (float& x : c.q) x = g(rng);
  for (float& x : c.k) x = g(rng);
  return c;
}

// sum over heads of softmax_t(q_h . k_{h,t} / sqrt(dim)), in double.
std::vector<double> reference_votes(const Case& c) {
  std::vector<double> votes(static_cast<size_t>(c.tokens), 0.0);
  for (int h = 0; h < c.heads; ++h) {
    std::vector<double> e(static_cast<size_t>(c.tokens));
    for (int t = 0; t < c.tokens; ++t) {
      double s = 0;
      for (int i = 0; i < c.dim; ++i)
        s += static_cast<double>(c.q[static_cast<size_t>(h * c.dim + i)]) * c.k[static_cast<size_t>((h * c.tokens + t) * c.dim + i)];
      e[static_cast<size_t>(t)] = s / std::sqrt(static_cast<double>(c.dim));
    }
    double mx = *std::max_element(e.begin(), e.end()), sum = 0;
    for (double& x : e) sum += x = std::exp(x - mx);
    for (int t = 0; t < c.tokens; ++t) votes[static_cast<size_t>(t)] += e[static_cast<size_t>(t)] / sum;
  }
  return votes;
}

TEST(TokenSelect, VotesMatchDoublePrecisionReference) {
  for (int dim : {7, 64, 100}) {
    Case c = random_case(4, 300, dim, static_cast<unsigned>(dim));
    TokenSelectInput in{c.heads, c.tokens, c.dim, c.q.data(), c.k.data(), 0};
    std::vector<double> ref = reference_votes(c);
    std::vector<float> fast = token_votes(in), plain = token_votes_scalar(in);
    for (size_t t = 0; t < ref.size(); ++t) {
      EXPECT_NEAR(fast[t], ref[t], 1e-5 + 1e-4 * ref[t]) << "dim " << dim << " token " << t;
      EXPECT_NEAR(plain[t], ref[t], 1e-5 + 1e-4 * ref[t]) << "dim " << dim << " token " << t;
    }
  }
}

TEST(TokenSelect, VectorisedExpMatchesStdExp) {
  // Every 1/4096 step over [-87, 88] (about 717k points, tail lengths 1..7 included) plus the
  // underflow and clamp edges, against std::exp in double precision.
  std::vector<float> x;
  for (double v = -87.0; v <= 88.0; v += 1.0 / 4096) x.push_back(static_cast<float>(v));
  x.push_back(0.0f);
  x.push_back(-1e-30f);
  std::vector<float> y(x.size());
  if (!exp_simd(x.data(), y.data(), x.size())) GTEST_SKIP() << "no AVX2+FMA on this CPU";
  double worst = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    const double want = std::exp(static_cast<double>(x[i]));
    worst = std::max(worst, std::abs(y[i] - want) / want);
  }
  EXPECT_LT(worst, 4e-7);  // about 3 ulp of float
  std::vector<float> edge = {-87.5f, -100.0f, -1e30f, 89.0f}, out(edge.size());
  ASSERT_TRUE(exp_simd(edge.data(), out.data(), edge.size()));
  EXPECT_EQ(out[0], 0.0f);
  EXPECT_EQ(out[1], 0.0f);
  EXPECT_EQ(out[2], 0.0f);
  EXPECT_TRUE(std::isfinite(out[3]));
  for (size_t n = 1; n < 9; ++n) {  // every tail length agrees with the full-vector result
    std::vector<float> part(n);
    ASSERT_TRUE(exp_simd(x.data() + 1000, part.data(), n));
    for (size_t i = 0; i < n; ++i) EXPECT_EQ(part[i], y[1000 + i]);
  }
}

TEST(TokenSelect, KeepsFirstAndLastAndTheMostVotedOthers) {
  Case c = random_case(8, 500, 64, 3);
  TokenSelectInput in{c.heads, c.tokens, c.dim, c.q.data(), c.k.data(), 0};
  const int k = 40;
  std::vector<double> ref = reference_votes(c);
  std::vector<int> others(static_cast<size_t>(c.tokens - 2));
  std::iota(others.begin(), others.end(), 1);
  std::sort(others.begin(), others.end(), [&](int a, int b) { return ref[static_cast<size_t>(a)] > ref[static_cast<size_t>(b)]; });
  std::vector<int> expected{0, c.tokens - 1};
  expected.insert(expected.end(), others.begin(), others.begin() + (k - 2));
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(token_select(in, k), expected);
  EXPECT_EQ(token_select(in, 1000).size(), 500u);
  EXPECT_THROW(token_select(in, 1), InputError);
}

}  // namespace
}  // namespace prefero
