// Ensemble methods and their certificates. Certificates are checked against an exhaustive
// adversary (every way to change r base models' outputs) on small random cases; combiners against
// hand-worked examples.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <numeric>
#include <random>
#include <sstream>

#include "core/error.hpp"
#include "ensemble/certify.hpp"
#include "ensemble/ensemble.hpp"
#include "ensemble/votes.hpp"
#include "io/ensemble_jsonl.hpp"
#include "registry/registry.hpp"

namespace prefero {
namespace {

// Plurality prediction with ties to the lowest class (written independently of votes.cpp).
int plurality_lowest(const std::vector<int>& votes, int classes) {
  std::vector<int> n(static_cast<size_t>(classes), 0);
  for (int v : votes) ++n[static_cast<size_t>(v)];
  int best = 0;
  for (int c = 1; c < classes; ++c)
    if (n[static_cast<size_t>(c)] > n[static_cast<size_t>(best)]) best = c;
  return best;
}

// Calls f(mask) for every subset of {0..n-1} with exactly r members.
void for_each_subset(int n, int r, const std::function<void(unsigned)>& f) {
  for (unsigned mask = 0; mask < (1u << n); ++mask)
    if (__builtin_popcount(mask) == r) f(mask);
}

// Fewest models whose votes, changed arbitrarily, change the plurality prediction.
int min_models_to_flip(const std::vector<int>& votes, int classes) {
  const int m = static_cast<int>(votes.size());
  const int pred = plurality_lowest(votes, classes);
  for (int r = 1; r <= m; ++r) {
    bool flipped = false;
    for_each_subset(m, r, [&](unsigned mask) {
      if (flipped) return;
      std::vector<int> chosen;
      for (int i = 0; i < m; ++i)
        if (mask >> i & 1) chosen.push_back(i);
      int combos = 1;
      for (int i = 0; i < r; ++i) combos *= classes;
      for (int code = 0; code < combos && !flipped; ++code) {
        std::vector<int> v = votes;
        int x = code;
        for (int i : chosen) {
          v[static_cast<size_t>(i)] = x % classes;
          x /= classes;
        }
        flipped = plurality_lowest(v, classes) != pred;
      }
    });
    if (flipped) return r;
  }
  return m + 1;
}

TEST(Dpa, CertificateEqualsExhaustiveAdversaryMinusOne) {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 300; ++trial) {
    const int classes = 3, models = 1 + static_cast<int>(rng() % 7);
    std::vector<int> votes(static_cast<size_t>(models));
    for (int& v : votes) v = static_cast<int>(rng() % classes);
    EXPECT_EQ(dpa_certificate(vote_counts(votes, classes)), min_models_to_flip(votes, classes) - 1)
        << "trial " << trial;
  }
}

TEST(FiniteAggregation, SoundAgainstExhaustiveBucketAdversaryAndEqualsDpaForDOne) {
  std::mt19937 rng(11);
  for (int trial = 0; trial < 80; ++trial) {
    const int classes = 3, k = 1 + static_cast<int>(rng() % 3), d = 2, kd = k * d;
    std::vector<int> shifts{0, 1 + static_cast<int>(rng() % static_cast<unsigned>(kd - 1))};
    std::vector<int> votes(static_cast<size_t>(kd));
    for (int& v : votes) v = static_cast<int>(rng() % classes);
    const int pred = plurality_lowest(votes, classes);
    // Fewest buckets whose subsets (all of them) the adversary controls to flip the prediction.
    int need = kd + 1;
    for (int r = 1; r <= kd && need > kd; ++r)
      for_each_subset(kd, r, [&](unsigned mask) {
        std::vector<bool> hit(static_cast<size_t>(kd), false);
        for (int h = 0; h < kd; ++h)
          if (mask >> h & 1)
            for (int s : shifts) hit[static_cast<size_t>((h + s) % kd)] = true;
        for (int c = 0; c < classes; ++c) {
          std::vector<int> v = votes;
          for (int i = 0; i < kd; ++i)
            if (hit[static_cast<size_t>(i)]) v[static_cast<size_t>(i)] = c;
          if (plurality_lowest(v, classes) != pred) need = std::min(need, r);
        }
      });
    EXPECT_LE(fa_certificate(votes, classes, shifts), need - 1) << "trial " << trial;
    EXPECT_EQ(fa_certificate(votes, classes, {0}), dpa_certificate(vote_counts(votes, classes))) << "trial " << trial;
  }
}

// Run-off prediction written from the paper's description.
int run_off_reference(const std::vector<std::vector<int>>& rankings, int classes) {
  std::vector<int> votes;
  for (const auto& r : rankings) votes.push_back(r[0]);
  std::vector<int> n(static_cast<size_t>(classes), 0);
  for (int v : votes) ++n[static_cast<size_t>(v)];
  std::vector<int> order(static_cast<size_t>(classes));
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return n[static_cast<size_t>(a)] > n[static_cast<size_t>(b)]; });
  int a = order[0], b = order[1], pa = 0;
  for (const auto& r : rankings) pa += std::find(r.begin(), r.end(), a) < std::find(r.begin(), r.end(), b) ? 1 : 0;
  int margin = 2 * pa - static_cast<int>(rankings.size());
  return margin > 0 ? a : margin < 0 ? b : std::min(a, b);
}

