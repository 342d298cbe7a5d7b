// Certified ensembles against data poisoning: DPA, Finite Aggregation and Run-Off Election.
#include "core/error.hpp"
#include "ensemble/certify.hpp"
#include "ensemble/ensemble.hpp"
#include "ensemble/summary.hpp"
#include "ensemble/votes.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

void require_two_classes(const VoteTensor& t, const std::string& method) {
  if (t.classes < 2) throw InputError(method + ": needs at least 2 classes, the scores have " + std::to_string(t.classes));
}

// Deep Partition Aggregation (Levine & Feizi, ICLR 2021).
EnsembleResult dpa(const VoteTensor& t, const Params&) {
  require_two_classes(t, "dpa");
  EnsembleResult r;
  for (int s = 0; s < t.samples; ++s) {
    std::vector<int> counts = vote_counts(model_votes(t.model_scores(s, 0), t.models, t.classes), t.classes);
    SampleDecision d;
    d.prediction = top_two(counts).first;
    d.certificate = dpa_certificate(counts);
    d.details["votes"] = counts;
    r.samples.push_back(std::move(d));
  }
  summarize(t, r);
  return r;
}

std::vector<int> fa_shifts(const Params& params, int models) {
  const auto d = params.integer("d");
  if (d < 1 || models % d != 0)
    throw InputError("finite_aggregation: d = " + std::to_string(d) + " must be >= 1 and divide the number of models (" +
                     std::to_string(models) + " = k * d)");
  const int k = models / static_cast<int>(d);
  std::vector<int> shifts;
  const std::string& text = params.text("shifts");
  if (text.empty()) {
    for (int j = 0; j < d; ++j) shifts.push_back(j * k);  // evenly spread
    return shifts;
  }
  for (double x : parse_model_weights(text, static_cast<int>(d))) {
    if (x != static_cast<int>(x) || x >= models)
      throw InputError("finite_aggregation: shift " + std::to_string(x) + " is not an integer in [0, k*d)");
    shifts.push_back(static_cast<int>(x));
  }
  return shifts;
}

// Finite Aggregation (Wang, Levine & Feizi, ICML 2022).
EnsembleResult finite_aggregation(const VoteTensor& t, const Params& params) {
  require_two_classes(t, "finite_aggregation");
  std::vector<int> shifts = fa_shifts(params, t.models);
  EnsembleResult r;
  for (int s = 0; s < t.samples; ++s) {
    std::vector<int> votes = model_votes(t.model_scores(s, 0), t.models, t.classes);
    std::vector<int> counts = vote_counts(votes, t.classes);
    SampleDecision d;
    d.prediction = top_two(counts).first;
    d.certificate = fa_certificate(votes, t.classes, shifts);
    d.details["votes"] = counts;
    r.samples.push_back(std::move(d));
  }
  r.explanation["shifts"] = shifts;
  summarize(t, r);
  return r;
}

// Run-Off Election with the DPA+ROE certificate (Rezaei et al., ICML 2023).
EnsembleResult run_off_election(const VoteTensor& t, const Params&) {
  require_two_classes(t, "run_off");
  EnsembleResult r;
  for (int s = 0; s < t.samples; ++s) {
    RunOff ro = run_off(t.model_scores(s, 0), t.models, t.classes);
    SampleDecision d;
    d.prediction = ro.prediction;
    d.certificate = ro.certificate;
    d.details["finalists"] = {ro.first, ro.second};
    r.samples.push_back(std::move(d));
  }
  summarize(t, r);
  return r;
}

// FA+ROE: Run-Off Election over Finite Aggregation's subset models (Rezaei et al., ICML 2023).
EnsembleResult fa_run_off_election(const VoteTensor& t, const Params& params) {
  require_two_classes(t, "fa_run_off");
  std::vector<int> shifts = fa_shifts(params, t.models);
  EnsembleResult r;
  for (int s = 0; s < t.samples; ++s) {
    RunOff ro = fa_run_off(t.model_scores(s, 0), t.models, t.classes, shifts);
    SampleDecision d;
    d.prediction = ro.prediction;
    d.certificate = ro.certificate;
    d.details["finalists"] = {ro.first, ro.second};
    r.samples.push_back(std::move(d));
  }
  r.explanation["shifts"] = shifts;
  summarize(t, r);
  return r;
}

const Registration dpa_reg{MethodInfo{
    .id = "dpa",
    .aliases = {"deep_partition_aggregation"},
    .family = "ensemble",
    .input = "scores",
    .summary = "plurality of partition models with a certified radius floor((N1 - N2 - [c2 < c1]) / 2) against poisoning",
    .citation = "Levine & Feizi (2021), Deep Partition Aggregation, ICLR",
    .params = {},
    .ensemble = dpa}};

const Registration fa_reg{MethodInfo{
    .id = "finite_aggregation",
    .aliases = {"fa"},
    .family = "ensemble",
    .input = "scores",
    .summary = "plurality of k*d subset models (each sample in d subsets) with the FA certified radius",
    .citation = "Wang, Levine & Feizi (2022), Improved Certified Defenses against Data Poisoning with (Deterministic) Finite Aggregation, ICML",
    .params = {{"d", ParamType::integer, "1", "subsets each training sample is spread over; models = k * d (d = 1 is DPA)", {}},
               {"shifts", ParamType::text, "",
                "the d bucket shifts, comma-separated (default j*k; the authors' code draws them with "
                "Python's random.Random(999999999+208).sample(range(k*d), d))",
                {}}},
    .ensemble = finite_aggregation}};

const Registration roe_reg{MethodInfo{
    .id = "run_off",
    .aliases = {"roe", "run_off_election"},
    .family = "ensemble",
    .input = "scores",
    .summary = "two rounds: the two most-voted classes go to a run-off decided by every model's scores; DPA+ROE certificate",
    .citation = "Rezaei, Banihashem, Chegini & Feizi (2023), Run-Off Election: Improved Provable Defense against Data Poisoning Attacks, ICML",
    .params = {},
    .ensemble = run_off_election}};

const Registration fa_roe_reg{MethodInfo{
    .id = "fa_run_off",
    .aliases = {"fa_roe"},
    .family = "ensemble",
    .input = "scores",
    .summary = "Run-Off Election over k*d Finite Aggregation subset models, with the FA+ROE certificate",
    .citation = "Rezaei, Banihashem, Chegini & Feizi (2023), Run-Off Election: Improved Provable Defense against Data Poisoning Attacks, ICML",
    .params = {{"d", ParamType::integer, "1", "subsets each training sample is spread over; models = k * d", {}},
               {"shifts", ParamType::text, "", "the d bucket shifts, comma-separated (default j*k), as for finite_aggregation",
                {}}},
    .ensemble = fa_run_off_election}};

}  // namespace
}  // namespace prefero
