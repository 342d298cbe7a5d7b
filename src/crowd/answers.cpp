// Task- and worker-indexed judgments and shared helpers (see answers.hpp).
#include "crowd/answers.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace prefero::crowd {

Answers::Answers(const LabelData& d)
    : T(static_cast<int>(d.tasks.size())), W(static_cast<int>(d.workers.size())), K(static_cast<int>(d.labels.size())) {
  const size_t n = d.judgments.size();
  task_start.assign(static_cast<size_t>(T) + 1, 0);
  worker_start.assign(static_cast<size_t>(W) + 1, 0);
  for (const auto& j : d.judgments) {
    if (j.task < 0 || j.task >= T || j.worker < 0 || j.worker >= W || j.label < 0 || j.label >= K)
      throw InputError("a judgment refers to a task, worker or label index out of range");
    ++task_start[j.task + 1];
    ++worker_start[j.worker + 1];
  }
  for (int t = 0; t < T; ++t) task_start[t + 1] += task_start[t];
  for (int w = 0; w < W; ++w) worker_start[w + 1] += worker_start[w];
  task_worker.resize(n), task_label.resize(n), worker_task.resize(n), worker_label.resize(n);
  std::vector<int> tp(task_start.begin(), task_start.end() - 1), wp(worker_start.begin(), worker_start.end() - 1);
  for (const auto& j : d.judgments) {
    int i = tp[j.task]++;
    task_worker[i] = j.worker, task_label[i] = j.label;
    int k = wp[j.worker]++;
    worker_task[k] = j.task, worker_label[k] = j.label;
  }
}

int argmax_lowest(const double* p, int K) {
  int best = 0;
  for (int k = 1; k < K; ++k)
    if (p[k] > p[best]) best = k;
  return best;
}

void normalize(double* p, int K) {
  double s = 0;
  for (int k = 0; k < K; ++k) s += p[k];
  if (!(s > 0)) {
    for (int k = 0; k < K; ++k) p[k] = 1.0 / K;
    return;
  }
  for (int k = 0; k < K; ++k) p[k] /= s;
}

InferenceResult result_from_posteriors(const Answers& a, const std::vector<double>& post) {
  InferenceResult r;
  r.labels.assign(a.T, -1);
  r.posteriors.resize(a.T);
  for (int t = 0; t < a.T; ++t) {
    if (a.task_size(t) == 0) continue;
    const double* p = &post[static_cast<size_t>(t) * a.K];
    r.posteriors[t].assign(p, p + a.K);
    r.labels[t] = argmax_lowest(p, a.K);
  }
  return r;
}

std::vector<double> worker_accuracy(const Answers& a, const std::vector<int>& ref) {
  std::vector<double> acc(a.W, -1.0);
  std::vector<std::pair<int, int>> seen;
  for (int w = 0; w < a.W; ++w) {
    seen.clear();
    for (int i = a.worker_start[w]; i < a.worker_start[w + 1]; ++i)
      if (ref[a.worker_task[i]] >= 0) seen.emplace_back(a.worker_task[i], a.worker_label[i]);
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    if (seen.empty()) continue;
    int right = 0;
    for (auto [t, l] : seen) right += ref[t] == l;
    acc[w] = static_cast<double>(right) / static_cast<double>(seen.size());
  }
  return acc;
}

std::vector<double> weighted_vote(const Answers& a, const std::vector<double>& skill) {
  std::vector<double> post(static_cast<size_t>(a.T) * a.K, 0.0);
  for (int t = 0; t < a.T; ++t) {
    double* p = &post[static_cast<size_t>(t) * a.K];
    for (int i = a.task_start[t]; i < a.task_start[t + 1]; ++i) {
      double s = skill.empty() ? 1.0 : skill[a.task_worker[i]];
      if (s >= 0) p[a.task_label[i]] += s;
    }
    if (a.task_size(t) > 0) normalize(p, a.K);
  }
  return post;
}

}  // namespace prefero::crowd
