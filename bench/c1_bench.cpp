// Majority-graph rules at scale: uncovered sets on large random electorates (O(m^3 / 64) with
// bitsets) and the Banks search on random tournaments.
#include <benchmark/benchmark.h>

#include <numeric>
#include <random>

#include "core/profile.hpp"
#include "registry/registry.hpp"

using namespace prefero;

namespace {

// 31 voters with random strict rankings of m candidates.
Profile random_rankings(int m, unsigned seed) {
  std::mt19937 rng(seed);
  ProfileBuilder b(Candidates::numbered(m), BallotKind::ranking);
  std::vector<int32_t> order(static_cast<size_t>(m));
  std::iota(order.begin(), order.end(), 0);
  for (int v = 0; v < 31; ++v) {
    std::shuffle(order.begin(), order.end(), rng);
    b.add_levels(order, 1);
  }
  return b.finish();
}

void run_rule(benchmark::State& state, const char* rule) {
  Profile p = random_rankings(static_cast<int>(state.range(0)), 1);
  const MethodInfo& m = require_method(rule);
  for (auto _ : state) benchmark::DoNotOptimize(run_elect(m, p, {}).result.winners);
}

void BM_UcGill(benchmark::State& state) { run_rule(state, "uc_gill"); }
void BM_UcMcKelvey(benchmark::State& state) { run_rule(state, "uc_mckelvey"); }
void BM_Banks(benchmark::State& state) { run_rule(state, "banks"); }
void BM_Copeland(benchmark::State& state) { run_rule(state, "copeland"); }

}  // namespace

BENCHMARK(BM_UcGill)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_UcMcKelvey)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Banks)->Arg(10)->Arg(20)->Arg(30)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Copeland)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
