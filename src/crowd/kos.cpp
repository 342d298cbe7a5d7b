// KOS: Karger, Oh & Shah, "Iterative learning for reliable crowdsourcing systems", NIPS 2011.
// Binary message passing on the task-worker graph; messages are rescaled to unit mean square
// every iteration (crowd-kit does not rescale and overflows on long runs).
#include <cmath>
#include <cstdint>

#include "core/error.hpp"
#include "crowd/answers.hpp"
#include "registry/registry.hpp"

namespace prefero::crowd {

namespace {

uint64_t splitmix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// N(1, 1) drawn from (seed, task, worker) only, so the start does not depend on row order.
double start_message(uint64_t seed, int t, int w) {
  uint64_t h = splitmix(seed ^ splitmix((static_cast<uint64_t>(t) << 32) | static_cast<uint32_t>(w)));
  double u1 = (static_cast<double>(h >> 11) + 0.5) / 9007199254740992.0;
  double u2 = (static_cast<double>(splitmix(h) >> 11) + 0.5) / 9007199254740992.0;
  return 1.0 + std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

void rescale(std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x * x;
  if (s > 0) {
    double f = 1.0 / std::sqrt(s / static_cast<double>(v.size()));
    for (double& x : v) x *= f;
  }
}

InferenceResult kos(const LabelData& d, const Params& p) {
  Answers a(d);
  if (a.K != 2)
    throw InputError("kos is defined for two labels only; the data have " + std::to_string(a.K));
  const int64_t n_iter = p.integer("n_iter");
  if (n_iter < 0 || n_iter > 100000) throw InputError("kos: n_iter must be in [0, 100000]");
  const uint64_t seed = static_cast<uint64_t>(p.integer("seed"));
  const size_t n = a.task_worker.size();
  // Edges in task order; pos_in_worker maps each to its slot in the worker-ordered arrays.
  std::vector<int> edge_of_worker_slot(n);
  {
    std::vector<int> next(a.worker_start.begin(), a.worker_start.end() - 1);
    for (int t = 0; t < a.T; ++t)
      for (int i = a.task_start[t]; i < a.task_start[t + 1]; ++i) edge_of_worker_slot[next[a.task_worker[i]]++] = i;
  }
  std::vector<double> A(n), x(n), y(n);  // A = +1 for the first label, -1 for the second
  for (int t = 0; t < a.T; ++t)
    for (int i = a.task_start[t]; i < a.task_start[t + 1]; ++i) {
      A[i] = a.task_label[i] == 0 ? 1.0 : -1.0;
      y[i] = start_message(seed, t, a.task_worker[i]);
    }
  for (int64_t it = 0; it < n_iter; ++it) {
    for (int t = 0; t < a.T; ++t) {  // task -> worker: sum over the other workers
      double s = 0;
      for (int i = a.task_start[t]; i < a.task_start[t + 1]; ++i) s += A[i] * y[i];
      for (int i = a.task_start[t]; i < a.task_start[t + 1]; ++i) x[i] = s - A[i] * y[i];
    }
    rescale(x);
    for (int w = 0; w < a.W; ++w) {  // worker -> task: sum over the other tasks
      double s = 0;
      for (int k = a.worker_start[w]; k < a.worker_start[w + 1]; ++k) {
        int e = edge_of_worker_slot[k];
        s += A[e] * x[e];
      }
      for (int k = a.worker_start[w]; k < a.worker_start[w + 1]; ++k) {
        int e = edge_of_worker_slot[k];
        y[e] = s - A[e] * x[e];
      }
    }
    rescale(y);
  }
  InferenceResult r;
  r.labels.assign(a.T, -1);
  r.posteriors.resize(a.T);
  std::vector<double> score(a.T, 0.0);
  for (int t = 0; t < a.T; ++t) {
    if (a.task_size(t) == 0) continue;
    for (int i = a.task_start[t]; i < a.task_start[t + 1]; ++i) score[t] += A[i] * y[i];
    // KOS gives a sign, not a probability: the posterior is one-hot (0.5/0.5 when the score is 0).
    r.labels[t] = score[t] < 0 ? 1 : 0;
    r.posteriors[t] = score[t] > 0 ? std::vector<double>{1, 0} : score[t] < 0 ? std::vector<double>{0, 1}
                                                                               : std::vector<double>{0.5, 0.5};
  }
  // Worker reliability: the mean agreement of its answers with the final task signs.
  r.worker_skill.assign(a.W, 0.0);
  for (int w = 0; w < a.W; ++w) {
    double s = 0;
    for (int k = a.worker_start[w]; k < a.worker_start[w + 1]; ++k) {
      int t = a.worker_task[k];
      s += (a.worker_label[k] == r.labels[t]) ? 1.0 : 0.0;
    }
    r.worker_skill[w] = a.worker_size(w) ? s / a.worker_size(w) : 0.0;
  }
  r.explanation["task_scores_are_signs"] = true;
  return r;
}

const Registration r_kos{MethodInfo{
    .id = "kos", .aliases = {"KOS"}, .family = "crowd", .input = "labels",
    .summary = "Karger–Oh–Shah message passing for two labels (sign of the task score)",
    .citation = "Karger, Oh & Shah, NIPS 2011 / Operations Research 62(1) 2014; crowd-kit KOS",
    .params = {{"n_iter", ParamType::integer, "100", "message-passing iterations", {}},
               {"seed", ParamType::integer, "0", "seed of the N(1,1) starting messages", {}}},
    .infer = kos}};

}  // namespace

}  // namespace prefero::crowd
