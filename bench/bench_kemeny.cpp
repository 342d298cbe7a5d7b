// Kemeny-Young: pref_voting's published approach (enumerate all m! rankings, score each by the
// sum of the margins it agrees with = its Kendall cost up to a constant; pref_voting's default
// algorithm="marginal") against our dynamic program over subsets. Random profiles (100 voters,
// fixed seed) at m = 8, 10, 12; prints the speed-up ratio at the end.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <random>
#include <set>

#include "core/profile.hpp"
#include "registry/registry.hpp"

namespace {

using prefero::Cand;

prefero::Profile random_profile(int m, int voters, unsigned seed) {
  std::mt19937 rng(seed);
  prefero::ProfileBuilder b(prefero::Candidates::numbered(m), prefero::BallotKind::ranking);
  std::vector<Cand> order(static_cast<size_t>(m));
  for (int v = 0; v < voters; ++v) {
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), rng);
    std::vector<std::vector<Cand>> tiers;
    for (Cand c : order) tiers.push_back({c});
    b.add_tiers(tiers, 1);
  }
  return b.finish();
}

// pref_voting other_methods.kemeny_young(algorithm="marginal"), faithfully: every permutation,
// score = sum over ordered pairs (i above j) of margin(i, j); keep all best-scoring rankings;
// winners = their first candidates.
std::vector<Cand> kemeny_by_enumeration(const prefero::PairwiseMatrix& s, int m) {
  std::vector<Cand> r(static_cast<size_t>(m));
  std::iota(r.begin(), r.end(), 0);
  int64_t best = 0;
  std::vector<std::vector<Cand>> best_rankings;
  do {
    int64_t score = 0;
    for (int i = 0; i < m; ++i)
      for (int j = i + 1; j < m; ++j) score += s.margin(r[i], r[j]);
    if (score > best) best = score, best_rankings.clear();
    if (score == best) best_rankings.push_back(r);
  } while (std::next_permutation(r.begin(), r.end()));
  std::set<Cand> tops;
  for (const auto& k : best_rankings) tops.insert(k[0]);
  return {tops.begin(), tops.end()};
}

std::vector<Cand> kemeny_by_dp(const prefero::Profile& p) {
  return prefero::run_elect(prefero::require_method("kemeny_young"), p, {}).result.winners;
}

void BM_KemenyEnumeration(benchmark::State& state) {
  const int m = static_cast<int>(state.range(0));
  prefero::Profile p = random_profile(m, 100, 2026);
  std::vector<Cand> winners;
  for (auto _ : state) {
    winners = kemeny_by_enumeration(p.support_ranked, m);
    benchmark::DoNotOptimize(winners);
  }
  if (winners != kemeny_by_dp(p)) state.SkipWithError("winner sets differ");
}

void BM_KemenyDP(benchmark::State& state) {
  const int m = static_cast<int>(state.range(0));
  prefero::Profile p = random_profile(m, 100, 2026);
  for (auto _ : state) benchmark::DoNotOptimize(kemeny_by_dp(p));
}

BENCHMARK(BM_KemenyEnumeration)->Arg(8)->Arg(10)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_KemenyEnumeration)->Arg(12)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_KemenyDP)->Arg(8)->Arg(10)->Arg(12)->Unit(benchmark::kMillisecond);

// Console output as usual, plus the mean real time per (approach, m) for the ratio table.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  std::map<std::pair<std::string, int>, double> seconds;  // CPU time per iteration (robust on a shared machine)
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const auto& run : runs) {
      if (run.error_occurred) continue;
      std::string name = run.benchmark_name();
      size_t slash = name.find('/');
      int m = std::stoi(name.substr(slash + 1));
      seconds[{name.substr(0, slash), m}] = run.cpu_accumulated_time / static_cast<double>(run.iterations);
    }
  }
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  std::printf("\nspeed-up (CPU time) of the subset DP over enumerating all m! rankings (pref_voting's approach):\n");
  for (int m : {8, 10, 12}) {
    auto e = reporter.seconds.find({"BM_KemenyEnumeration", m});
    auto d = reporter.seconds.find({"BM_KemenyDP", m});
    if (e == reporter.seconds.end() || d == reporter.seconds.end()) continue;
    std::printf("  m = %2d: enumeration %.3f ms, DP %.3f ms, ratio %.0fx\n", m, e->second * 1e3, d->second * 1e3,
                e->second / d->second);
  }
  benchmark::Shutdown();
  return 0;
}
