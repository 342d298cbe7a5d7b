// Truth inference on crowd-kit's unit-test fixtures (Apache-2.0; values transcribed in
// shared/notes/crowd.md section 3) and on hand-worked examples.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "core/error.hpp"
#include "crowd/infer.hpp"
#include "io/labels_read.hpp"
#include "registry/registry.hpp"

using namespace prefero;

namespace {

// crowd-kit tests/conftest.py toy_answers_df (5 workers x 5 tasks, yes/no).
const char* kToy =
    "task,worker,label\n"
    "t1,w1,no\nt2,w1,yes\nt3,w1,yes\nt4,w1,yes\nt5,w1,yes\n"
    "t1,w2,yes\nt2,w2,yes\nt3,w2,no\nt4,w2,yes\nt5,w2,no\n"
    "t2,w3,yes\nt3,w3,no\nt4,w3,yes\nt5,w3,no\n"
    "t1,w4,yes\nt2,w4,no\nt3,w4,yes\nt4,w4,yes\nt5,w4,no\n"
    "t1,w5,no\nt2,w5,no\nt3,w5,no\nt4,w5,yes\nt5,w5,no\n";

// crowd-kit tests/aggregation/test_ds_aggregation.py step-by-step data.
const char* kDsSteps =
    "task,worker,label\n"
    "t1,w1,no\nt1,w2,yes\nt1,w4,yes\nt1,w5,no\n"
    "t2,w1,yes\nt2,w2,yes\nt2,w3,yes\nt2,w4,no\nt2,w5,no\n"
    "t3,w1,yes\nt3,w2,no\nt3,w3,no\nt3,w4,yes\nt3,w5,no\n"
    "t4,w1,yes\nt4,w2,yes\nt4,w3,yes\nt4,w4,yes\nt4,w5,yes\n"
    "t5,w1,yes\nt5,w2,no\nt5,w3,no\nt5,w4,no\nt5,w5,no\n";

LabelData parse(const std::string& text, const std::string& gold = "") {
  return read_labels_text(text, "answers.csv", gold, gold.empty() ? "" : "gold.csv");
}

InferenceResult run(const std::string& id, const LabelData& d, std::map<std::string, std::string> params = {}) {
  return run_infer(require_method(id), d, params).result;
}

std::vector<std::string> names(const LabelData& d, const InferenceResult& r) {
  std::vector<std::string> out;
  for (int l : r.labels) out.push_back(l < 0 ? "-" : d.labels[l]);
  return out;
}

const std::vector<std::string> kToyTruth = {"yes", "yes", "no", "yes", "no"};

}  // namespace

TEST(CrowdMajorityVote, ToyTieGoesToLowestLabel) {
  auto d = parse(kToy);
  ASSERT_EQ(d.labels, (std::vector<std::string>{"no", "yes"}));
  auto r = run("majority_vote", d);
  // t1: 2 no vs 2 yes -> "no" (first in natural order, as crowd-kit's sorted columns)
  EXPECT_EQ(names(d, r), (std::vector<std::string>{"no", "yes", "no", "yes", "no"}));
  EXPECT_DOUBLE_EQ(r.posteriors[0][0], 0.5);
  EXPECT_DOUBLE_EQ(r.posteriors[1][1], 0.6);
  EXPECT_EQ(r.explanation["tied_tasks"], 1);
}

TEST(CrowdMajorityVote, RandomTieBreakIsSeededAndOnlyTouchesTies) {
  auto d = parse(kToy);
  std::set<std::string> seen;
  for (int seed = 0; seed < 16; ++seed) {
    auto r = run("majority_vote", d, {{"ties", "random"}, {"seed", std::to_string(seed)}});
    auto again = run("majority_vote", d, {{"ties", "random"}, {"seed", std::to_string(seed)}});
    EXPECT_EQ(r.labels, again.labels);
    seen.insert(d.labels[r.labels[0]]);
    for (int t = 1; t < 5; ++t) EXPECT_EQ(r.labels[t], run("majority_vote", d).labels[t]);
  }
  EXPECT_EQ(seen.size(), 2u);  // both tied labels occur over 16 seeds
}

