#pragma once
// Ensemble score files (JSONL, one sample per line):
//   {"id": "img-17", "scores": [[0.1, 2.3, -1.0], [1.2, 0.3, 0.0]], "label": 1}
//     scores = one row per base model, one column per class (logits or probabilities);
//     id and label (true class index) are optional.
//   {"id": "pair-3", "chosen": [1.2, 0.8, 1.5], "rejected": [0.4, 0.9, -0.2]}
//     a reward-model ensemble: one reward per model for each response (classes chosen, rejected).
// An optional first line {"classes": ["cat", "dog", "bird"]} names the classes.
#include <istream>
#include <string>

#include "ensemble/vote_tensor.hpp"

namespace prefero {

VoteTensor read_vote_tensor(std::istream& in, const std::string& source_name);
VoteTensor read_vote_tensor_file(const std::string& path);

}  // namespace prefero
