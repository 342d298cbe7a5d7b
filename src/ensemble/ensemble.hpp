#pragma once
// What an ensemble method returns per sample: the combined prediction, its certificate where
// the method defines one, and method-specific values (vote counts, finalists, reward mean/std).
#include <string>
#include <vector>

#include "core/result.hpp"
#include "ensemble/vote_tensor.hpp"

namespace prefero {

struct SampleDecision {
  int prediction = 0;     // class index
  int certificate = -1;   // poisoned training samples tolerated; -1 = no certificate
  json details = json::object();
};

struct EnsembleResult {
  std::vector<SampleDecision> samples;
  json explanation = json::object();  // summary: accuracy, certified accuracy per radius, ...
};

}  // namespace prefero