TEST(CrowdWawa, MatchesCrowdKitFixture) {
  // crowd-kit tests/aggregation/data_wawa.py: labels, skills and probas on the toy data.
  auto d = parse(kToy);
  auto r = run("wawa", d);
  EXPECT_EQ(names(d, r), (std::vector<std::string>{"no", "yes", "no", "yes", "no"}));
  std::vector<double> skills = {0.6, 0.8, 1.0, 0.4, 0.8};
  for (int w = 0; w < 5; ++w) EXPECT_NEAR(r.worker_skill[w], skills[w], 1e-6) << d.workers[w];
  std::vector<double> yes = {0.461538, 0.666667, 0.277778, 1.0, 0.166667};
  for (int t = 0; t < 5; ++t) EXPECT_NEAR(r.posteriors[t][1], yes[t], 1e-6) << d.tasks[t];
}

TEST(CrowdGoldMajorityVote, HandWorkedToy) {
  // gold t1 = t2 = yes: skills w1 1/2, w2 1, w3 1, w4 1/2, w5 0 (accuracy on the gold tasks).
  auto d = parse(kToy, "task,label\nt1,yes\nt2,yes\n");
  auto r = run("gold_majority_vote", d);
  std::vector<double> skills = {0.5, 1.0, 1.0, 0.5, 0.0};
  for (int w = 0; w < 5; ++w) EXPECT_DOUBLE_EQ(r.worker_skill[w], skills[w]);
  // t1: yes 1 + 0.5 = 1.5 vs no 0.5 + 0 -> yes; t3: yes 0.5 + 0.5 vs no 1 + 1 + 0 -> no;
  // t5: yes 0.5 vs no 1 + 1 + 0.5 -> no.
  EXPECT_EQ(names(d, r), kToyTruth);
  EXPECT_DOUBLE_EQ(r.posteriors[0][1], 0.75);
  // Every worker answered a gold task here; without gold, an error names the method's fix.
  auto no_gold = parse(kToy);
  EXPECT_THROW(run("gold_majority_vote", no_gold), InputError);
}

TEST(CrowdDawidSkene, ToyRecoversGroundTruth) {
  auto d = parse(kToy);
  for (std::string tol : {"0", "1e-05", "100500"})
    EXPECT_EQ(names(d, run("dawid_skene", d, {{"n_iter", "10"}, {"tol", tol}})), kToyTruth) << tol;
  EXPECT_EQ(names(d, run("one_coin_dawid_skene", d)), kToyTruth);
}

TEST(CrowdDawidSkene, StepByStepMatchesCrowdKit) {
  auto d = parse(kDsSteps);
  // n_iter = 0: majority-vote shares and the M-step on them.
  auto r0 = run("dawid_skene", d, {{"n_iter", "0"}});
  std::vector<double> no0 = {0.5, 0.4, 0.6, 0.0, 0.8};
  for (int t = 0; t < 5; ++t) EXPECT_NEAR(r0.posteriors[t][0], no0[t], 1e-9);
  EXPECT_EQ(names(d, r0), (std::vector<std::string>{"no", "yes", "no", "yes", "no"}));
  EXPECT_NEAR(r0.explanation["priors"][0].get<double>(), 0.46, 1e-9);
  // errors: confusion[w][truth][given]; the fixture lists rows (worker, given) x cols (no, yes).
  const double e0[5][2][2] = {{{0.22, 0.19}, {0.78, 0.81}}, {{0.61, 0.22}, {0.39, 0.78}},
                              {{0.78, 0.27}, {0.22, 0.73}}, {{0.52, 0.30}, {0.48, 0.70}},
                              {{1.00, 0.63}, {0.00, 0.37}}};
  for (int w = 0; w < 5; ++w)
    for (int given = 0; given < 2; ++given)
      for (int truth = 0; truth < 2; ++truth)
        EXPECT_NEAR(r0.confusion[w][truth][given], e0[w][given][truth], 0.005) << w << given << truth;
  // n_iter = 1.
  auto r1 = run("dawid_skene", d, {{"n_iter", "1"}});
  std::vector<double> no1 = {0.35, 0.26, 0.87, 0.0, 0.95};
  for (int t = 0; t < 5; ++t) EXPECT_NEAR(r1.posteriors[t][0], no1[t], 0.005);
  EXPECT_EQ(names(d, r1), (std::vector<std::string>{"yes", "yes", "no", "yes", "no"}));
  EXPECT_NEAR(r1.explanation["priors"][0].get<double>(), 0.49, 0.005);
  const double e1[5][2][2] = {{{0.14, 0.25}, {0.86, 0.75}}, {{0.75, 0.07}, {0.25, 0.93}},
                              {{0.87, 0.09}, {0.13, 0.91}}, {{0.50, 0.31}, {0.50, 0.69}},
                              {{1.00, 0.61}, {0.00, 0.39}}};
  for (int w = 0; w < 5; ++w)
    for (int given = 0; given < 2; ++given)
      for (int truth = 0; truth < 2; ++truth)
        EXPECT_NEAR(r1.confusion[w][truth][given], e1[w][given][truth], 0.005) << w << given << truth;
}

