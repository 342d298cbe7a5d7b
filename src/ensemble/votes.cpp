#include "ensemble/votes.hpp"

#include <utility>

namespace prefero {

int argmax_lowest(const double* scores, int classes) {
  int best = 0;
  for (int c = 1; c < classes; ++c)
    if (scores[c] > scores[best]) best = c;
  return best;
}

std::vector<int> model_votes(const double* scores, int models, int classes) {
  std::vector<int> votes(static_cast<size_t>(models));
  for (int m = 0; m < models; ++m) votes[static_cast<size_t>(m)] = argmax_lowest(scores + m * classes, classes);
  return votes;
}

std::vector<int> vote_counts(const std::vector<int>& votes, int classes) {
  std::vector<int> counts(static_cast<size_t>(classes), 0);
  for (int v : votes) ++counts[static_cast<size_t>(v)];
  return counts;
}

std::pair<int, int> top_two(const std::vector<int>& counts) {
  int first = -1, second = -1;
  for (int c = 0; c < static_cast<int>(counts.size()); ++c) {
    int n = counts[static_cast<size_t>(c)];
    if (first < 0 || n > counts[static_cast<size_t>(first)]) {
      second = first;
      first = c;
    } else if (second < 0 || n > counts[static_cast<size_t>(second)]) {
      second = c;
    }
  }
  return {first, second};
}

}  // namespace prefero
