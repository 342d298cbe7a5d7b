// Soft voting: average the base models' class probabilities (optionally weighted) and take the
// most probable class; logits are turned into probabilities by a softmax first.
#include <algorithm>
#include <cmath>

#include "ensemble/ensemble.hpp"
#include "ensemble/summary.hpp"
#include "ensemble/votes.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

void softmax(const double* x, int n, double* out) {
  double mx = *std::max_element(x, x + n), sum = 0;
  for (int i = 0; i < n; ++i) sum += out[i] = std::exp(x[i] - mx);
  for (int i = 0; i < n; ++i) out[i] /= sum;
}

// Soft voting (Kuncheva 2004, "Combining Pattern Classifiers", §5.2 average combiner).
EnsembleResult soft_vote(const VoteTensor& t, const Params& params) {
  std::vector<double> w = parse_model_weights(params.text("weights"), t.models);
  double total = 0;
  for (double x : w) total += x;
  const bool logits = params.text("scores") == "logits";
  EnsembleResult r;
  std::vector<double> p(static_cast<size_t>(t.classes));
  for (int s = 0; s < t.samples; ++s) {
    std::vector<double> mean(static_cast<size_t>(t.classes), 0.0);
    for (int m = 0; m < t.models; ++m) {
      const double* x = t.model_scores(s, m);
      if (logits) softmax(x, t.classes, p.data());
      else std::copy(x, x + t.classes, p.begin());
      for (size_t c = 0; c < p.size(); ++c) mean[c] += w[static_cast<size_t>(m)] * p[c] / total;
    }
    SampleDecision d;
    d.prediction = argmax_lowest(mean.data(), t.classes);
    d.details["probabilities"] = mean;
    r.samples.push_back(std::move(d));
  }
  summarize(t, r);
  return r;
}

const Registration reg{MethodInfo{
    .id = "soft_vote",
    .aliases = {"soft_voting"},
    .family = "ensemble",
    .input = "scores",
    .summary = "average the base models' class probabilities (weighted) and take the most probable class",
    .citation = "Kuncheva (2004), Combining Pattern Classifiers, sec. 5.2",
    .params = {{"weights", ParamType::text, "", "one non-negative weight per model, comma-separated (default: all 1)", {}},
               {"scores", ParamType::choice, "probabilities",
                "what the scores are: probabilities (averaged as given) or logits (softmax per model first)",
                {"probabilities", "logits"}}},
    .ensemble = soft_vote}};

}  // namespace
}  // namespace prefero