TEST(CrowdDawidSkene, OverlapFixture) {
  // crowd-kit: workers 0..n-1 x 3 tasks, label yes iff (w - t) mod 3 != 0 -> every task yes, P(yes) = 2/3.
  for (int n : {3, 300}) {
    std::string text = "task,worker,label\n";
    for (int w = 0; w < n; ++w)
      for (int t = 0; t < 3; ++t)
        text += std::to_string(t) + "," + std::to_string(w) + "," + (((w - t) % 3 + 3) % 3 != 0 ? "yes" : "no") + "\n";
    auto d = parse(text);
    auto r = run("dawid_skene", d);
    for (int t = 0; t < 3; ++t) {
      EXPECT_EQ(d.labels[r.labels[t]], "yes");
      EXPECT_NEAR(r.posteriors[t][1], 2.0 / 3.0, 1e-6);
    }
  }
}

TEST(CrowdDawidSkene, GoldTasksAreHeldAtTheirLabel) {
  auto d = parse(kDsSteps, "task,truth\nt1,no\n");
  auto r = run("dawid_skene", d, {{"use_gold", "true"}});
  EXPECT_EQ(d.labels[r.labels[0]], "no");
  EXPECT_DOUBLE_EQ(r.posteriors[0][0], 1.0);
}

TEST(CrowdDawidSkene, ElboNeverDecreases) {
  // Each EM round maximises the ELBO in q then in the parameters, so its history cannot fall.
  for (const char* text : {kToy, kDsSteps}) {
    auto d = parse(text);
    auto r = run("dawid_skene", d, {{"tol", "-1"}, {"n_iter", "30"}});
    const auto& h = r.explanation["elbo_history"];
    ASSERT_EQ(h.size(), 30u);
    for (size_t i = 1; i < h.size(); ++i) EXPECT_GE(h[i].get<double>(), h[i - 1].get<double>() - 1e-9) << i;
  }
}

// Row order must not matter: indices are assigned in natural name order.
TEST(CrowdMethods, ResultsDoNotDependOnRowOrder) {
  std::string body = std::string(kDsSteps).substr(std::string("task,worker,label\n").size());
  std::vector<std::string> rows;
  for (size_t p = 0, q; (q = body.find('\n', p)) != std::string::npos; p = q + 1) rows.push_back(body.substr(p, q - p));
  std::mt19937 rng(3);
  auto base = parse(kDsSteps);
  for (int rep = 0; rep < 5; ++rep) {
    std::shuffle(rows.begin(), rows.end(), rng);
    std::string text = "task,worker,label\n";
    for (const auto& r : rows) text += r + "\n";
    auto d = parse(text);
    for (const auto& m : methods()) {
      if (m.family != "crowd" || m.id == "gold_majority_vote" || m.id == "top_two") continue;
      auto a = run(m.id, base), b = run(m.id, d);
      EXPECT_EQ(a.labels, b.labels) << m.id;
      for (size_t t = 0; t < a.posteriors.size(); ++t)
        for (size_t k = 0; k < a.posteriors[t].size(); ++k)
          EXPECT_NEAR(a.posteriors[t][k], b.posteriors[t][k], 1e-9) << m.id;
    }
  }
}

// Every method returns a label, a posterior summing to 1, and a skill or confusion per worker.
TEST(CrowdMethods, OutputShapes) {
  auto d = parse(kToy, "task,label\nt1,yes\nt2,yes\n");
  for (const auto& m : methods()) {
    if (m.family != "crowd" || m.id == "top_two") continue;  // top_two needs K >= 3 (below)
    auto r = run(m.id, d);
    ASSERT_EQ(r.labels.size(), 5u) << m.id;
    for (int t = 0; t < 5; ++t) {
      ASSERT_EQ(r.posteriors[t].size(), 2u) << m.id;
      EXPECT_NEAR(r.posteriors[t][0] + r.posteriors[t][1], 1.0, 1e-9) << m.id;
      EXPECT_GE(r.labels[t], 0) << m.id;
    }
    EXPECT_TRUE(r.worker_skill.size() == 5u || r.confusion.size() == 5u) << m.id;
  }
}

