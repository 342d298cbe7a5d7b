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
