// Weng-Lin models through the registry (battles and K-wise rankings as one-player teams).
// Expected values: openskill.py 6.2.0 with default parameters, as recorded in the research
// note (shared/notes/arena.md section 6.2: 1-vs-1 win/tie and a 4-player free-for-all).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "rate/weng_lin.hpp"
#include "rate_test_util.hpp"

using namespace prefero;
using namespace prefero::test;

namespace {

struct MuSigma {
  double mu, sigma;
};

MuSigma player(const RatingResult& r, int model) {
  for (const auto& p : r.explanation["players"])
    if (p["name"] == std::string(1, static_cast<char>('a' + model))) return {p["mu"], p["sigma"]};
  return {0, 0};
}

TEST(RateWengLin, DefaultOneVersusOne) {
  Comparisons win = models_named(2), tie = models_named(2);
  battle(win, 0, 1, Outcome::a_wins);
  battle(tie, 0, 1, Outcome::tie);
  for (const char* id : {"weng_lin_plackett_luce", "weng_lin_bradley_terry_full", "weng_lin_bradley_terry_part"}) {
    const auto w = run_rate(id, win);
    EXPECT_NEAR(player(w, 0).mu, 27.635389, 1e-6) << id;
    EXPECT_NEAR(player(w, 1).mu, 22.364611, 1e-6) << id;
    EXPECT_NEAR(player(w, 0).sigma, 8.065901, 1e-6) << id;
    const auto t = run_rate(id, tie);
    EXPECT_NEAR(player(t, 0).mu, 25.0, 1e-9) << id;
    EXPECT_NEAR(player(t, 1).sigma, 8.065901, 1e-6) << id;
  }
  const auto tm = run_rate("weng_lin_thurstone_mosteller_full", win);
  EXPECT_NEAR(player(tm, 0).mu, 29.230972, 1e-6);
  EXPECT_NEAR(player(tm, 1).mu, 20.769028, 1e-6);
  EXPECT_NEAR(player(tm, 0).sigma, 7.631294, 1e-6);
  EXPECT_NEAR(player(run_rate("weng_lin_thurstone_mosteller_full", tie), 0).sigma, 7.202863, 1e-6);
  const auto tp = run_rate("weng_lin_thurstone_mosteller_part", win);
  EXPECT_NEAR(player(tp, 0).mu, 27.109107, 1e-6);
  EXPECT_NEAR(player(tp, 0).sigma, 8.249325, 1e-6);
  EXPECT_NEAR(player(run_rate("weng_lin_thurstone_mosteller_part", tie), 0).sigma, 8.200920, 1e-6);
}

TEST(RateWengLin, FreeForAllOfFour) {
  Comparisons c = models_named(4);
  ranking(c, {{0}, {1}, {2}, {3}});
  const auto r = run_rate("PlackettLuce", c);  // openskill's name is an alias
  EXPECT_NEAR(player(r, 0).mu, 27.7953, 1e-4);
  EXPECT_NEAR(player(r, 1).mu, 26.5529, 1e-4);
  EXPECT_NEAR(player(r, 2).mu, 24.6894, 1e-4);
  EXPECT_NEAR(player(r, 3).mu, 20.9624, 1e-4);
  EXPECT_EQ(r.ratings.front().model, 0);
  EXPECT_NEAR(r.ratings.front().ci_low, player(r, 0).mu - 3 * player(r, 0).sigma, 1e-12);
}

TEST(RateWengLin, OrdinalScoreAndBadInput) {
  Comparisons c = models_named(2);
  battle(c, 0, 1, Outcome::a_wins);
  const auto r = run_rate("weng_lin_bradley_terry_full", c, {{"score", "ordinal"}});
  EXPECT_NEAR(r.ratings.front().rating, 27.635389 - 3 * 8.065901, 1e-5);
  EXPECT_THROW(run_rate("weng_lin_bradley_terry_full", c, {{"sigma", "0"}}), InputError);
  Comparisons dup = models_named(2);
  ranking(dup, {{0}, {0, 1}});
  EXPECT_THROW(run_rate("weng_lin_plackett_luce", dup), InputError);
  EXPECT_THROW(weng_lin_rate(WengLinModel::plackett_luce, WengLinSettings{}, {{Skill{}}}), InputError);
}

TEST(RateWengLin, TiedTeamsWithEqualPriorsStayEqual) {
  WengLinSettings s;
  for (auto m : {WengLinModel::plackett_luce, WengLinModel::bradley_terry_full, WengLinModel::bradley_terry_part,
                 WengLinModel::thurstone_mosteller_full, WengLinModel::thurstone_mosteller_part}) {
    const auto out = weng_lin_rate(m, s, {{Skill{}}, {Skill{}}, {Skill{}}}, {1, 1, 1});
    EXPECT_NEAR(out[0][0].mu, out[2][0].mu, 1e-12);
    EXPECT_NEAR(out[0][0].mu, 25.0, 1e-9);
  }
}

}  // namespace