std::vector<double> scores_of(const std::vector<std::vector<int>>& rankings, int classes) {
  std::vector<double> s;
  for (const auto& r : rankings)
    for (int c = 0; c < classes; ++c)
      s.push_back(static_cast<double>(classes - (std::find(r.begin(), r.end(), c) - r.begin())));
  return s;
}

TEST(RunOff, PredictionMatchesDefinitionAndCertificateIsSound) {
  std::mt19937 rng(5);
  const int classes = 3;
  std::vector<std::vector<int>> perms;
  std::vector<int> p{0, 1, 2};
  do perms.push_back(p);
  while (std::next_permutation(p.begin(), p.end()));
  int tight = 0;
  for (int trial = 0; trial < 150; ++trial) {
    const int models = 1 + static_cast<int>(rng() % 5);
    std::vector<std::vector<int>> rankings;
    for (int m = 0; m < models; ++m) rankings.push_back(perms[rng() % perms.size()]);
    std::vector<double> s = scores_of(rankings, classes);
    RunOff ro = run_off(s.data(), models, classes);
    const int pred = run_off_reference(rankings, classes);
    ASSERT_EQ(ro.prediction, pred) << "trial " << trial;
    int need = models + 1;
    for (int r = 1; r <= models && need > models; ++r)
      for_each_subset(models, r, [&](unsigned mask) {
        std::vector<int> chosen;
        for (int i = 0; i < models; ++i)
          if (mask >> i & 1) chosen.push_back(i);
        int combos = 1;
        for (int i = 0; i < r; ++i) combos *= static_cast<int>(perms.size());
        for (int code = 0; code < combos; ++code) {
          auto v = rankings;
          int x = code;
          for (int i : chosen) {
            v[static_cast<size_t>(i)] = perms[static_cast<size_t>(x) % perms.size()];
            x /= static_cast<int>(perms.size());
          }
          if (run_off_reference(v, classes) != pred) need = std::min(need, r);
        }
      });
    EXPECT_LE(ro.certificate, need - 1) << "trial " << trial;
    tight += ro.certificate == need - 1 ? 1 : 0;
  }
  EXPECT_GT(tight, 100);  // the notes found the bound tight on small cases
}

TEST(FaRunOff, PredictionIsTheRunOffAndCertificateIsSoundAgainstExhaustiveBucketAdversary) {
  // The adversary controls r buckets: every subset model (h + shift) mod kd of those buckets may
  // output any ranking. The certificate must stay below the fewest buckets that change the run-off.
  std::mt19937 rng(13);
  const int classes = 3;
  std::vector<std::vector<int>> perms;
  std::vector<int> p{0, 1, 2};
  do perms.push_back(p);
  while (std::next_permutation(p.begin(), p.end()));
  int positive = 0;
  for (int trial = 0; trial < 120; ++trial) {
    const int d = 1 + static_cast<int>(rng() % 2), k = 1 + static_cast<int>(rng() % (d == 1 ? 5 : 2)), kd = k * d;
    std::vector<int> shifts{0};
    if (d == 2) shifts.push_back(1 + static_cast<int>(rng() % static_cast<unsigned>(kd - 1)));
    std::vector<std::vector<int>> rankings;
    for (int m = 0; m < kd; ++m) rankings.push_back(perms[rng() % perms.size()]);
    std::vector<double> s = scores_of(rankings, classes);
    RunOff ro = fa_run_off(s.data(), kd, classes, shifts);
    const int pred = run_off_reference(rankings, classes);
    ASSERT_EQ(ro.prediction, pred) << "trial " << trial;
    int need = kd + 1;
    for (int r = 1; r <= kd && need > kd; ++r)
      for_each_subset(kd, r, [&](unsigned mask) {
        std::vector<int> hit;
        for (int h = 0; h < kd; ++h)
          if (mask >> h & 1)
            for (int sh : shifts) hit.push_back((h + sh) % kd);
        std::sort(hit.begin(), hit.end());
        hit.erase(std::unique(hit.begin(), hit.end()), hit.end());
        int combos = 1;
        for (size_t i = 0; i < hit.size(); ++i) combos *= static_cast<int>(perms.size());
        for (int code = 0; code < combos; ++code) {
          auto v = rankings;
          int x = code;
          for (int i : hit) {
            v[static_cast<size_t>(i)] = perms[static_cast<size_t>(x) % perms.size()];
            x /= static_cast<int>(perms.size());
          }
          if (run_off_reference(v, classes) != pred) {
            need = std::min(need, r);
            return;
          }
        }
      });
    EXPECT_LE(ro.certificate, need - 1) << "trial " << trial;
    positive += ro.certificate > 0 ? 1 : 0;
  }
  EXPECT_GT(positive, 10);  // not vacuous: many cases certify at least one bucket
}

