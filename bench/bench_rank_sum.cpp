// Streaming rank-sum (FRL's server vote) at scale: N items x V voters' full rankings, generated one
// voter at a time (memory O(items)), then the top-k. Plain main, bounded in time.
// Usage: bench_rank_sum [ITEMS=1000000] [VOTERS=1000] [TOP_K=1000] [MAX_SECONDS=120]
// Generator (seeded): a hidden base order of the items; each voter perturbs it with ITEMS/10 random
// swaps of items at most 1000 positions apart (so the aggregate has a signal to recover), and we
// report how many of the true top-k the aggregate's top-k recovers.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <random>
#include <vector>

#include <sys/resource.h>

#include "consensus/rank_sum.hpp"

int main(int argc, char** argv) {
  const uint32_t items = argc > 1 ? static_cast<uint32_t>(std::strtoul(argv[1], nullptr, 10)) : 1'000'000;
  const int voters = argc > 2 ? std::atoi(argv[2]) : 1000;
  const uint32_t k = argc > 3 ? static_cast<uint32_t>(std::strtoul(argv[3], nullptr, 10)) : 1000;
  const double max_seconds = argc > 4 ? std::atof(argv[4]) : 120;
  using clock = std::chrono::steady_clock;

  std::mt19937_64 rng(2023);
  std::vector<uint32_t> base(items);  // base[p] = item at position p, ascending importance
  std::iota(base.begin(), base.end(), 0u);
  std::shuffle(base.begin(), base.end(), rng);
  std::vector<uint32_t> vote(items);
  prefero::RankSumAccumulator acc(items);
  double gen_seconds = 0, add_seconds = 0;
  const auto start = clock::now();
  int done = 0;
  for (; done < voters; ++done) {
    if (std::chrono::duration<double>(clock::now() - start).count() > max_seconds) break;
    auto t0 = clock::now();
    vote = base;
    for (uint32_t s = 0; s < items / 10; ++s) {
      const uint32_t a = static_cast<uint32_t>(rng() % items);
      const uint32_t span = std::min<uint32_t>(1000, items);
      const uint32_t b = std::min<uint32_t>(items - 1, a + static_cast<uint32_t>(rng() % span));
      std::swap(vote[a], vote[b]);
    }
    auto t1 = clock::now();
    acc.add_ascending_ranking(vote);
    auto t2 = clock::now();
    gen_seconds += std::chrono::duration<double>(t1 - t0).count();
    add_seconds += std::chrono::duration<double>(t2 - t1).count();
  }
  auto t3 = clock::now();
  std::vector<uint32_t> top = acc.top_k(k);
  const double topk_seconds = std::chrono::duration<double>(clock::now() - t3).count();
  std::vector<char> truly_top(items, 0);
  for (uint32_t p = items - std::min(k, items); p < items; ++p) truly_top[base[p]] = 1;
  uint32_t recovered = 0;
  for (uint32_t e : top) recovered += truly_top[e];
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("items %u, voters %d of %d (time bound %.0f s), top-%u\n", items, done, voters, max_seconds, k);
  std::printf("aggregate (validate + add): %.3f s total, %.2f ms per voter, %.2f ns per item-vote\n", add_seconds,
              1e3 * add_seconds / std::max(1, done), 1e9 * add_seconds / (static_cast<double>(items) * std::max(1, done)));
  std::printf("generator: %.3f s; top-k: %.3f s; recovered %u of the true top-%u\n", gen_seconds, topk_seconds,
              recovered, k);
  std::printf("process CPU time %.1f s user (wall figures above include waiting for a shared CPU)\n",
              static_cast<double>(ru.ru_utime.tv_sec) + 1e-6 * static_cast<double>(ru.ru_utime.tv_usec));
  std::printf("peak RSS %.1f MiB (sums 8 B/item + base + one vote 4 B/item each)\n", static_cast<double>(ru.ru_maxrss) / 1024);
  return 0;
}
