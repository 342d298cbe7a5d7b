// Plackett-Luce MLE: choix's fixtures (lucasmaystre/choix tests/data, as recorded in
// shared/notes/arena.md section 5), an independent likelihood written here (the MM optimum must
// be a stationary point no random perturbation improves), and pairwise-only data against a
// Bradley-Terry MLE computed here by Newton's method.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "core/error.hpp"
#include "rate/plackett_luce.hpp"
#include "rate_test_util.hpp"

using namespace prefero;
using namespace prefero::test;

namespace {

// Natural-log strengths (mean 0) from our ratings (400 log10 + 1000).
std::vector<double> thetas(const RatingResult& r) {
  auto v = by_model(r);
  for (double& x : v) x = (x - 1000) * std::log(10.0) / 400;
  return v;
}

TEST(RatePlackettLuce, ChoixPairwise) {
  Comparisons c = models_named(3);
  battle(c, 0, 1, Outcome::a_wins);
  battle(c, 0, 1, Outcome::a_wins);
  battle(c, 1, 2, Outcome::a_wins);
  battle(c, 2, 0, Outcome::a_wins);
  const auto t = thetas(run_rate("plackett_luce", c));
  EXPECT_NEAR(t[0], 0.419617624, 1e-6);
  EXPECT_NEAR(t[1], -0.419617624, 1e-6);
  EXPECT_NEAR(t[2], 0.0, 1e-6);
}

TEST(RatePlackettLuce, ChoixRankings) {
  Comparisons c = models_named(4);
  ranking(c, {{0}, {1}, {2}});
  ranking(c, {{3}, {2}, {0}});
  ranking(c, {{1}, {3}});
  const auto t = thetas(run_rate("plackett_luce", c));
  const double expected[] = {-0.44328117, 0.69506219, -0.67061442, 0.4188334};
  // choix's own tolerance for this fixture (atol 1e-4): its MM stops early; ours is converged
  // (OptimumOfAnIndependentLikelihood checks optimality directly).
  for (int i = 0; i < 4; ++i) EXPECT_NEAR(t[static_cast<size_t>(i)], expected[i], 1e-4) << i;
}

TEST(RatePlackettLuce, ChoixTopOne) {
  Comparisons c = models_named(3);
  ranking(c, {{0}, {1}});
  ranking(c, {{1}, {2}});
  ranking(c, {{2}, {0, 1}});  // 2 chosen from {0, 1, 2}; 0 and 1 not ranked
  const auto t = thetas(run_rate("plackett_luce", c, {{"last_tier", "unranked"}}));
  EXPECT_NEAR(t[0], 0.16040395, 1e-6);
  EXPECT_NEAR(t[1], -0.32080789, 1e-6);
  EXPECT_NEAR(t[2], 0.16040394, 1e-6);
}

TEST(RatePlackettLuce, DisconnectedIsAClearErrorUnlessAPrior) {
  Comparisons c = models_named(3);
  battle(c, 0, 1, Outcome::a_wins);
  battle(c, 1, 2, Outcome::a_wins);
  battle(c, 2, 1, Outcome::a_wins);  // 0 never loses
  EXPECT_THROW(run_rate("plackett_luce", c), InputError);
  const auto t = thetas(run_rate("plackett_luce", c, {{"prior", "1"}}));
  EXPECT_TRUE(std::isfinite(t[0]));
  EXPECT_GT(t[0], t[1]);
}

// Probability of one ranking (tiers) under strengths exp(theta), written from the definition.
double log_prob(const std::vector<std::vector<int>>& tiers, const std::vector<double>& theta, bool breslow) {
  std::vector<int> rest;
  for (const auto& t : tiers) rest.insert(rest.end(), t.begin(), t.end());
  double lp = 0;
  for (const auto& tier : tiers) {
    double denom = 0;
    for (int m : rest) denom += std::exp(theta[static_cast<size_t>(m)]);
    const double w = breslow ? 1.0 : 1.0 / static_cast<double>(tier.size());
    for (int m : tier) lp += w * (theta[static_cast<size_t>(m)] - std::log(denom));
    for (int m : tier) rest.erase(std::find(rest.begin(), rest.end(), m));
  }
  return lp;
}

TEST(RatePlackettLuce, OptimumOfAnIndependentLikelihood) {
  const std::vector<std::pair<std::vector<std::vector<int>>, double>> data = {
      {{{0}, {1, 2}, {3}}, 2}, {{{2}, {0}, {3}, {1}}, 1}, {{{1, 3}, {0}}, 1}, {{{3}, {2}}, 1},
      {{{0}, {3}}, 1},         {{{1}, {2}, {0}}, 1},      {{{2, 3}}, 1}};
  for (const char* ties : {"split", "breslow"}) {
    Comparisons c = models_named(4);
    for (const auto& [tiers, n] : data) ranking(c, tiers, n);
    const auto theta = thetas(run_rate("plackett_luce", c, {{"ties", ties}}));
    const bool breslow = std::string(ties) == "breslow";
    auto ll = [&](const std::vector<double>& t) {
      double s = 0;
      for (const auto& [tiers, n] : data) s += n * log_prob(tiers, t, breslow);
      return s;
    };
    const double best = ll(theta);
    for (size_t i = 0; i < 4; ++i) {  // stationary: central differences vanish
      auto up = theta, down = theta;
      up[i] += 1e-5, down[i] -= 1e-5;
      EXPECT_NEAR((ll(up) - ll(down)) / 2e-5, 0.0, 1e-6) << ties << " " << i;
    }
    std::mt19937 gen(3);
    std::normal_distribution<double> step(0.0, 0.05);
    for (int k = 0; k < 200; ++k) {
      auto t = theta;
      for (double& x : t) x += step(gen);
      EXPECT_LE(ll(t), best + 1e-12) << ties;
    }
  }
}

TEST(RatePlackettLuce, PairwiseOnlyIsBradleyTerryWithHalfTies) {
  // BT log-likelihood with ties as half a win each, maximised by Newton's method here.
  struct Row {
    int a, b;
    Outcome o;
    double n;
  };
  const std::vector<Row> rows = {{0, 1, Outcome::a_wins, 5}, {1, 0, Outcome::a_wins, 2}, {1, 2, Outcome::tie, 3},
                                 {2, 1, Outcome::a_wins, 2}, {1, 2, Outcome::a_wins, 1}, {2, 3, Outcome::a_wins, 4},
                                 {3, 2, Outcome::a_wins, 3}, {3, 0, Outcome::tie_bothbad, 2}, {0, 3, Outcome::b_wins, 1}};
  Comparisons c = models_named(4);
  for (const auto& r : rows) battle(c, r.a, r.b, r.o, r.n);
  const auto ours = thetas(run_rate("plackett_luce", c));
  std::vector<double> t(4, 0.0);
  for (int it = 0; it < 100; ++it) {
    std::vector<double> g(4, 0.0), h(16, 0.0);
    for (const auto& r : rows) {
      const double y = r.o == Outcome::a_wins ? 1 : r.o == Outcome::b_wins ? 0 : 0.5;
      const double p = 1 / (1 + std::exp(t[static_cast<size_t>(r.b)] - t[static_cast<size_t>(r.a)]));
      const auto a = static_cast<size_t>(r.a), b = static_cast<size_t>(r.b);
      g[a] += r.n * (y - p), g[b] -= r.n * (y - p);
      const double w = r.n * p * (1 - p);
      h[a * 4 + a] += w, h[b * 4 + b] += w, h[a * 4 + b] -= w, h[b * 4 + a] -= w;
    }
    // fix t[3] = 0: solve the 3x3 system by Gaussian elimination
    double A[3][4];
    for (int i = 0; i < 3; ++i) {
      for (int j = 0; j < 3; ++j) A[i][j] = h[static_cast<size_t>(i * 4 + j)];
      A[i][3] = g[static_cast<size_t>(i)];
    }
    for (int i = 0; i < 3; ++i)
      for (int k = i + 1; k < 3; ++k) {
        const double f = A[k][i] / A[i][i];
        for (int j = i; j < 4; ++j) A[k][j] -= f * A[i][j];
      }
    double x[3];
    for (int i = 2; i >= 0; --i) {
      x[i] = A[i][3];
      for (int j = i + 1; j < 3; ++j) x[i] -= A[i][j] * x[j];
      x[i] /= A[i][i];
    }
    for (int i = 0; i < 3; ++i) t[static_cast<size_t>(i)] += x[i];
  }
  const double mean = (t[0] + t[1] + t[2] + t[3]) / 4;
  for (size_t i = 0; i < 4; ++i) EXPECT_NEAR(ours[i], t[i] - mean, 1e-8) << i;
}

}  // namespace
