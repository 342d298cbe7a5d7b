// Online Elo: A. E. Elo, The Rating of Chessplayers, Past and Present, 1978; as in FastChat's
// `compute_elo` (K=4, base 10, scale 400, initial 1000) and evalica's `elo`.
#include "rate/elo.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <thread>

#include "core/error.hpp"
#include "rate/rating_table.hpp"
#include "rate/seeded_rng.hpp"
#include "registry/registry.hpp"

namespace prefero {

std::vector<EloBattle> elo_battles(const Comparisons& c, const char* method) {
  std::vector<EloBattle> out;
  for (const PairRow& r : c.pairs) {
    const long long n = whole_count(method, r.count);
    if (static_cast<unsigned long long>(n) > 2000000000ULL - out.size())
      throw InputError(std::string(method) + ": more than 2e9 battles");
    out.insert(out.end(), static_cast<size_t>(n), EloBattle{r.a, r.b, outcome_score(r.outcome)});
  }
  return out;
}

namespace {

// The expected score of a against b and the update, FastChat's form.
inline void elo_update(std::vector<double>& R, const EloBattle& g, double alpha, double k) {
  const double p = 1.0 / (1.0 + std::exp(alpha * (R[static_cast<size_t>(g.b)] - R[static_cast<size_t>(g.a)])));
  const double delta = k * (g.s - p);
  R[static_cast<size_t>(g.a)] += delta;
  R[static_cast<size_t>(g.b)] -= delta;
}

}  // namespace

std::vector<double> online_elo(const std::vector<EloBattle>& battles, size_t num_models, const EloSettings& s) {
  std::vector<double> R(num_models, s.initial);
  const double alpha = std::log(s.base) / s.scale;
  for (const EloBattle& g : battles) elo_update(R, g, alpha, s.k);
  return R;
}

std::vector<std::vector<double>> elo_bootstrap(const std::vector<EloBattle>& battles, size_t num_models,
                                               const EloSettings& s, int rounds, uint64_t seed,
                                               bool with_replacement, int threads) {
  std::vector<std::vector<double>> reps(static_cast<size_t>(std::max(rounds, 0)));
  const double alpha = std::log(s.base) / s.scale;
  const size_t n = battles.size();
  auto one = [&](size_t r) {
    SeededRng rng(seed, r);
    std::vector<double> R(num_models, s.initial);
    if (with_replacement) {
      for (size_t i = 0; i < n; ++i) elo_update(R, battles[rng.below(n)], alpha, s.k);
    } else {
      std::vector<uint32_t> order(n);
      std::iota(order.begin(), order.end(), 0u);
      for (size_t i = n; i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
      for (uint32_t i : order) elo_update(R, battles[i], alpha, s.k);
    }
    reps[r] = std::move(R);
  };
  const size_t workers = std::max<size_t>(1, std::min<size_t>(static_cast<size_t>(std::max(threads, 1)), reps.size()));
  if (workers == 1) {
    for (size_t r = 0; r < reps.size(); ++r) one(r);
    return reps;
  }
  std::vector<std::thread> pool;
  for (size_t w = 0; w < workers; ++w)
    pool.emplace_back([&, w] {
      for (size_t r = w; r < reps.size(); r += workers) one(r);
    });
  for (auto& t : pool) t.join();
  return reps;
}

namespace {

int thread_count(const Params& p) {
  const int64_t t = p.integer("threads");
  if (t < 0 || t > 1024) throw InputError("threads must be between 0 and 1024");
  if (t == 0) return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return static_cast<int>(t);
}

RatingResult elo_rate(const Comparisons& c, const Params& p) {
  EloSettings s{p.number("k"), p.number("base"), p.number("scale"), p.number("initial")};
  if (!(s.base > 0) || s.base == 1 || !std::isfinite(s.base)) throw InputError("elo: base must be positive and not 1");
  if (!(s.scale > 0) || !std::isfinite(s.scale)) throw InputError("elo: scale must be positive");
  if (!std::isfinite(s.k) || !std::isfinite(s.initial)) throw InputError("elo: k and initial must be finite");
  if (c.pairs.empty() && !c.rankings.empty())
    throw InputError("elo: needs pairwise battles (K-wise rankings: use plackett_luce or a weng_lin model)");
  const std::vector<EloBattle> battles = elo_battles(c, "elo");
  const size_t m = c.models.size();
  std::vector<double> point = online_elo(battles, m, s);
  const int64_t rounds = p.integer("bootstrap");
  if (rounds < 0 || rounds > 1000000) throw InputError("elo: bootstrap must be between 0 and 1000000");
  if (rounds == 0) {
    RatingResult r = rating_table(c, point);
    r.explanation = {{"battles", battles.size()}, {"order", "file"}};
    return r;
  }
  const double level = p.number("ci_level");
  if (!(level > 0 && level < 1)) throw InputError("elo: ci_level must be in (0, 1)");
  const auto seed = static_cast<uint64_t>(p.integer("seed"));
  const bool replace = p.text("bootstrap_resample") == "replacement";
  auto reps = elo_bootstrap(battles, m, s, static_cast<int>(rounds), seed, replace, thread_count(p));
  std::vector<double> low(m), high(m), median(m), col(reps.size());
  for (size_t i = 0; i < m; ++i) {
    for (size_t r = 0; r < reps.size(); ++r) col[r] = reps[r][i];
    low[i] = quantile_linear(col, (1 - level) / 2);
    high[i] = quantile_linear(col, 1 - (1 - level) / 2);
    median[i] = quantile_linear(col, 0.5);
  }
  const bool use_median = p.text("bootstrap_rating") == "median";
  RatingResult r = rating_table(c, use_median ? median : point, low, high);
  r.explanation = {{"battles", battles.size()},
                   {"bootstrap", rounds},
                   {"rating", use_median ? "bootstrap median" : "file-order point estimate"}};
  return r;
}

}  // namespace

static const Registration elo_registration{MethodInfo{
    .id = "elo",
    .aliases = {"online_elo"},
    .family = "rate",
    .input = "battles",
    .summary = "online Elo in file order (each battle: R_a += K(s - p), R_b -= K(s - p)); optional bootstrap "
               "over resampled battle orders with percentile intervals",
    .citation = "A. E. Elo, The Rating of Chessplayers, Past and Present, 1978; FastChat compute_elo and "
                "get_bootstrap_result (Chiang et al., Chatbot Arena, ICML 2024); evalica elo",
    .params = {{"k", ParamType::number, "4", "K factor: step size of each update (FastChat 4; evalica's golden 4)", {}},
               {"base", ParamType::number, "10", "logistic base: p = 1/(1 + base^((R_b - R_a)/scale))", {}},
               {"scale", ParamType::number, "400", "rating points per factor `base` in odds", {}},
               {"initial", ParamType::number, "1000", "every model's starting rating", {}},
               {"bootstrap", ParamType::integer, "0",
                "replicates of the bootstrap (0 = none; FastChat's notebook used 1000); each replays a resampled "
                "battle list", {}},
               {"bootstrap_resample", ParamType::choice, "replacement",
                "replacement (draw N battles with replacement: FastChat) or permutation (shuffle the order only)",
                {"replacement", "permutation"}},
               {"bootstrap_rating", ParamType::choice, "median",
                "reported rating with a bootstrap: median of the replicates (FastChat) or point (the file-order "
                "rating)", {"median", "point"}},
               {"ci_level", ParamType::number, "0.95", "interval level: quantiles (1-level)/2 and 1-(1-level)/2, "
                "linear interpolation (pandas)", {}},
               {"seed", ParamType::integer, "42", "bootstrap seed (same seed, same bits for any thread count)", {}},
               {"threads", ParamType::integer, "0", "worker threads for the bootstrap (0 = all cores)", {}}},
    .rate = elo_rate,
}};

}  // namespace prefero
