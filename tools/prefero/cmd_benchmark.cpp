// `prefero benchmark TABLE --method ID`: rank systems across the tasks of a benchmark.
#include <fmt/format.h>

#include <unistd.h>

#include <iostream>

#include "consensus/benchmark/benchmark.hpp"
#include "core/error.hpp"
#include "io/benchmark_table.hpp"
#include "registry/registry.hpp"
#include "tools/prefero/commands.hpp"

namespace prefero {

namespace {

struct BenchmarkArgs {
  std::string path, method = "borda", missing = "expected", normalize = "none", resample = "auto";
  std::string system_column, instance_column;
  std::vector<std::string> lower, exclude;
  bool instances = false, lower_all = false, as_json = false;
  int bootstrap = 0;
  uint64_t seed = 1;
  double level = 0.95, time_limit = 60;
};

BenchmarkData load(const BenchmarkArgs& a) {
  BenchmarkTableOptions t;
  t.lower_is_better = a.lower;
  t.exclude = a.exclude;
  t.default_lower = a.lower_all;
  t.system_column = a.system_column;
  t.instance_column = a.instance_column;
  return read_benchmark(a.path, t, a.instances);
}

}  // namespace

void register_benchmark_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "benchmark",
      "Rank systems across the tasks of a benchmark (Colombo et al. 2022, 'What are the best systems?'),\n"
      "with missing scores handled as in Himmi et al. 2023 and bootstrap rank intervals.\n"
      "TABLE is a CSV: a header (system column, then one column per task), an optional '@direction' row\n"
      "(higher | lower | ignore per task), then one row per system; empty / NA cells are missing.\n"
      "With --instances: columns system, instance, then one column per metric (task). See docs/benchmark.md.\n"
      "Methods: mean, borda (fractional ties), two_level_borda (instances, then tasks), copeland, kemeny.\n"
      "Examples:\n"
      "  prefero benchmark xtreme.csv --method kemeny --exclude overall\n"
      "  prefero benchmark glue.csv --method borda --exclude overall --bootstrap 1000 --seed 7 --json\n"
      "  prefero benchmark dialog.csv --instances --method two_level_borda --lower WordErrorRate\n"
      "  prefero benchmark REAL_SUM.csv --instances --system-column Utterance --instance-column System\n");
  static BenchmarkArgs a;
  cmd->add_option("TABLE", a.path, "score table (CSV)")->required();
  cmd->add_option("--method,-m", a.method, "mean | borda | two_level_borda | copeland | kemeny (default borda)");
  cmd->add_option("--bootstrap", a.bootstrap, "bootstrap replicates for rank intervals (0 = none)");
  cmd->add_option("--seed", a.seed, "bootstrap seed (default 1); same seed, same output");
  cmd->add_option("--resample", a.resample, "bootstrap unit: tasks | instances | both | auto (default: tasks; "
                                            "instances for --instances)");
  cmd->add_option("--level", a.level, "central rank interval level (default 0.95)");
  cmd->add_option("--missing", a.missing, "missing cells: expected (Himmi et al. 2023, default) | worst | error");
  cmd->add_option("--normalize", a.normalize, "mean only, per task: none (default) | zscore | minmax");
  cmd->add_option("--lower", a.lower, "task where lower is better (repeatable)");
  cmd->add_flag("--lower-is-better", a.lower_all, "every task is lower-is-better unless the @direction row says");
  cmd->add_option("--exclude", a.exclude, "task column to ignore, e.g. an 'overall' average (repeatable)");
  cmd->add_flag("--instances", a.instances, "instance-level table: system, instance, metric columns");
  cmd->add_option("--system-column", a.system_column, "instance-level: the system column's name (default: 1st)");
  cmd->add_option("--instance-column", a.instance_column, "instance-level: the instance column's name (default: 2nd)");
  cmd->add_option("--time-limit", a.time_limit, "kemeny with > 20 systems: ILP time limit in seconds (default 60; 0 = none); "
                                          "past it, the Borda ranking with the ILP's lower bound");
  cmd->add_flag("--json", a.as_json,
                "one JSON object: method, ranking (tiers of names), cost, proven_optimal, lower_bound, systems");
  cmd->callback([cmd] {
    const MethodInfo& m = benchmark_method(a.method);
    std::map<std::string, std::string> given{{"missing", a.missing}};
    if (cmd->count("--normalize") > 0) given["normalize"] = a.normalize;  // a method without it says so
    if (cmd->count("--time-limit") > 0 || m.id == "kemeny_benchmark") given["time_limit"] = fmt::format("{}", a.time_limit);
    const Params params = resolve_params(m.id, m.params, given);
    BenchmarkData d = load(a);
    const BenchmarkOptions o = benchmark_options(m, params);
    BenchmarkResult r = m.benchmark(d, params);
    std::vector<SystemStability> stab;
    if (a.bootstrap > 0) {
      BootstrapOptions b;
      b.replicates = a.bootstrap;
      b.seed = a.seed;
      b.resample = a.resample;
      b.level = a.level;
      if (isatty(STDERR_FILENO))  // progress on a terminal only
        b.progress = [](int done, int total) {
          if (done % 10 == 0 || done == total)
            std::cerr << fmt::format("\rbootstrap {}/{}", done, total) << (done == total ? "\n" : "") << std::flush;
        };
      stab = bootstrap_ranks(d, o, b);
    }
    json j = benchmark_json(d, r, stab);
    if (a.bootstrap > 0) j["bootstrap"] = {{"replicates", a.bootstrap}, {"seed", a.seed}, {"level", a.level},
                                           {"resample", a.resample}};
    if (a.as_json) {
      std::cout << j.dump(2) << "\n";
      return;
    }
    std::cout << fmt::format("{}: {} systems, {} tasks; Kemeny cost {}{} (lower bound {})\n", r.method,
                             d.num_systems(), d.num_tasks(), r.cost, r.proven_optimal ? ", proven optimal" : "",
                             r.lower_bound);
    for (const auto& s : j["systems"]) {
      std::string interval = s["rank_low"].is_null()
                                 ? ""
                                 : fmt::format("  [{}, {}]", s["rank_low"].get<int>(), s["rank_high"].get<int>());
      std::string score = s.contains("score") ? fmt::format("  {:.6g}", s["score"].get<double>()) : "";
      std::cout << fmt::format("{:>4}{}{}  {}\n", s["rank"].get<int>(), interval, score, s["name"].get<std::string>());
    }
  });
}

}  // namespace prefero
