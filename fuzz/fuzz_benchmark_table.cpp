// libFuzzer target: the benchmark score-table readers (task level and instance level), and the
// aggregation on whatever they accept. InputError is the expected answer to bad input; any other
// exception, a sanitizer report, or a broken invariant is a crash.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

#include "consensus/benchmark/benchmark.hpp"
#include "core/error.hpp"
#include "io/benchmark_table.hpp"

using namespace prefero;

namespace {
void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz_benchmark_table: invariant broken: %s\n", what);
    std::abort();
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    std::istringstream in(text);
    ScoreTable t = read_score_table(in, "fuzz-input");
    check(t.tasks.size() == t.scores.size() && t.tasks.size() == t.lower_is_better.size(), "task columns");
    for (const auto& col : t.scores) check(col.size() == t.systems.size(), "column length");
    if (t.systems.size() <= 12) {
      BenchmarkOptions o;
      for (const std::string m : {"mean", "borda", "copeland", "kemeny"}) {
        o.method = m;
        BenchmarkResult r = aggregate_benchmark(benchmark_data(t), o);
        check(r.cost + 1e-9 >= r.lower_bound, "cost below the lower bound");
      }
    }
  } catch (const InputError&) {
  }
  try {
    std::istringstream in(text);
    InstanceTable t = read_instance_table(in, "fuzz-input");
    check(t.scores.size() == t.tasks.size(), "metric columns");
    for (const auto& task : t.scores) {
      check(task.size() == t.instances.size(), "instances");
      for (const auto& inst : task) check(inst.size() == t.systems.size(), "systems");
    }
    if (t.systems.size() <= 12) {
      BenchmarkOptions o;
      o.method = "two_level_borda";
      aggregate_benchmark(benchmark_data(t), o);
    }
  } catch (const InputError&) {
  }
  return 0;
}