VoteTensor tensor(int models, int classes, std::vector<double> scores, std::vector<int> labels = {}) {
  VoteTensor t;
  t.models = models;
  t.classes = classes;
  t.samples = static_cast<int>(scores.size()) / (models * classes);
  t.scores = std::move(scores);
  t.labels = std::move(labels);
  for (int s = 0; s < t.samples; ++s) t.ids.push_back(std::to_string(s));
  return t;
}

EnsembleResult run(const std::string& id, const VoteTensor& t, std::map<std::string, std::string> given = {}) {
  const MethodInfo& m = require_method(id);
  return m.ensemble(t, resolve_params(m.id, m.params, given));
}

TEST(SoftVote, AveragesProbabilitiesWhereHardVotingDisagrees) {
  // Two models mildly prefer class 0, one strongly prefers class 1: hard says 0, soft says 1.
  VoteTensor t = tensor(3, 2, {0.55, 0.45, 0.55, 0.45, 0.0, 1.0});
  EXPECT_EQ(run("hard_majority", t).samples[0].prediction, 0);
  EXPECT_EQ(run("soft_vote", t).samples[0].prediction, 1);  // means 0.3667 vs 0.6333
  EXPECT_EQ(run("hard_majority", t, {{"weights", "1,1,3"}}).samples[0].prediction, 1);
  EXPECT_THROW(run("soft_vote", t, {{"weights", "1,2"}}), InputError);
}

TEST(Dpa, SummaryGivesCertifiedAccuracyCurve) {
  // Sample 0: votes 4-1 for class 0 (cert 1); sample 1: 3-2 for class 1 (cert 0), label 0 (wrong).
  std::vector<double> s;
  for (int v : {0, 0, 0, 0, 1, 1, 1, 1, 0, 0})
    for (int c = 0; c < 2; ++c) s.push_back(c == v ? 1.0 : 0.0);
  EnsembleResult r = run("dpa", tensor(5, 2, s, {0, 0}));
  EXPECT_EQ(r.samples[0].certificate, 1);
  EXPECT_EQ(r.samples[1].certificate, 0);
  const auto& sum = r.explanation["summary"];
  EXPECT_DOUBLE_EQ(sum["accuracy"].get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(sum["certified_accuracy"][1]["certified_accuracy"].get<double>(), 0.5);
  EXPECT_EQ(sum["median_certified_robustness"].get<int>(), 2);
}

TEST(PreferenceStrength, MeanAndPopulationStdOfRewardDifferences) {
  // Differences over 3 models: pair 0: 1, 2, 3 (mean 2, std sqrt(2/3)); pair 1: -1, -1, -1.
  VoteTensor t = tensor(3, 2, {1, 0, 2, 0, 3, 0, 0, 1, 0, 1, 0, 1});
  EnsembleResult r = run("preference_strength", t);
  EXPECT_DOUBLE_EQ(r.samples[0].details["mean"].get<double>(), 2.0);
  EXPECT_NEAR(r.samples[0].details["std"].get<double>(), std::sqrt(2.0 / 3.0), 1e-12);
  EXPECT_EQ(r.samples[1].details["flag"], "likely_mislabelled");
  EXPECT_EQ(r.explanation["likely_mislabelled"].get<int>(), 1);
}

TEST(EnsembleJsonl, ReadsBothShapesAndReportsWhereItIsWrong) {
  std::istringstream ok("{\"classes\": [\"cat\", \"dog\"]}\n{\"id\": \"a\", \"scores\": [[1, 2], [3, 0]], \"label\": \"dog\"}\n");
  VoteTensor t = read_vote_tensor(ok, "x.jsonl");
  EXPECT_EQ(t.samples, 1);
  EXPECT_EQ(t.models, 2);
  EXPECT_EQ(t.labels, std::vector<int>{1});
  std::istringstream reward("{\"chosen\": [1, 2], \"rejected\": [0, 3]}\n");
  EXPECT_EQ(read_vote_tensor(reward, "r.jsonl").classes, 2);
  auto error_line = [](const std::string& text) {
    std::istringstream in(text);
    try {
      read_vote_tensor(in, "bad.jsonl");
    } catch (const InputError& e) {
      return e.where().line;
    }
    return -1;
  };
  EXPECT_EQ(error_line("{\"scores\": [[1, 2]]}\n{\"scores\": [[1, 2, 3]]}\n"), 2);  // shape changes
  EXPECT_EQ(error_line("{\"scores\": [[1, 2]]}\n\n{\"scores\": [[1, \"x\"]]}\n"), 3);
  EXPECT_EQ(error_line("{\"scores\": [[1, 2]], \"label\": 5}\n"), 1);
  EXPECT_EQ(error_line("{\"scores\": [[1, 2]]\n"), 1);  // not JSON
  EXPECT_EQ(error_line("{\"chosen\": [1]}\n"), 1);
  EXPECT_EQ(error_line("{\"scores\": [[1, 2]]}\n{\"scores\": [[1e3111, 2]]}\n"), 2);  // overflow (found by fuzzing)
  EXPECT_EQ(error_line(""), 0);  // empty file
}

}  // namespace
}  // namespace prefero
