#pragma once
// Benchmark aggregation: which systems are best across the tasks (and instances) of a benchmark.
// Colombo, Noiry, Irurozki and Clémençon, "What are the best systems? New perspectives on NLP
// benchmarking", NeurIPS 2022; missing scores as in Himmi, Irurozki, Noiry, Clémençon and Colombo,
// "Towards more robust NLP system evaluation: handling missing scores in benchmarks", 2023.
// See docs/benchmark.md.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "consensus/consensus.hpp"
#include "core/rational.hpp"
#include "core/result.hpp"
#include "io/benchmark_table.hpp"
#include "registry/registry.hpp"

namespace prefero {

// Scores oriented so that higher is better; NaN = missing. scores[t][k][s] = task t, instance k,
// system s. A task-level table has one instance per task.
struct BenchmarkData {
  std::vector<std::string> systems;
  std::vector<std::string> tasks;
  bool instance_level = false;
  std::vector<std::vector<std::vector<double>>> scores;
  int num_systems() const { return static_cast<int>(systems.size()); }
  int num_tasks() const { return static_cast<int>(tasks.size()); }
};

BenchmarkData benchmark_data(const ScoreTable& table);
BenchmarkData benchmark_data(const InstanceTable& table);

// How a missing score enters a ranking.
enum class MissingScores {
  expected,  // Himmi et al. 2023: the system is inserted uniformly at random among the observed ones
  worst,     // below every observed system (tied with the other missing ones)
  error,     // refuse tables with missing cells
};
MissingScores parse_missing(const std::string& text);

struct BenchmarkOptions {
  std::string method = "borda";  // mean | borda | two_level_borda | copeland | kemeny
  MissingScores missing = MissingScores::expected;
  std::string normalize = "none";  // mean only: none | zscore | minmax (per task, over its cells)
  double time_limit_seconds = 0;   // kemeny through the registry's solver (n > 20)
  bool exact_lower_bound = true;   // up to 16 systems, the DP's optimum as every method's lower bound
};

// The methods, in the order `prefero benchmark --help` lists them. Each is registered as
// `<name>_benchmark` (family "benchmark"; benchmark_methods.cpp).
const std::vector<std::string>& benchmark_methods();

// ---- building blocks (exposed for tests) ----

// Borda points of each system in one ranking given by `scores` (higher better, NaN missing):
// #systems strictly below + 1/2 #tied, with missing systems treated as `missing` says (expected
// value under uniform insertion for MissingScores::expected). Exact.
std::vector<Rational> borda_points(const std::vector<double>& scores, MissingScores missing);

// Probability matrix of one ranking: add[i][j] += Pr(i strictly above j).
void add_strict_pairs(const std::vector<double>& scores, MissingScores missing, std::vector<std::vector<double>>& add);

// The per-task rankings the pairwise methods use: the task's scores (task-level table) or the
// ranks of the per-task Borda totals over the instances (instance-level: first level of Colombo's
// two-level aggregation). [task][system], higher better, NaN missing.
std::vector<std::vector<double>> task_rankings(const BenchmarkData& data, MissingScores missing);

// strict[i][j] = expected number of task rankings that put i strictly above j.
std::vector<std::vector<double>> strict_pairs(const std::vector<std::vector<double>>& rankings, MissingScores missing);

// Kemeny cost of `ranking` (tiers) against `strict`: each pair ordered in the ranking costs the
// rankings that order it the other way; a pair tied in the ranking costs half of those ordering it.
double kemeny_cost(const Ranking& ranking, const std::vector<std::vector<double>>& strict);
// Σ over pairs of min(strict[i][j], strict[j][i]): no ranking costs less.
double kemeny_pair_bound(const std::vector<std::vector<double>>& strict);

struct KemenyDp {
  std::vector<int> order;     // one optimal strict ranking (best first)
  double cost = 0;
  uint64_t optimal_count = 0; // number of optimal strict rankings (ties within 1e-9)
};
// Exact Kemeny by dynamic programming over subsets (n <= 20): the test oracle and the small-n solver.
KemenyDp kemeny_subset_dp(const std::vector<std::vector<double>>& strict);

// Tiers of systems sorted by `score` descending (exact ties share a tier; tier ascending by index).
template <class T>
Ranking tiers_of_scores(const std::vector<T>& score);

// ---- the aggregation ----

struct BenchmarkResult {
  std::string method;
  Ranking ranking;                 // tiers of system indices, best first
  std::vector<double> score;       // the method's per-system score (empty for kemeny)
  double cost = 0;                 // Kemeny cost against the task rankings
  double lower_bound = 0;          // proven lower bound on the optimal Kemeny cost
  bool proven_optimal = false;     // the ranking is a proven optimal Kemeny ranking
  json explanation = json::object();
};

BenchmarkResult aggregate_benchmark(const BenchmarkData& data, const BenchmarkOptions& options);

// The registered benchmark method named `name` (`borda` or `borda_benchmark`); InputError listing
// the methods otherwise.
const MethodInfo& benchmark_method(const std::string& name);
// The options a registered method runs with: its short name and its resolved parameters.
BenchmarkOptions benchmark_options(const MethodInfo& method, const Params& params);

// 1-based competition rank of each system in `ranking` (1 + #systems in better tiers).
std::vector<int> competition_ranks(const Ranking& ranking, int n);

// ---- stability ----

struct BootstrapOptions {
  int replicates = 1000;
  uint64_t seed = 1;
  std::string resample = "auto";  // tasks | instances | both | auto (tasks; instances for instance-level data)
  double level = 0.95;            // central interval of the rank distribution
  std::function<void(int done, int total)> progress;  // called after each replicate, if set
};

struct SystemStability {
  int rank_low = 0, rank_high = 0;
  std::vector<double> rank_distribution;  // [r-1] = fraction of replicates with rank r
};

// ---- the faces' shared pieces (CLI, Python) ----

// Reads a task-level score table, or with `instances` an instance-level table, from `path`.
BenchmarkData read_benchmark(const std::string& path, const BenchmarkTableOptions& options, bool instances);

// `prefero benchmark --json`: method, ranking (tiers of names), cost, proven_optimal, lower_bound,
// systems [{name, rank, score, rank_low, rank_high, rank_distribution}], tasks, explanation.
json benchmark_json(const BenchmarkData& data, const BenchmarkResult& result, const std::vector<SystemStability>& stability);

std::vector<SystemStability> bootstrap_ranks(const BenchmarkData& data, const BenchmarkOptions& options,
                                             const BootstrapOptions& boot);

}  // namespace prefero