TEST(CrowdScore, ZhengProtocolCountsUnansweredGoldAtChance) {
  // t9 is a gold task nobody answered: crowd-kit skips it, Zheng et al. score it at 1/K.
  auto d = parse(kToy, "task,label\nt1,yes\nt2,yes\nt3,no\nt9,no\n");
  auto r = run("dawid_skene", d);
  GoldScore s = score_against_gold(d, r);
  EXPECT_EQ(s.evaluated, 3);
  EXPECT_EQ(s.unanswered, 1);
  EXPECT_DOUBLE_EQ(s.accuracy(), 1.0);
  EXPECT_DOUBLE_EQ(s.zheng_expected, (3 + 0.5) / 4);
  // Majority vote's t1 is a 2-2 tie: fractional credit 1/2 there.
  GoldScore mv = score_against_gold(d, run("majority_vote", d));
  EXPECT_DOUBLE_EQ(mv.fractional_accuracy(), (0.5 + 1 + 1) / 3);
}

TEST(CrowdTopTwo, NeedsThreeLabelsAndIsRowOrderFree) {
  EXPECT_THROW(run("top_two", parse(kToy)), InputError);
  // 4 tasks, 6 workers, 3 labels: a on t1/t2 mostly, b second; c mostly on t3/t4.
  std::vector<std::string> rows;
  const char* ans[4][6] = {{"a", "a", "b", "a", "b", "c"}, {"a", "b", "a", "a", "c", "b"},
                           {"c", "c", "b", "c", "a", "c"}, {"c", "b", "c", "c", "c", "a"}};
  for (int t = 0; t < 4; ++t)
    for (int w = 0; w < 6; ++w) rows.push_back("t" + std::to_string(t) + ",w" + std::to_string(w) + "," + ans[t][w]);
  auto text = [&]() {
    std::string s = "task,worker,label\n";
    for (const auto& r : rows) s += r + "\n";
    return s;
  };
  auto d = parse(text());
  auto r = run("top_two", d);
  EXPECT_EQ(names(d, r), (std::vector<std::string>{"a", "a", "c", "c"}));
  for (const auto& p : r.posteriors) {
    ASSERT_EQ(p.size(), 3u);
    EXPECT_NEAR(p[0] + p[1] + p[2], 1.0, 1e-12);
  }
  std::mt19937 rng(5);
  std::shuffle(rows.begin(), rows.end(), rng);
  auto d2 = parse(text());
  auto r2 = run("top_two", d2);
  EXPECT_EQ(r.labels, r2.labels);
  EXPECT_EQ(r.explanation["second_labels"], r2.explanation["second_labels"]);
}

// Same bits with any thread count: work is split in fixed chunks (16,384 tasks), so use more.
TEST(CrowdDawidSkene, ThreadCountDoesNotChangeBits) {
  LabelData d;
  const int T = 40000, W = 300, K = 3;
  for (int t = 0; t < T; ++t) d.tasks.push_back("t" + std::to_string(t));
  for (int w = 0; w < W; ++w) d.workers.push_back("w" + std::to_string(w));
  for (int k = 0; k < K; ++k) d.labels.push_back(std::to_string(k));
  std::mt19937 rng(11);
  for (int t = 0; t < T; ++t)
    for (int j = 0; j < 3; ++j) {
      int w = static_cast<int>(rng() % W);
      int truth = t % K;
      int label = rng() % 10 < 7 ? truth : static_cast<int>(rng() % K);
      d.judgments.push_back({t, w, label});
    }
  auto one = run("dawid_skene", d, {{"threads", "1"}});
  auto two = run("dawid_skene", d, {{"threads", "2"}});
  auto three = run("dawid_skene", d, {{"threads", "3"}});
  EXPECT_EQ(one.labels, two.labels);
  EXPECT_EQ(one.posteriors, two.posteriors);  // exact equality
  EXPECT_EQ(one.posteriors, three.posteriors);
  EXPECT_EQ(one.explanation["elbo_history"], three.explanation["elbo_history"]);
}

