#pragma once
// The summary every ensemble result carries: accuracy against known labels and, for certified
// methods, certified accuracy at each radius and the median certified robustness.
#include "ensemble/ensemble.hpp"

namespace prefero {

// Fills result.explanation["summary"]. A misclassified sample counts as radius -1, as in the papers.
void summarize(const VoteTensor& t, EnsembleResult& result);

// Parses a comma-separated list of non-negative model weights (size must equal `models`).
std::vector<double> parse_model_weights(const std::string& text, int models);

}  // namespace prefero
