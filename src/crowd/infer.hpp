#pragma once
// Running a truth-inference method by name, and scoring its labels against gold.
#include <map>
#include <string>

#include "crowd/labels.hpp"
#include "registry/registry.hpp"

namespace prefero {

struct InferOutcome {
  const MethodInfo* method = nullptr;
  Params params;
  InferenceResult result;
};

InferOutcome run_infer(const MethodInfo& method, const LabelData& data,
                       const std::map<std::string, std::string>& given_params);

// Accuracy of `labels` on the gold tasks. `evaluated` = gold tasks with at least one judgment
// (crowd-kit's convention); `fractional` credits 1/#tied when the gold label is among the tied
// top posteriors (Zhang et al.'s MV scoring); `zheng_expected` also counts gold tasks without
// judgments at chance 1/K (Zheng et al. 2017's random label).
struct GoldScore {
  int evaluated = 0, unanswered = 0;
  double correct = 0, fractional = 0;
  double accuracy() const { return evaluated ? correct / evaluated : 0.0; }
  double fractional_accuracy() const { return evaluated ? fractional / evaluated : 0.0; }
  double zheng_expected = 0;
};
GoldScore score_against_gold(const LabelData& data, const InferenceResult& r);

json infer_json(const LabelData& data, const InferOutcome& outcome);

}  // namespace prefero
