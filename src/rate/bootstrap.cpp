#include "rate/bootstrap.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <mutex>
#include <thread>

#include "rate/multinomial_sampler.hpp"
#include "rate/rating_result.hpp"
#include "rate/seeded_rng.hpp"

namespace prefero::rate {

namespace {

std::atomic<ProgressHook> g_progress{nullptr};
std::mutex g_progress_mutex;

}  // namespace

void set_progress_hook(ProgressHook hook) { g_progress.store(hook); }

std::vector<double> multinomial_counts(const std::vector<double>& weights, uint64_t seed, uint64_t round) {
  return MultinomialSampler(weights).draw(seed, round);
}

BootstrapResult bootstrap(const std::vector<double>& row_weights, int rounds, uint64_t seed, int threads,
                          size_t num_models, const ReplicateFit& fit) {
  BootstrapResult res;
  if (rounds <= 0) return res;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  res.replicates.assign(static_cast<size_t>(rounds), std::vector<double>(num_models, nan));
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  threads = std::min(threads, rounds);
  std::atomic<int> next{0}, done{0}, degenerate{0};
  ProgressHook hook = g_progress.load();
  size_t step = std::max<size_t>(1, static_cast<size_t>(rounds) / 100);
  const MultinomialSampler sampler(row_weights);
  auto worker = [&] {
    std::vector<double> ratings;
    for (int r = next++; r < rounds; r = next++) {
      std::vector<double> counts = sampler.draw(seed, static_cast<uint64_t>(r));
      ratings.assign(num_models, nan);
      if (fit(counts, ratings)) res.replicates[static_cast<size_t>(r)] = ratings;
      else ++degenerate;
      int d = ++done;
      if (hook && (static_cast<size_t>(d) % step == 0 || d == rounds)) {
        std::lock_guard<std::mutex> lock(g_progress_mutex);
        hook(static_cast<size_t>(d), static_cast<size_t>(rounds));
      }
    }
  };
  // Which thread fits which round does not matter: each round's draw and fit depend only on
  // (seed, round) and the result lands in its own slot.
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  res.degenerate = degenerate.load();
  return res;
}

double replicate_quantile(const BootstrapResult& b, size_t model, double q) {
  std::vector<double> v;
  for (const auto& row : b.replicates)
    if (std::isfinite(row[model])) v.push_back(row[model]);
  if (v.empty()) return std::numeric_limits<double>::quiet_NaN();
  std::sort(v.begin(), v.end());
  double pos = q * static_cast<double>(v.size() - 1);
  auto lo = static_cast<size_t>(std::floor(pos));
  size_t hi = std::min(lo + 1, v.size() - 1);
  double frac = pos - static_cast<double>(lo);
  return v[lo] + (v[hi] - v[lo]) * frac;
}

void bootstrap_any(const MethodInfo& method, const Comparisons& c, const Params& params, RatingResult& result,
                   int rounds, uint64_t seed, int threads, double alpha) {
  std::vector<double> weights;
  for (const PairRow& r : c.pairs) weights.push_back(r.count);
  auto fit = [&](const std::vector<double>& counts, std::vector<double>& ratings) {
    Comparisons rep;
    rep.models = c.models;
    rep.covariate_names = c.covariate_names;
    rep.covariates = c.covariates;
    rep.rankings = c.rankings;
    for (size_t i = 0; i < c.pairs.size(); ++i)
      if (counts[i] > 0) {
        PairRow row = c.pairs[i];
        row.count = counts[i];
        rep.pairs.push_back(row);
      }
    try {
      RatingResult r = method.rate(rep, params);
      for (const auto& m : r.ratings) ratings[static_cast<size_t>(m.model)] = m.rating;
      return true;
    } catch (const std::exception&) {
      return false;
    }
  };
  BootstrapResult b = bootstrap(weights, rounds, seed, threads, c.models.size(), fit);
  for (auto& m : result.ratings) {
    m.ci_low = replicate_quantile(b, static_cast<size_t>(m.model), alpha / 2);
    m.ci_high = replicate_quantile(b, static_cast<size_t>(m.model), 1 - alpha / 2);
  }
  compute_rank_ub(result.ratings);
  result.explanation["bootstrap"] = {{"rounds", rounds}, {"seed", seed}, {"alpha", alpha},
                                     {"degenerate_rounds", b.degenerate}, {"space", "count (multinomial over unique rows)"}};
}

}  // namespace prefero::rate
