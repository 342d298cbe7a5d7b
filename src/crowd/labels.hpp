#pragma once
// Inputs of truth inference: (task, worker, label) judgments with dense indices, optional gold
// labels and worker weights. Results: a label and a posterior per task, a skill per worker.
#include <string>
#include <vector>

#include "core/result.hpp"

namespace prefero {

struct Judgment {
  int task = 0, worker = 0, label = 0;
};

struct LabelData {
  std::vector<std::string> tasks, workers, labels;  // index -> name
  std::vector<Judgment> judgments;                 // file order kept
  std::vector<int> gold;                           // per task; -1 = unknown (empty = no gold)
  std::vector<double> worker_weights;              // empty = all 1
};

struct InferenceResult {
  std::vector<int> labels;                       // per task; -1 = no judgment
  std::vector<std::vector<double>> posteriors;   // per task, per label
  std::vector<double> worker_skill;              // per worker (accuracy-like), when defined
  std::vector<std::vector<std::vector<double>>> confusion;  // per worker [true][given], when defined
  json explanation = json::object();
};

}  // namespace prefero
