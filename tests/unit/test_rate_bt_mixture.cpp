// bt_mixture: EM recovers two planted voter groups with opposite preferences (truth from the
// generator), K = 1 is plain Bradley–Terry (tested independently in test_rate_bt.cpp), a
// hand-worked max–min case whose group data are exactly proportional to known strengths (so
// each group's MLE is known in closed form), determinism, errors, and the readers' voter field.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "core/error.hpp"
#include "io/read_comparisons.hpp"
#include "rate/bt_mixture.hpp"
#include "rate_test_util.hpp"

namespace prefero {
namespace {

using test::by_model;
using test::run_rate;

const double kPerNat = 400 / std::log(10.0);

void vote(Comparisons& c, int voter, int a, int b, Outcome o, double n) { c.pairs.push_back(PairRow{a, b, o, n, -1, voter}); }

// Voters 0..59 in group A (strengths s), 60..99 in group B (strengths −s); 40 battles each,
// uniform random pairs, outcomes drawn from Bradley–Terry.
Comparisons planted(const std::vector<double>& s, uint64_t seed) {
  Comparisons c = test::models_named(static_cast<int>(s.size()));
  std::mt19937_64 gen(seed);
  std::uniform_int_distribution<int> pick(0, static_cast<int>(s.size()) - 1);
  std::uniform_real_distribution<double> u(0, 1);
  for (int v = 0; v < 100; ++v) {
    c.voters.push_back("v" + std::to_string(v));
    double sign = v < 60 ? 1 : -1;
    for (int t = 0; t < 40; ++t) {
      int a = pick(gen), b = pick(gen);
      if (a == b) b = (a + 1) % static_cast<int>(s.size());
      double p = 1 / (1 + std::exp(-sign * (s[static_cast<size_t>(a)] - s[static_cast<size_t>(b)])));
      vote(c, v, a, b, u(gen) < p ? Outcome::a_wins : Outcome::b_wins, 1);
    }
  }
  return c;
}

TEST(RateBtMixture, RecoversTwoPlantedOppositeGroups) {
  const std::vector<double> s = {-1.5, -0.9, -0.3, 0.3, 0.9, 1.5};  // mean 0
  for (uint64_t data_seed : {1u, 2u}) {
    Comparisons c = planted(s, data_seed);
    rate::BtMixtureSpec spec;
    spec.seed = 7;
    rate::BtMixtureFit f = rate::fit_bt_mixture(c, spec);
    ASSERT_EQ(f.weights.size(), 2u);
    EXPECT_NEAR(f.weights[0], 0.6, 0.05) << data_seed;
    EXPECT_NEAR(f.weights[1], 0.4, 0.05) << data_seed;
    EXPECT_TRUE(f.converged);
    for (size_t i = 0; i < s.size(); ++i) {
      EXPECT_NEAR(f.s[0][i], s[i], 0.35) << "group A, model " << i;
      EXPECT_NEAR(f.s[1][i], -s[i], 0.45) << "group B, model " << i;
    }
    int correct = 0;
    for (int v = 0; v < 100; ++v) {
      size_t g = f.resp[static_cast<size_t>(v)][0] >= 0.5 ? 0 : 1;
      correct += (g == 0) == (v < 60);
    }
    EXPECT_GE(correct, 95) << data_seed;
  }
}

TEST(RateBtMixture, OneGroupIsPlainBradleyTerry) {
  Comparisons c = test::models_named(5);
  std::mt19937_64 gen(3);
  for (int v = 0; v < 30; ++v) {
    c.voters.push_back("judge" + std::to_string(v));
    for (int t = 0; t < 6; ++t) {
      int a = static_cast<int>(gen() % 5), b = static_cast<int>((a + 1 + gen() % 4) % 5);
      vote(c, v, a, b, static_cast<Outcome>(gen() % 4), 1);
    }
  }
  for (std::string bothbad : {"tie", "drop"}) {
    auto bt = by_model(run_rate("bradley_terry", c, {{"bothbad", bothbad}}));
    auto mix = run_rate("bt_mixture", c, {{"groups", "1"}, {"bothbad", bothbad}});
    auto m = by_model(mix);
    for (size_t i = 0; i < 5; ++i) EXPECT_NEAR(m[i], bt[i], 1e-6) << bothbad << " model " << i;
    EXPECT_DOUBLE_EQ(mix.explanation["groups"][0]["weight"].get<double>(), 1.0);
  }
}

// Group 1 (voters 0–2) strengths (9, 3, 1), group 2 (voter 3) strengths (1, 2, 4) for A, B, C;
// each voter's counts are exactly P(i beats j) = π_i/(π_i + π_j) times a multiple, so each
// group's MLE is log π (centred): group 1 (ln 3, 0, −ln 3), group 2 (−ln 2, 0, ln 2).
// Max–min: A min(ln 3, −ln 2) = −ln 2, B 0, C −ln 3 → B wins with 1000.
TEST(RateBtMixture, HandWorkedMaxMinWinner) {
  Comparisons c;
  c.models = {"A", "B", "C"};
  auto pattern = [&](int v, double ab, double ba, double bc, double cb, double ac, double ca) {
    c.voters.push_back("voter" + std::to_string(v));
    const double m = 5;
    vote(c, v, 0, 1, Outcome::a_wins, m * ab), vote(c, v, 0, 1, Outcome::b_wins, m * ba);
    vote(c, v, 1, 2, Outcome::a_wins, m * bc), vote(c, v, 1, 2, Outcome::b_wins, m * cb);
    vote(c, v, 0, 2, Outcome::a_wins, m * ac), vote(c, v, 0, 2, Outcome::b_wins, m * ca);
  };
  for (int v = 0; v < 3; ++v) pattern(v, 3, 1, 3, 1, 9, 1);
  pattern(3, 1, 2, 1, 2, 1, 4);
  auto r = run_rate("bt_mixture", c, {{"groups", "2"}});
  const json& e = r.explanation;
  EXPECT_NEAR(e["groups"][0]["weight"].get<double>(), 0.75, 1e-6);
  EXPECT_NEAR(e["groups"][1]["weight"].get<double>(), 0.25, 1e-6);
  const double l2 = std::log(2.0), l3 = std::log(3.0);
  EXPECT_NEAR(e["groups"][0]["ratings"]["A"].get<double>(), 1000 + kPerNat * l3, 1e-4);
  EXPECT_NEAR(e["groups"][0]["ratings"]["C"].get<double>(), 1000 - kPerNat * l3, 1e-4);
  EXPECT_NEAR(e["groups"][1]["ratings"]["A"].get<double>(), 1000 - kPerNat * l2, 1e-4);
  EXPECT_NEAR(e["groups"][1]["ratings"]["C"].get<double>(), 1000 + kPerNat * l2, 1e-4);
  auto m = by_model(r);
  EXPECT_NEAR(m[0], 1000 - kPerNat * l2, 1e-4);
  EXPECT_NEAR(m[1], 1000, 1e-4);
  EXPECT_NEAR(m[2], 1000 - kPerNat * l3, 1e-4);
  ASSERT_EQ(e["egalitarian_winners"].size(), 1u);
  EXPECT_EQ(e["egalitarian_winners"][0], "B");
  EXPECT_EQ(r.ratings[0].model, 1);
}

TEST(RateBtMixture, SameSeedSameBitsAndErrors) {
  Comparisons c = planted({-1, 0, 1}, 5);
  auto a = run_rate("bt_mixture", c, {{"seed", "3"}, {"groups", "3"}});
  auto b = run_rate("bt_mixture", c, {{"seed", "3"}, {"groups", "3"}});
  EXPECT_EQ(a.explanation.dump(), b.explanation.dump());
  for (size_t i = 0; i < a.ratings.size(); ++i) EXPECT_EQ(a.ratings[i].rating, b.ratings[i].rating);

  Comparisons none = test::models_named(2);
  test::battle(none, 0, 1, Outcome::a_wins), test::battle(none, 1, 0, Outcome::a_wins);
  EXPECT_THROW(run_rate("bt_mixture", none), InputError);
  EXPECT_THROW(run_rate("bt_mixture", c, {{"groups", "0"}}), InputError);
}

TEST(RateBtMixture, ReadersCarryTheJudgeOnlyWhenAsked) {
  const std::string jsonl =
      R"({"model_a":"x","model_b":"y","winner":"model_a","judge":"u1"})"
      "\n"
      R"({"model_a":"x","model_b":"y","winner":"model_a","judge":"u2"})"
      "\n"
      R"({"model_a":"x","model_b":"y","winner":"model_a","judge":"u1"})"
      "\n";
  ComparisonsReadOptions with;
  with.voters = true;
  Comparisons c = read_battles_jsonl_text(jsonl, "t.jsonl", with);
  ASSERT_EQ(c.voters, (std::vector<std::string>{"u1", "u2"}));
  ASSERT_EQ(c.pairs.size(), 2u);
  EXPECT_EQ(c.pairs[0].voter, 0);
  EXPECT_DOUBLE_EQ(c.pairs[0].count, 2);
  EXPECT_EQ(c.pairs[1].voter, 1);
  Comparisons plain = read_battles_jsonl_text(jsonl, "t.jsonl");
  EXPECT_TRUE(plain.voters.empty());
  ASSERT_EQ(plain.pairs.size(), 1u);
  EXPECT_EQ(plain.pairs[0].voter, -1);

  const std::string csv = "model_a,model_b,winner,judge\nx,y,model_b,u1\nx,y,model_b,u2\n";
  Comparisons cc = read_battles_csv_text(csv, "t.csv", with);
  ASSERT_EQ(cc.voters.size(), 2u);
  EXPECT_EQ(cc.pairs[1].voter, 1);
  Comparisons num = read_battles_jsonl_text(R"({"model_a":"x","model_b":"y","winner":"tie","worker":3})", "n.jsonl", with);
  EXPECT_EQ(num.voters, (std::vector<std::string>{"3"}));
  EXPECT_THROW(read_battles_jsonl_text(R"({"model_a":"x","model_b":"y","winner":"tie","judge":[3]})", "b.jsonl", with),
               InputError);
}

}  // namespace
}  // namespace prefero
