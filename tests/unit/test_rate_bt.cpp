// Bradley–Terry, Rao–Kupper, Davidson and style control: closed forms for two models, the
// Wikipedia four-team example, a numerical gradient of an independent log-likelihood, MM vs
// Newton, estimability reports, anchoring, bootstrap determinism and the sandwich closed form.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <map>

#include "core/error.hpp"
#include "rate/comparisons.hpp"
#include "rate/pair_model.hpp"
#include "registry/registry.hpp"

namespace prefero {
namespace {

Comparisons battles(std::vector<std::string> models, std::vector<std::tuple<int, int, Outcome, double>> rows) {
  Comparisons c;
  c.models = std::move(models);
  for (auto [a, b, o, n] : rows) c.pairs.push_back(PairRow{a, b, o, n, -1});
  return c;
}

RatingResult run(const std::string& id, const Comparisons& c, std::map<std::string, std::string> given = {}) {
  const MethodInfo& m = require_method(id);
  return m.rate(c, resolve_params(m.id, m.params, given));
}

double rating_of(const RatingResult& r, int model) {
  for (const auto& m : r.ratings)
    if (m.model == model) return m.rating;
  ADD_FAILURE() << "model " << model << " missing";
  return NAN;
}

const double kPerNat = 400 / std::log(10.0);

TEST(RateBradleyTerry, TwoModelsClosedFormTiesAsHalfWins) {
  // 7 wins, 2 losses, 3 ties: p = (7 + 1.5) / 12, rating gap = 400·log10(p / (1 − p)).
  auto c = battles({"x", "y"}, {{0, 1, Outcome::a_wins, 7}, {0, 1, Outcome::b_wins, 2}, {1, 0, Outcome::tie, 3}});
  for (std::string solver : {"newton", "mm"}) {
    auto r = run("bradley_terry", c, {{"solver", solver}});
    double p = 8.5 / 12;
    EXPECT_NEAR(rating_of(r, 0) - rating_of(r, 1), 400 * std::log10(p / (1 - p)), 1e-7) << solver;
    EXPECT_NEAR(rating_of(r, 0) + rating_of(r, 1), 2000, 1e-9) << "mean-centred on init";
    EXPECT_EQ(r.ratings[0].model, 0);
    EXPECT_DOUBLE_EQ(r.ratings[0].votes, 12);
  }
}

TEST(RateBradleyTerry, WikipediaFourTeams) {
  // A–B 2:3, A–D 1:4, B–C 5:3, C–D 1:3 → strengths (geometric mean 1) A 0.640, B 1.043, C 0.660, D 2.270.
  auto c = battles({"A", "B", "C", "D"}, {{0, 1, Outcome::a_wins, 2}, {0, 1, Outcome::b_wins, 3},
                                          {0, 3, Outcome::a_wins, 1}, {0, 3, Outcome::b_wins, 4},
                                          {1, 2, Outcome::a_wins, 5}, {1, 2, Outcome::b_wins, 3},
                                          {2, 3, Outcome::a_wins, 1}, {2, 3, Outcome::b_wins, 3}});
  auto r = run("bt", c);
  double expect[4] = {0.640, 1.043, 0.660, 2.270};
  for (int i = 0; i < 4; ++i) EXPECT_NEAR(std::exp((rating_of(r, i) - 1000) / kPerNat), expect[i], 1e-3 * expect[i] + 5e-4);
}

// An independent log-likelihood (ties as half wins) over ratings, for a numerical gradient.
double bt_loglik(const Comparisons& c, const std::vector<double>& R) {
  double L = 0;
  for (const auto& r : c.pairs) {
    double p = 1 / (1 + std::pow(10.0, (R[static_cast<size_t>(r.b)] - R[static_cast<size_t>(r.a)]) / 400));
    double y = r.outcome == Outcome::a_wins ? 1 : r.outcome == Outcome::b_wins ? 0 : 0.5;
    L += r.count * (y * std::log(p) + (1 - y) * std::log(1 - p));
  }
  return L;
}

Comparisons random_league(int n, unsigned seed) {
  Comparisons c;
  for (int i = 0; i < n; ++i) c.models.push_back("m" + std::to_string(i));
  unsigned s = seed;
  auto next = [&] { return (s = s * 1103515245u + 12345u) >> 8; };
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      if (i != j)
        for (int o = 0; o < 4; ++o) c.pairs.push_back(PairRow{i, j, static_cast<Outcome>(o), double(1 + next() % 9), -1});
  return c;
}

TEST(RateBradleyTerry, GradientOfIndependentLikelihoodIsZeroAtTheFit) {
  auto c = random_league(6, 7);
  auto r = run("bt", c);
  std::vector<double> R(6);
  for (int i = 0; i < 6; ++i) R[static_cast<size_t>(i)] = rating_of(r, i);
  double base = bt_loglik(c, R);
  for (size_t i = 0; i < 6; ++i) {
    auto up = R, dn = R;
    up[i] += 1e-3, dn[i] -= 1e-3;
    EXPECT_NEAR((bt_loglik(c, up) - bt_loglik(c, dn)) / 2e-3, 0, 1e-6) << i;
    // And it is a maximum: moving any single rating by a point lowers the likelihood.
    up[i] += 1 - 1e-3;
    EXPECT_LT(bt_loglik(c, up), base);
  }
}

TEST(RateBradleyTerry, NewtonAndMmAgree) {
  auto c = random_league(8, 3);
  auto a = run("bt", c, {{"solver", "newton"}});
  auto b = run("bt", c, {{"solver", "mm"}, {"tol", "1e-13"}});
  for (int i = 0; i < 8; ++i) EXPECT_NEAR(rating_of(a, i), rating_of(b, i), 1e-7);
}

TEST(RateBradleyTerry, DisconnectedGraphIsReported) {
  auto c = battles({"a", "b", "c", "d"}, {{0, 1, Outcome::a_wins, 2}, {0, 1, Outcome::b_wins, 1},
                                          {2, 3, Outcome::a_wins, 2}, {2, 3, Outcome::b_wins, 1}});
  try {
    run("bt", c);
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("disconnected"), std::string::npos) << e.what();
  }
  EXPECT_NO_THROW(run("bt", c, {{"l2", "0.1"}}));
}

TEST(RateBradleyTerry, ModelWithOnlyWinsIsReported) {
  auto c = battles({"champ", "b", "c"}, {{0, 1, Outcome::a_wins, 3}, {2, 0, Outcome::b_wins, 2},
                                         {1, 2, Outcome::a_wins, 1}, {1, 2, Outcome::b_wins, 1}});
  try {
    run("bt", c);
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("{champ} never lost"), std::string::npos) << e.what();
  }
  auto r = run("bt", c, {{"l2", "1"}});
  EXPECT_EQ(r.ratings[0].model, 0);
}

