// Stability of a benchmark ranking: the bootstrap over tasks and/or instances (Efron 1979), as in
// the robustness analysis of Colombo et al. 2022. Each replicate resamples with replacement and
// re-runs the method; every system's rank (competition rank) is tallied.
#include <algorithm>
#include <cmath>
#include <random>

#include "consensus/benchmark/benchmark.hpp"
#include "core/error.hpp"

namespace prefero {

namespace {

// Uniform index in [0, bound) from a 64-bit Mersenne Twister (exactly specified by the standard,
// unlike std::uniform_int_distribution): rejection sampling, no modulo bias.
size_t draw(std::mt19937_64& rng, size_t bound) {
  const uint64_t b = bound;
  const uint64_t limit = UINT64_MAX - UINT64_MAX % b;
  uint64_t x;
  do x = rng();
  while (x >= limit);
  return static_cast<size_t>(x % b);
}

BenchmarkData resampled(const BenchmarkData& d, bool tasks, bool instances, std::mt19937_64& rng) {
  BenchmarkData r;
  r.systems = d.systems;
  r.instance_level = d.instance_level;
  const size_t T = d.scores.size();
  std::vector<size_t> task_pick(T);
  for (size_t t = 0; t < T; ++t) task_pick[t] = tasks ? draw(rng, T) : t;
  const size_t K = d.scores.empty() ? 0 : d.scores[0].size();
  std::vector<size_t> inst_pick(K);
  for (size_t k = 0; k < K; ++k) inst_pick[k] = instances ? draw(rng, K) : k;
  for (size_t t : task_pick) {
    r.tasks.push_back(d.tasks[t]);
    std::vector<std::vector<double>> task;
    for (size_t k : inst_pick) task.push_back(d.scores[t][k]);
    r.scores.push_back(std::move(task));
  }
  return r;
}

}  // namespace

std::vector<SystemStability> bootstrap_ranks(const BenchmarkData& d, const BenchmarkOptions& options,
                                             const BootstrapOptions& boot) {
  if (boot.replicates < 1) throw InputError("--bootstrap needs at least 1 replicate");
  if (!(boot.level > 0 && boot.level < 1)) throw InputError("--level must be between 0 and 1");
  std::string how = boot.resample;
  if (how == "auto") how = d.instance_level ? "instances" : "tasks";
  if (how != "tasks" && how != "instances" && how != "both")
    throw InputError("--resample '" + boot.resample + "': expected tasks, instances, both or auto");
  if (how != "tasks" && !d.instance_level)
    throw InputError("--resample " + how + " needs an instance-level table (--instances)");
  const bool tasks = how != "instances", instances = how != "tasks";
  const size_t n = d.systems.size();
  BenchmarkOptions o = options;
  o.exact_lower_bound = false;
  std::mt19937_64 rng(boot.seed);
  std::vector<std::vector<int>> ranks(n);  // ranks[s] = one rank per replicate
  for (int b = 0; b < boot.replicates; ++b) {
    BenchmarkResult r = aggregate_benchmark(resampled(d, tasks, instances, rng), o);
    std::vector<int> rk = competition_ranks(r.ranking, static_cast<int>(n));
    for (size_t s = 0; s < n; ++s) ranks[s].push_back(rk[s]);
    if (boot.progress) boot.progress(b + 1, boot.replicates);
  }
  const double alpha = 1 - boot.level;
  const size_t B = static_cast<size_t>(boot.replicates);
  // Nearest-rank quantiles: the interval holds at least `level` of the replicates' ranks.
  const size_t lo_index = static_cast<size_t>(std::floor(alpha / 2 * static_cast<double>(B)));
  size_t hi_index = static_cast<size_t>(std::ceil((1 - alpha / 2) * static_cast<double>(B)));
  hi_index = std::min(B, std::max<size_t>(hi_index, 1)) - 1;
  std::vector<SystemStability> out(n);
  for (size_t s = 0; s < n; ++s) {
    std::vector<int> v = ranks[s];
    std::sort(v.begin(), v.end());
    out[s].rank_low = v[std::min(lo_index, B - 1)];
    out[s].rank_high = v[hi_index];
    std::vector<size_t> count(n, 0);
    for (int x : v) ++count[static_cast<size_t>(x - 1)];
    for (size_t c : count) out[s].rank_distribution.push_back(static_cast<double>(c) / static_cast<double>(B));
  }
  return out;
}

}  // namespace prefero
