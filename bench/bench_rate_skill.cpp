// Speed of the online and K-wise rating models on evalica's LLMFAO crowd votes (8,931 battles,
// 59 models; shared/refdata/arena/evalica/llmfao.csv) and on synthetic 4-wise rankings.
// usage: bench_rate_skill [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "rate/comparisons.hpp"
#include "io/read_comparisons.hpp"
#include "rate/seeded_rng.hpp"
#include "registry/registry.hpp"

using namespace prefero;

namespace {

const Comparisons& llmfao() {
  static const Comparisons c = [] {
    ComparisonsReadOptions keep;
    keep.keep_order = true;  // the online models need the file order
    return read_comparisons(std::string(PREFERO_SHARED_DIR) + "/refdata/arena/evalica/llmfao.csv", keep);
  }();
  return c;
}

// 20 models, 10,000 four-wise rankings drawn uniformly (order random).
const Comparisons& kwise() {
  static const Comparisons c = [] {
    Comparisons k;
    for (int i = 0; i < 20; ++i) k.models.push_back("m" + std::to_string(i));
    SeededRng rng(1, 0);
    for (int v = 0; v < 10000; ++v) {
      std::vector<int> pool(20);
      for (int i = 0; i < 20; ++i) pool[static_cast<size_t>(i)] = i;
      KwiseRow row;
      for (int j = 0; j < 4; ++j) {
        const size_t pick = rng.below(pool.size());
        row.tiers.push_back({pool[pick]});
        pool.erase(pool.begin() + static_cast<long>(pick));
      }
      k.rankings.push_back(row);
    }
    return k;
  }();
  return c;
}

void run(benchmark::State& state, const char* id, const Comparisons& c, std::map<std::string, std::string> given) {
  const MethodInfo& m = require_method(id);
  const Params p = resolve_params(m.id, m.params, given);
  for (auto _ : state) benchmark::DoNotOptimize(m.rate(c, p));
}

void BM_Elo(benchmark::State& s) { run(s, "elo", llmfao(), {}); }
void BM_EloBootstrap1000(benchmark::State& s) { run(s, "elo", llmfao(), {{"bootstrap", "1000"}, {"threads", "2"}}); }
void BM_Newman(benchmark::State& s) { run(s, "newman", llmfao(), {}); }
void BM_PageRank(benchmark::State& s) { run(s, "pagerank", llmfao(), {}); }
void BM_PlackettLuceBattles(benchmark::State& s) { run(s, "plackett_luce", llmfao(), {}); }
void BM_PlackettLuceKwise(benchmark::State& s) { run(s, "plackett_luce", kwise(), {}); }
void BM_WengLinPLBattles(benchmark::State& s) { run(s, "weng_lin_plackett_luce", llmfao(), {}); }
void BM_WengLinPLKwise(benchmark::State& s) { run(s, "weng_lin_plackett_luce", kwise(), {}); }
void BM_WengLinTMFullKwise(benchmark::State& s) { run(s, "weng_lin_thurstone_mosteller_full", kwise(), {}); }

}  // namespace

BENCHMARK(BM_Elo)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EloBootstrap1000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Newman)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PageRank)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PlackettLuceBattles)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PlackettLuceKwise)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WengLinPLBattles)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WengLinPLKwise)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WengLinTMFullKwise)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