TEST(RateBradleyTerry, AnchorAndBootstrap) {
  auto c = random_league(5, 11);
  auto r = run("bt", c, {{"anchor", "m2=1114"}, {"bootstrap", "200"}, {"seed", "5"}, {"threads", "1"}});
  auto r2 = run("bt", c, {{"anchor", "m2=1114"}, {"bootstrap", "200"}, {"seed", "5"}, {"threads", "3"}});
  for (size_t i = 0; i < r.ratings.size(); ++i) {
    const auto& m = r.ratings[i];
    // Same bits for any thread count.
    EXPECT_EQ(m.ci_low, r2.ratings[i].ci_low);
    EXPECT_EQ(m.ci_high, r2.ratings[i].ci_high);
    if (m.model == 2) {
      EXPECT_DOUBLE_EQ(m.rating, 1114);
      EXPECT_DOUBLE_EQ(m.ci_low, 1114);  // every replicate is re-anchored: zero width
      EXPECT_DOUBLE_EQ(m.ci_high, 1114);
    } else {
      EXPECT_LT(m.ci_low, m.ci_high);
    }
  }
  auto r3 = run("bt", c, {{"anchor", "m2=1114"}, {"bootstrap", "200"}, {"seed", "6"}});
  bool differs = false;
  for (size_t i = 0; i < r.ratings.size(); ++i) differs |= r.ratings[i].ci_low != r3.ratings[i].ci_low;
  EXPECT_TRUE(differs) << "another seed gives other replicates";
}

TEST(RateBradleyTerry, RankUbFromIntervals) {
  // Strong separation: a ≫ b ≫ c with many battles; the intervals do not overlap.
  auto c = battles({"a", "b", "c"}, {{0, 1, Outcome::a_wins, 900}, {0, 1, Outcome::b_wins, 100},
                                     {1, 2, Outcome::a_wins, 900}, {1, 2, Outcome::b_wins, 100},
                                     {0, 2, Outcome::a_wins, 990}, {0, 2, Outcome::b_wins, 10}});
  auto r = run("bt", c, {{"bootstrap", "100"}});
  ASSERT_EQ(r.ratings.size(), 3u);
  EXPECT_EQ(r.ratings[0].rank_ub, 1);
  EXPECT_EQ(r.ratings[1].rank_ub, 2);
  EXPECT_EQ(r.ratings[2].rank_ub, 3);
}

TEST(RateBradleyTerry, SandwichTwoModelsClosedForm) {
  // No ties: the sandwich equals the inverse information, Var(d) = 1 / (N p (1 − p)), and with
  // mean-centring each rating carries half of d.
  auto c = battles({"x", "y"}, {{0, 1, Outcome::a_wins, 60}, {0, 1, Outcome::b_wins, 40}});
  auto r = run("bt", c, {{"intervals", "sandwich"}});
  double p = 0.6, sd_d = std::sqrt(1 / (100 * p * (1 - p)));
  double half = 1.959963984540054 * kPerNat * sd_d / 2;
  for (const auto& m : r.ratings) {
    EXPECT_NEAR(m.ci_high - m.rating, half, 1e-6);
    EXPECT_NEAR(m.rating - m.ci_low, half, 1e-6);
  }
}

