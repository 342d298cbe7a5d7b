// Agreement statistics against published worked examples.
#include <gtest/gtest.h>

#include <cmath>

#include "agree/agreement.hpp"
#include "core/error.hpp"

namespace prefero {
namespace {

TEST(CohenKappa, WikipediaExample) {
  // 50 proposals: both yes 20, A yes B no 5, A no B yes 10, both no 15 -> p_o 0.7, p_e 0.5, kappa 0.4.
  std::vector<int> a, b;
  auto add = [&](int n, int x, int y) {
    for (int i = 0; i < n; ++i) a.push_back(x), b.push_back(y);
  };
  add(20, 1, 1);
  add(5, 1, 0);
  add(10, 0, 1);
  add(15, 0, 0);
  EXPECT_NEAR(cohen_kappa(a, b), 0.4, 1e-12);
}

TEST(FleissKappa, WikipediaExample) {
  // Fleiss' kappa article: 10 subjects, 14 raters, 5 categories -> kappa 0.210.
  std::vector<std::vector<int>> counts{{0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0},
                                       {2, 2, 8, 1, 1},  {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2},
                                       {6, 5, 2, 1, 0},  {0, 2, 2, 3, 7}};
  EXPECT_NEAR(fleiss_kappa(counts), 0.210, 0.0005);
  counts[3][0] = 1;  // 15 ratings for one subject
  EXPECT_THROW(fleiss_kappa(counts), InputError);
}

TEST(KrippendorffAlpha, KrippendorffsOwnExampleWithMissingValues) {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", sec. C: 4 observers x 12 units.
  const double m = NAN;
  std::vector<std::vector<double>> obs{{1, 1, m, 1}, {2, 2, 3, 2}, {3, 3, 3, 3}, {3, 3, 3, 3},
                                       {2, 2, 2, 2}, {1, 2, 3, 4}, {4, 4, 4, 4}, {1, 1, 2, 1},
                                       {2, 2, 2, 2}, {m, 5, 5, 5}, {m, m, 1, 1}, {m, 3, m, m}};
  EXPECT_NEAR(krippendorff_alpha(obs, Level::nominal), 0.743, 0.0005);
  EXPECT_NEAR(krippendorff_alpha(obs, Level::ordinal), 0.815, 0.0005);
  EXPECT_NEAR(krippendorff_alpha(obs, Level::interval), 0.849, 0.0005);
}

TEST(RankCorrelation, AgreesWithScipyDocumentationExamples) {
  // scipy.stats.kendalltau and spearmanr docstring examples (values printed by scipy 1.10).
  EXPECT_NEAR(kendall_tau_b({12, 2, 1, 12, 2}, {1, 4, 7, 1, 0}), -0.4714045207910316, 1e-12);
  EXPECT_NEAR(spearman_rho({1, 2, 3, 4, 5}, {5, 6, 7, 8, 7}), 0.8207826816681233, 1e-12);
  EXPECT_THROW(kendall_tau_b({1, 2}, {1}), InputError);
}

TEST(JudgeAgreement, ComparesTheJudgeWithTheOthersMajority) {
  LabelData d;
  d.tasks = {"t1", "t2", "t3", "t4"};
  d.workers = {"h1", "h2", "h3", "judge"};
  d.labels = {"a", "b"};
  // Majorities: t1 a, t2 b, t3 a, t4 b; the judge says a, b, b, b -> 3 of 4 agree.
  int maj[4] = {0, 1, 0, 1}, judge[4] = {0, 1, 1, 1};
  for (int t = 0; t < 4; ++t) {
    d.judgments.push_back({t, 0, maj[t]});
    d.judgments.push_back({t, 1, maj[t]});
    d.judgments.push_back({t, 2, 1 - maj[t]});
    d.judgments.push_back({t, 3, judge[t]});
  }
  JudgeAgreement r = judge_agreement(d, "judge");
  EXPECT_EQ(r.tasks, 4);
  EXPECT_DOUBLE_EQ(r.agreement, 0.75);
  EXPECT_NEAR(r.kappa, 0.5, 1e-12);  // p_o 0.75, p_e 0.5
  EXPECT_THROW(judge_agreement(d, "nobody"), InputError);
}

}  // namespace
}  // namespace prefero
