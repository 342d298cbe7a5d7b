// TokenSelect's per-head soft vote (queries x cached keys, softmax per head, summed): the AVX2
// kernel against the same code with a plain scalar dot product, at long-context sizes.
#include <benchmark/benchmark.h>

#include <random>

#include "ensemble/token_select.hpp"

namespace {

struct Data {
  std::vector<float> q, k;
  prefero::TokenSelectInput in;
};

Data make(int heads, int tokens, int dim) {
  std::mt19937 rng(1);
  std::normal_distribution<float> g(0.0f, 1.0f);
  Data d;
  d.q.resize(static_cast<size_t>(heads * dim));
  d.k.resize(static_cast<size_t>(heads) * static_cast<size_t>(tokens) * static_cast<size_t>(dim));
  for (float& x : d.q) x = g(rng);
  for (float& x : d.k) x = g(rng);
  d.in = {heads, tokens, dim, d.q.data(), d.k.data(), 0};
  return d;
}

void BM_TokenVotesSimd(benchmark::State& state) {
  Data d = make(32, static_cast<int>(state.range(0)), 128);
  for (auto _ : state) benchmark::DoNotOptimize(prefero::token_votes(d.in));
  state.SetItemsProcessed(state.iterations() * 32 * state.range(0));
}

void BM_TokenVotesScalar(benchmark::State& state) {
  Data d = make(32, static_cast<int>(state.range(0)), 128);
  for (auto _ : state) benchmark::DoNotOptimize(prefero::token_votes_scalar(d.in));
  state.SetItemsProcessed(state.iterations() * 32 * state.range(0));
}

void BM_TokenSelectTop2048(benchmark::State& state) {
  Data d = make(32, static_cast<int>(state.range(0)), 128);
  for (auto _ : state) benchmark::DoNotOptimize(prefero::token_select(d.in, 2048));
  state.SetItemsProcessed(state.iterations() * 32 * state.range(0));
}

}  // namespace

// 32 heads x 128 dims; 4k and 32k cached tokens (items = head x token dot products).
BENCHMARK(BM_TokenVotesSimd)->Arg(4096)->Arg(32768)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TokenVotesScalar)->Arg(4096)->Arg(32768)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TokenSelectTop2048)->Arg(32768)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
