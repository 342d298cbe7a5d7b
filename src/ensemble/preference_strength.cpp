// Reward-model ensemble preference strength: per pair, the mean and population std over M reward
// models of r(chosen) - r(rejected); a negative mean flags a likely mislabelled pair.
#include <cmath>

#include "core/error.hpp"
#include "ensemble/ensemble.hpp"
#include "ensemble/summary.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

// Wang et al. (2024), Secrets of RLHF in Large Language Models Part II: Reward Modeling, sec. 3.1.
EnsembleResult preference_strength(const VoteTensor& t, const Params& params) {
  if (t.classes != 2)
    throw InputError("preference_strength: needs exactly 2 scores per model (chosen, rejected), got " + std::to_string(t.classes));
  const double ambiguous = params.number("ambiguous_margin");
  EnsembleResult r;
  int mislabelled = 0, unclear = 0;
  for (int s = 0; s < t.samples; ++s) {
    double sum = 0, sq = 0;
    for (int m = 0; m < t.models; ++m) sum += t.at(s, m, 0) - t.at(s, m, 1);
    const double mean = sum / t.models;
    for (int m = 0; m < t.models; ++m) {
      double dev = t.at(s, m, 0) - t.at(s, m, 1) - mean;
      sq += dev * dev;
    }
    SampleDecision d;
    d.prediction = mean >= 0 ? 0 : 1;  // 0 = the chosen response is preferred
    d.details["mean"] = mean;
    d.details["std"] = std::sqrt(sq / t.models);  // population std (/M), as in the paper
    const char* flag = mean < 0 ? "likely_mislabelled" : mean <= ambiguous ? "ambiguous" : "clear";
    d.details["flag"] = flag;
    mislabelled += mean < 0 ? 1 : 0;
    unclear += (mean >= 0 && mean <= ambiguous) ? 1 : 0;
    r.samples.push_back(std::move(d));
  }
  r.explanation["likely_mislabelled"] = mislabelled;
  r.explanation["ambiguous"] = unclear;
  summarize(t, r);
  return r;
}

const Registration reg{MethodInfo{
    .id = "preference_strength",
    .aliases = {"reward_ensemble"},
    .family = "ensemble",
    .input = "scores",
    .summary = "mean and population std over reward models of r(chosen) - r(rejected); flags mislabelled (mean < 0) and ambiguous pairs",
    .citation = "Wang et al. (2024), Secrets of RLHF in Large Language Models Part II: Reward Modeling, arXiv 2401.06080",
    .params = {{"ambiguous_margin", ParamType::number, "0.1",
                "a pair with 0 <= mean <= this is flagged ambiguous (reward units; set it to your models' scale)", {}}},
    .ensemble = preference_strength}};

}  // namespace
}  // namespace prefero
