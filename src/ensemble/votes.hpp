#pragma once
// Plain ensemble votes over one sample's (model x class) scores: each model's vote, the vote
// counts, and the plurality winner with ties to the lowest class index (the convention of DPA,
// FA and ROE's code: numpy's stable argsort).
#include <vector>

namespace prefero {

// The class with the highest score; ties to the lowest index.
int argmax_lowest(const double* scores, int classes);
// Each model's vote (argmax of its scores, ties to the lowest class).
std::vector<int> model_votes(const double* scores, int models, int classes);
// N_c: how many models vote for each class.
std::vector<int> vote_counts(const std::vector<int>& votes, int classes);
// The two classes with the most votes, in stable order (more votes first, then lower index).
std::pair<int, int> top_two(const std::vector<int>& counts);

}  // namespace prefero
