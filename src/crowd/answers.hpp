#pragma once
// The judgments of a LabelData indexed by task and by worker (two CSR arrays, file order kept
// inside each task and worker), and the small helpers every truth-inference method shares.
#include <vector>

#include "crowd/labels.hpp"

namespace prefero::crowd {

struct Answers {
  int T = 0, W = 0, K = 0;
  std::vector<int> task_start, task_worker, task_label;      // judgments of task t: [task_start[t], task_start[t+1])
  std::vector<int> worker_start, worker_task, worker_label;  // judgments of worker w
  explicit Answers(const LabelData& d);
  int task_size(int t) const { return task_start[t + 1] - task_start[t]; }
  int worker_size(int w) const { return worker_start[w + 1] - worker_start[w]; }
};

// Index of the largest entry; ties go to the lowest index (crowd-kit's idxmax over sorted labels).
int argmax_lowest(const double* p, int K);

// Rescales p[0..K) to sum to 1; an all-zero row becomes uniform.
void normalize(double* p, int K);

// A result with a label per task taken from `post` (T*K, row-major); tasks without judgments get
// label -1 and an empty posterior.
InferenceResult result_from_posteriors(const Answers& a, const std::vector<double>& post);

// crowd-kit's get_accuracy: per worker, the fraction of its distinct (task, label) judgments on
// tasks with a reference label (ref[t] >= 0) that equal it; -1 when the worker has none.
std::vector<double> worker_accuracy(const Answers& a, const std::vector<int>& ref);

// Weighted vote: posterior[t][l] = sum of skill[w] over judgments (t, w, l), normalised.
// Judgments of workers with skill < 0 (unknown) are left out.
std::vector<double> weighted_vote(const Answers& a, const std::vector<double>& skill);

}  // namespace prefero::crowd
