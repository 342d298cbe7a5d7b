// Building profiles: anonymization + both pairwise matrices, and parsing PrefLib text.
// Target (issue 2): at least 1M ballots/s per core for 10 candidates.
#include <benchmark/benchmark.h>

#include <sstream>

#include "bench/synthetic.hpp"
#include "io/read.hpp"

using namespace prefero;

static void BM_BuildProfile(benchmark::State& state) {
  const int m = static_cast<int>(state.range(0));
  const int64_t n = state.range(1);
  auto ballots = bench::impartial_culture(m, n, 42);
  for (auto _ : state) {
    Profile p = bench::build(m, ballots);
    benchmark::DoNotOptimize(p.support_ranked.cells.data());
  }
  state.counters["ballots/s"] = benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_BuildProfile)->Args({10, 1000000})->Args({1000, 10000})->Unit(benchmark::kMillisecond)->UseRealTime();

static void BM_ParseSoc(benchmark::State& state) {
  const int m = static_cast<int>(state.range(0));
  const int64_t n = state.range(1);
  std::string text = bench::as_soc(m, bench::impartial_culture(m, n, 42));
  for (auto _ : state) {
    std::istringstream in(text);
    Profile p = read_preflib(in, "synthetic.soc", "soc");
    benchmark::DoNotOptimize(p.num_voters);
  }
  state.counters["ballots/s"] = benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["MB/s"] = benchmark::Counter(static_cast<double>(text.size()) / 1e6, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_ParseSoc)->Args({10, 1000000})->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK_MAIN();
