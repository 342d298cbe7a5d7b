// Plurality over base models' votes (hard voting), optionally weighted per model; ties go to
// the lowest class index.
#include "core/error.hpp"
#include "ensemble/ensemble.hpp"
#include "ensemble/summary.hpp"
#include "ensemble/votes.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

// Hard majority voting (e.g. Kuncheva 2004, "Combining Pattern Classifiers", ch. 4).
EnsembleResult hard_majority(const VoteTensor& t, const Params& params) {
  std::vector<double> w = parse_model_weights(params.text("weights"), t.models);
  EnsembleResult r;
  for (int s = 0; s < t.samples; ++s) {
    std::vector<int> votes = model_votes(t.model_scores(s, 0), t.models, t.classes);
    std::vector<double> tally(static_cast<size_t>(t.classes), 0.0);
    for (size_t m = 0; m < votes.size(); ++m) tally[static_cast<size_t>(votes[m])] += w[m];
    SampleDecision d;
    d.prediction = argmax_lowest(tally.data(), t.classes);
    d.details["votes"] = tally;
    r.samples.push_back(std::move(d));
  }
  summarize(t, r);
  return r;
}

const Registration reg{MethodInfo{
    .id = "hard_majority",
    .aliases = {"majority_vote_ensemble"},
    .family = "ensemble",
    .input = "scores",
    .summary = "each base model votes for its top class; the class with most (weighted) votes wins, ties to the lowest index",
    .citation = "Kuncheva (2004), Combining Pattern Classifiers, ch. 4",
    .params = {{"weights", ParamType::text, "", "one non-negative weight per model, comma-separated (default: all 1)", {}}},
    .ensemble = hard_majority}};

}  // namespace
}  // namespace prefero
