// PrefLib parsing speed: a soc file of 1M ballots over 10 alternatives (each line a random
// strict order with count 1, so up to 1M unique orders: the builder's worst case).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <string>

#include "io/read.hpp"

namespace {

std::string make_soc(int m, int lines) {
  std::mt19937_64 rng(42);
  std::string text = "# DATA TYPE: soc\n# NUMBER ALTERNATIVES: " + std::to_string(m) +
                     "\n# NUMBER VOTERS: " + std::to_string(lines) + "\n";
  std::vector<int> order(static_cast<size_t>(m));
  std::iota(order.begin(), order.end(), 1);
  for (int i = 0; i < lines; ++i) {
    std::shuffle(order.begin(), order.end(), rng);
    text += "1: ";
    for (int j = 0; j < m; ++j) {
      if (j) text += ',';
      text += std::to_string(order[static_cast<size_t>(j)]);
    }
    text += '\n';
  }
  return text;
}

void BM_ReadSoc1M(benchmark::State& state) {
  const int lines = static_cast<int>(state.range(0));
  const std::string text = make_soc(10, lines);
  for (auto _ : state) {
    prefero::Profile p = prefero::read_preflib_text(text, "bench.soc", "soc");
    benchmark::DoNotOptimize(p.num_voters);
  }
  state.SetItemsProcessed(state.iterations() * lines);  // ballots per second
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ReadSoc1M)->Arg(1000000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