TEST(RateTieModels, DavidsonTwoModelsSaturated) {
  // Two models: the model is saturated, so P̂ = observed frequencies: e^d = w / l, ν = t / √(w l).
  auto c = battles({"x", "y"}, {{0, 1, Outcome::a_wins, 30}, {0, 1, Outcome::b_wins, 10}, {0, 1, Outcome::tie, 20}});
  auto r = run("davidson", c);
  EXPECT_NEAR((rating_of(r, 0) - rating_of(r, 1)) / kPerNat, std::log(3.0), 1e-8);
  EXPECT_NEAR(r.explanation["nu"].get<double>(), 20 / std::sqrt(300.0), 1e-8);
}

TEST(RateTieModels, RaoKupperTwoModelsSaturated) {
  // σ(d − η) = w/N and σ(−d − η) = l/N.
  auto c = battles({"x", "y"}, {{0, 1, Outcome::a_wins, 30}, {1, 0, Outcome::a_wins, 10}, {0, 1, Outcome::tie_bothbad, 20}});
  auto r = run("rao_kupper", c);
  auto logit = [](double q) { return std::log(q / (1 - q)); };
  double lw = logit(0.5), ll = logit(10.0 / 60);
  EXPECT_NEAR((rating_of(r, 0) - rating_of(r, 1)) / kPerNat, (lw - ll) / 2, 1e-8);
  EXPECT_NEAR(r.explanation["eta"].get<double>(), -(lw + ll) / 2, 1e-8);
}

// Davidson log-likelihood written independently, over (ratings, log ν).
double davidson_loglik(const Comparisons& c, const std::vector<double>& s, double lognu) {
  double L = 0;
  for (const auto& r : c.pairs) {
    double pa = std::exp(s[static_cast<size_t>(r.a)]), pb = std::exp(s[static_cast<size_t>(r.b)]);
    double tie = std::exp(lognu) * std::sqrt(pa * pb), D = pa + pb + tie;
    double p = r.outcome == Outcome::a_wins ? pa / D : r.outcome == Outcome::b_wins ? pb / D : tie / D;
    L += r.count * std::log(p);
  }
  return L;
}

TEST(RateTieModels, DavidsonGradientIsZero) {
  auto c = random_league(5, 19);
  auto r = run("davidson", c);
  std::vector<double> s(5);
  for (int i = 0; i < 5; ++i) s[static_cast<size_t>(i)] = (rating_of(r, i) - 1000) / kPerNat;
  double lognu = std::log(r.explanation["nu"].get<double>());
  for (size_t i = 0; i <= 5; ++i) {
    auto f = [&](double h) {
      auto t = s;
      double ln = lognu;
      if (i < 5) t[i] += h;
      else ln += h;
      return davidson_loglik(c, t, ln);
    };
    EXPECT_NEAR((f(1e-5) - f(-1e-5)) / 2e-5, 0, 1e-5) << i;
  }
}

TEST(RateStyle, CovariateThatExplainsWinsIsPickedUp) {
  // Two equally strong models; the longer answer (z = +1 for the a side) wins 80 % of the time.
  Comparisons c;
  c.models = {"x", "y"};
  c.covariate_names = {"len"};
  c.covariates = {{1.0}, {-1.0}};
  c.pairs = {PairRow{0, 1, Outcome::a_wins, 80, 0}, PairRow{0, 1, Outcome::b_wins, 20, 0},
             PairRow{0, 1, Outcome::a_wins, 20, 1}, PairRow{0, 1, Outcome::b_wins, 80, 1}};
  auto r = run("bt_style", c, {{"l2", "0"}, {"normalize", "false"}});
  // Saturated: logit(0.8) = s_x − s_y + β and logit(0.2) = s_x − s_y − β → β = logit(0.8), gap 0.
  EXPECT_NEAR(r.explanation["covariate_coefficients"]["len"].get<double>(), std::log(4.0), 1e-8);
  EXPECT_NEAR(rating_of(r, 0), rating_of(r, 1), 1e-6);
  auto plain = run("bt", c);
  EXPECT_NEAR(rating_of(plain, 0), rating_of(plain, 1), 1e-6);
  EXPECT_THROW(run("bt_style", battles({"x", "y"}, {{0, 1, Outcome::a_wins, 1}, {0, 1, Outcome::b_wins, 1}})), InputError);
}

TEST(RateBradleyTerry, RankingsOnlyInputIsAClearError) {
  Comparisons c;
  c.models = {"a", "b"};
  c.rankings.push_back(KwiseRow{{{0}, {1}}, 1});
  EXPECT_THROW(run("bt", c), InputError);
}

}  // namespace
}  // namespace prefero
