// The benchmark aggregation methods as registry entries (family "benchmark"), so `prefero
// methods`, the docs and the Python module list them beside every other method.
#include <fmt/format.h>

#include <fstream>

#include "consensus/benchmark/benchmark.hpp"
#include "core/error.hpp"

namespace prefero {

namespace {

constexpr std::string_view kSuffix = "_benchmark";

ParamSpec missing_param() {
  return {"missing", ParamType::choice, "expected",
          "missing cells: expected (Himmi et al. 2023: the system is inserted uniformly at random among the "
          "observed ones), worst (below every observed system), error (refuse the table)",
          {"expected", "worst", "error"}};
}

BenchmarkResult run_as(const std::string& name, const BenchmarkData& d, const Params& p) {
  return aggregate_benchmark(d, benchmark_options(benchmark_method(name), p));
}

// Colombo et al. 2022, σ^mean: each system's average observed score (optionally normalised per task).
BenchmarkResult mean_benchmark(const BenchmarkData& d, const Params& p) { return run_as("mean", d, p); }
// Colombo et al. 2022, σ^l: Borda with fractional ties over every task (or task x instance) ranking.
BenchmarkResult borda_benchmark(const BenchmarkData& d, const Params& p) { return run_as("borda", d, p); }
// Colombo et al. 2022, σ^{2l}: Borda over instances within each task, then Borda over tasks.
BenchmarkResult two_level_borda_benchmark(const BenchmarkData& d, const Params& p) { return run_as("two_level_borda", d, p); }
// A. H. Copeland 1951 on the task rankings' pairwise majorities.
BenchmarkResult copeland_benchmark(const BenchmarkData& d, const Params& p) { return run_as("copeland", d, p); }
// Kemeny-Young consensus of the task rankings (Colombo et al.'s stated target), exact.
BenchmarkResult kemeny_benchmark(const BenchmarkData& d, const Params& p) { return run_as("kemeny", d, p); }

MethodInfo entry(const std::string& name, std::string summary, std::string citation, std::vector<ParamSpec> extra,
                 BenchmarkFn fn) {
  std::vector<ParamSpec> params{missing_param()};
  for (auto& e : extra) params.push_back(std::move(e));
  return MethodInfo{.id = name + std::string(kSuffix),
                    .aliases = {},
                    .family = "benchmark",
                    .input = "scores",
                    .summary = std::move(summary),
                    .citation = std::move(citation),
                    .params = std::move(params),
                    .benchmark = fn};
}

const std::string kColombo =
    "P. Colombo, N. Noiry, E. Irurozki, S. Clémençon, 'What are the best systems? New perspectives on NLP "
    "benchmarking', NeurIPS 2022";

static const Registration mean_registration{entry(
    "mean", "systems sorted by their average score over the observed cells (per-task normalisation optional)",
    kColombo,
    {{"normalize", ParamType::choice, "none", "per-task normalisation before averaging: none, zscore, minmax",
      {"none", "zscore", "minmax"}}},
    mean_benchmark)};
static const Registration borda_registration{entry(
    "borda", "Borda with fractional ties over the task rankings (instance-level: over every task x instance ranking)",
    kColombo, {}, borda_benchmark)};
static const Registration two_level_registration{entry(
    "two_level_borda", "Borda over the instances of each task, then Borda over the tasks' rankings", kColombo, {},
    two_level_borda_benchmark)};
static const Registration copeland_registration{entry(
    "copeland", "Copeland (pairwise majority wins + 1/2 ties) over the task rankings", kColombo + "; A. H. Copeland 1951",
    {}, copeland_benchmark)};
static const Registration kemeny_registration{entry(
    "kemeny", "exact Kemeny consensus of the task rankings (subset DP up to 20 systems, else the lazy-row ILP)",
    kColombo + "; J. G. Kemeny 1959",
    {{"time_limit", ParamType::number, "60",
      "seconds for the ILP beyond 20 systems (0 = none); past it, the best ranking found with a proven lower bound", {}}},
    kemeny_benchmark)};

}  // namespace

const MethodInfo& benchmark_method(const std::string& name) {
  for (const std::string& n : {name, name + std::string(kSuffix)})
    if (const MethodInfo* m = find_method(n); m != nullptr && m->family == "benchmark") return *m;
  std::string list;
  for (const auto& m : benchmark_methods()) list += (list.empty() ? "" : ", ") + m;
  throw InputError(fmt::format("unknown benchmark method '{}' (expected one of {})", name, list));
}

BenchmarkOptions benchmark_options(const MethodInfo& method, const Params& params) {
  BenchmarkOptions o;
  o.method = method.id.substr(0, method.id.size() - kSuffix.size());
  o.missing = parse_missing(params.text("missing"));
  if (params.has("normalize")) o.normalize = params.text("normalize");
  if (params.has("time_limit")) o.time_limit_seconds = params.number("time_limit");
  return o;
}

BenchmarkData read_benchmark(const std::string& path, const BenchmarkTableOptions& options, bool instances) {
  std::ifstream in(path);
  if (!in) throw InputError(SourceLocation{path, 0, 0}, "cannot open the file");
  if (instances) return benchmark_data(read_instance_table(in, path, options));
  if (!options.system_column.empty() || !options.instance_column.empty())
    throw InputError("--system-column and --instance-column need --instances");
  return benchmark_data(read_score_table(in, path, options));
}

json benchmark_json(const BenchmarkData& d, const BenchmarkResult& r, const std::vector<SystemStability>& stab) {
  json j;
  j["method"] = r.method;
  json ranking = json::array();
  for (const auto& tier : r.ranking) {
    json names = json::array();
    for (Cand c : tier) names.push_back(d.systems[static_cast<size_t>(c)]);
    ranking.push_back(names);
  }
  j["ranking"] = ranking;
  j["cost"] = r.cost;
  j["proven_optimal"] = r.proven_optimal;
  j["lower_bound"] = r.lower_bound;
  const std::vector<int> rank = competition_ranks(r.ranking, d.num_systems());
  json systems = json::array();
  for (const auto& tier : r.ranking)
    for (Cand c : tier) {
      const size_t i = static_cast<size_t>(c);
      json s;
      s["name"] = d.systems[i];
      s["rank"] = rank[i];
      if (!r.score.empty()) s["score"] = r.score[i];
      if (stab.empty()) {
        s["rank_low"] = nullptr;
        s["rank_high"] = nullptr;
      } else {
        s["rank_low"] = stab[i].rank_low;
        s["rank_high"] = stab[i].rank_high;
        s["rank_distribution"] = stab[i].rank_distribution;
      }
      systems.push_back(s);
    }
  j["systems"] = systems;
  j["tasks"] = d.tasks;
  j["explanation"] = r.explanation;
  return j;
}

}  // namespace prefero