TEST(CrowdMmsr, MatchesCrowdKitToyFixture) {
  // crowd-kit tests/aggregation/data_mmsr.py on the toy data: labels, skills (log-odds weights)
  // and the weight shares ("scores"), including a negative share on t5.
  auto d = parse(kToy);
  auto r = run("mmsr", d);
  EXPECT_EQ(names(d, r), (std::vector<std::string>{"yes", "no", "no", "yes", "no"}));
  const std::vector<double> weights = {-0.9486439852160969, 0.9764628672747041, 1.2428113335479982,
                                       0.948643985216097, 0.9764628672747041};
  for (int w = 0; w < 5; ++w) EXPECT_NEAR(r.explanation["worker_weights"][w].get<double>(), weights[w], 1e-6);
  const std::vector<double> no_share = {0.014244720916141606, 0.6023983861841676, 1.0, 0.0, 1.2968466945188564};
  for (int t = 0; t < 5; ++t) EXPECT_NEAR(r.posteriors[t][0], no_share[t], 1e-6) << d.tasks[t];
  EXPECT_NEAR(r.posteriors[4][1], -0.2968466945188564, 1e-6);
}

TEST(CrowdMmsr, NeedsTwoLabels) {
  EXPECT_THROW(run("mmsr", parse("task,worker,label\nt1,w1,a\nt1,w2,a\n")), InputError);
}

TEST(CrowdDawidSkene, SpectralStartRecoversPlantedConfusion) {
  // Planted Dawid–Skene model (the oracle): 3 classes with prior (0.5, 0.3, 0.2), 30 workers in
  // three skill levels, every worker labels all 3000 tasks. The method-of-moments estimate alone
  // (n_iter = 0) must be close to the planted confusion matrices and prior.
  const int T = 3000, W = 30, K = 3;
  std::mt19937 rng(7);
  LabelData d;
  d.labels = {"a", "b", "c"};
  for (int t = 0; t < T; ++t) d.tasks.push_back("t" + std::to_string(t));
  for (int w = 0; w < W; ++w) d.workers.push_back("w" + std::to_string(w));
  std::vector<int> truth(T);
  std::discrete_distribution<int> prior({0.5, 0.3, 0.2});
  for (int& z : truth) z = prior(rng);
  auto confusion = [](int w, int z, int l) {  // P(l | z) for worker w
    const double acc = w % 3 == 0 ? 0.85 : w % 3 == 1 ? 0.7 : 0.55;
    return l == z ? acc : (1 - acc) / 2;
  };
  for (int t = 0; t < T; ++t)
    for (int w = 0; w < W; ++w) {
      std::discrete_distribution<int> say({confusion(w, truth[t], 0), confusion(w, truth[t], 1), confusion(w, truth[t], 2)});
      d.judgments.push_back({t, w, say(rng)});
    }
  auto r = run("dawid_skene", d, {{"init", "spectral"}, {"n_iter", "0"}});
  EXPECT_FALSE(r.explanation.contains("spectral_fallback_to_mv"));
  double worst = 0;
  for (int w = 0; w < W; ++w)
    for (int z = 0; z < K; ++z)
      for (int l = 0; l < K; ++l) worst = std::max(worst, std::abs(r.confusion[w][z][l] - confusion(w, z, l)));
  EXPECT_LT(worst, 0.08);
  const std::vector<double> planted = {0.5, 0.3, 0.2};
  for (int k = 0; k < K; ++k) EXPECT_NEAR(r.explanation["priors"][k].get<double>(), planted[k], 0.05);
  // After EM from the spectral start, accuracy against the planted truth is near-perfect.
  auto em = run("dawid_skene", d, {{"init", "spectral"}});
  int right = 0;
  for (int t = 0; t < T; ++t) right += em.labels[t] == truth[t];
  EXPECT_GT(right, T * 0.99);
}

TEST(CrowdDawidSkene, SpectralStartFallsBackWhenMomentsAreDegenerate) {
  auto d = parse(kToy);  // 5 workers: groups of 1-2 workers, singular moments
  auto r = run("dawid_skene", d, {{"init", "spectral"}});
  EXPECT_EQ(r.labels.size(), 5u);
}
