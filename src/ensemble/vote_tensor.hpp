#pragma once
// Input of ensemble methods: for each sample, a score per (base model, class) — logits,
// probabilities or rewards — plus an optional true label. A reward-model ensemble is the same
// tensor with two "classes": the chosen and the rejected response.
#include <string>
#include <vector>

namespace prefero {

struct VoteTensor {
  int samples = 0, models = 0, classes = 0;
  std::vector<double> scores;       // [sample][model][class], row-major
  std::vector<std::string> ids;     // per sample (may be empty: then "0", "1", ...)
  std::vector<int> labels;          // per sample; -1 = unknown (empty = no labels)
  std::vector<std::string> class_names;  // per class (may be empty: then "0", "1", ...)

  double at(int s, int m, int c) const {
    return scores[(static_cast<size_t>(s) * static_cast<size_t>(models) + static_cast<size_t>(m)) *
                      static_cast<size_t>(classes) + static_cast<size_t>(c)];
  }
  const double* model_scores(int s, int m) const { return &scores[(static_cast<size_t>(s) * static_cast<size_t>(models) + static_cast<size_t>(m)) * static_cast<size_t>(classes)]; }
};

}  // namespace prefero
