// The benchmark aggregation methods: mean, Borda (one and two levels), Copeland, Kemeny.
#include <algorithm>
#include <cmath>
#include <limits>

#include "consensus/benchmark/benchmark.hpp"
#include "consensus/kemeny.hpp"
#include "consensus/pair_costs.hpp"
#include "core/error.hpp"

namespace prefero {

namespace {

constexpr double kTol = 1e-9;
constexpr int kDpLimit = 20;        // the subset DP solves Kemeny up to this many systems
constexpr int kDpBoundLimit = 16;   // ... and gives every method an exact lower bound up to this

// Per-task normalisation of the mean (over the task's observed cells, all instances).
std::vector<std::vector<double>> normalized(const std::vector<std::vector<double>>& task, const std::string& how) {
  if (how == "none") return task;
  double sum = 0, sq = 0, lo = std::numeric_limits<double>::infinity(), hi = -lo;
  double cells = 0;
  for (const auto& inst : task)
    for (double v : inst)
      if (!std::isnan(v)) sum += v, sq += v * v, lo = std::min(lo, v), hi = std::max(hi, v), cells += 1;
  std::vector<std::vector<double>> out = task;
  const double mean = cells > 0 ? sum / cells : 0;
  const double sd = cells > 0 ? std::sqrt(std::max(0.0, sq / cells - mean * mean)) : 0;
  for (auto& inst : out)
    for (double& v : inst) {
      if (std::isnan(v)) continue;
      if (how == "zscore") v = sd > 0 ? (v - mean) / sd : 0;
      else v = hi > lo ? (v - lo) / (hi - lo) : 0;
    }
  return out;
}

// σ^mean of Colombo et al.: the average of each system's observed cells (after normalisation).
std::vector<double> mean_scores(const BenchmarkData& d, const BenchmarkOptions& o) {
  if (o.normalize != "none" && o.normalize != "zscore" && o.normalize != "minmax")
    throw InputError("--normalize '" + o.normalize + "': expected none, zscore or minmax");
  std::vector<double> sum(d.systems.size(), 0), cells(d.systems.size(), 0);
  for (const auto& raw : d.scores) {
    for (const auto& inst : normalized(raw, o.normalize))
      for (size_t s = 0; s < inst.size(); ++s) {
        if (std::isnan(inst[s])) {
          if (o.missing == MissingScores::error)
            throw InputError("the table has missing scores; choose --missing expected or worst");
          continue;
        }
        sum[s] += inst[s];
        cells[s] += 1;
      }
  }
  std::vector<double> mean(d.systems.size());
  for (size_t s = 0; s < mean.size(); ++s)
    mean[s] = cells[s] > 0 ? sum[s] / cells[s] : -std::numeric_limits<double>::infinity();
  return mean;
}

std::vector<Rational> borda_totals(const std::vector<std::vector<double>>& rankings, MissingScores missing, size_t n) {
  std::vector<Rational> total(n, Rational(0));
  for (const auto& r : rankings) {
    std::vector<Rational> pts = borda_points(r, missing);
    for (size_t s = 0; s < n; ++s) total[s] += pts[s];
  }
  return total;
}

std::vector<double> to_doubles(const std::vector<Rational>& v) {
  std::vector<double> out;
  for (const auto& x : v) out.push_back(x.get_d());
  return out;
}

// A. H. Copeland, "A reasonable social welfare function", 1951: majority wins + 1/2 majority ties.
std::vector<double> copeland_scores(const std::vector<std::vector<double>>& strict) {
  std::vector<double> score(strict.size(), 0);
  for (size_t i = 0; i < strict.size(); ++i)
    for (size_t j = 0; j < strict.size(); ++j) {
      if (i == j) continue;
      const double d = strict[i][j] - strict[j][i];
      score[i] += d > kTol ? 1.0 : (d < -kTol ? 0.0 : 0.5);
    }
  return score;
}

// Kemeny beyond the subset DP: the project's exact solver (consensus/kemeny.hpp: SCC decomposition,
// warm start, branch and bound / lazy-row ILP on CBC, time limit with a proven bound) on the
// expected pairwise counts. Input ties (a pair a task leaves tied) cost nothing, as in the DP.
ConsensusResult kemeny_exact(const std::vector<std::vector<double>>& strict, double num_rankings, double time_limit) {
  const size_t n = strict.size();
  std::vector<std::vector<double>> ties(n, std::vector<double>(n, 0.0));
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < n; ++j)
      if (i != j) ties[i][j] = std::max(0.0, num_rankings - strict[i][j] - strict[j][i]);
  PairCosts pc = pair_costs_from_matrix(strict, ties, TieCosts{0.0, 0.5});
  KemenyOptions opt;
  opt.time_limit_seconds = time_limit;
  opt.majority_rule = false;  // the 3/4 rule needs complete strict votes; expected counts are not
  return kemeny_solve(pc, opt);
}

}  // namespace

BenchmarkResult aggregate_benchmark(const BenchmarkData& d, const BenchmarkOptions& o) {
  const size_t n = d.systems.size();
  if (n == 0) throw InputError("the benchmark has no system");
  const std::vector<std::vector<double>> rankings = task_rankings(d, o.missing);
  const std::vector<std::vector<double>> strict = strict_pairs(rankings, o.missing);
  BenchmarkResult r;
  r.method = o.method;
  if (o.method == "mean") {
    r.score = mean_scores(d, o);
    r.ranking = tiers_of_scores(r.score);
    r.explanation["normalize"] = o.normalize;
  } else if (o.method == "borda" || o.method == "two_level_borda") {
    std::vector<Rational> total;
    if (o.method == "borda" && d.instance_level) {
      // Colombo's σ^l: Borda directly over every (task, instance) ranking.
      total.assign(n, Rational(0));
      for (const auto& task : d.scores) {
        std::vector<Rational> t = borda_totals(task, o.missing, n);
        for (size_t s = 0; s < n; ++s) total[s] += t[s];
      }
    } else {
      total = borda_totals(rankings, o.missing, n);
    }
    r.score = to_doubles(total);
    r.ranking = tiers_of_scores(total);
    json exact = json::array();
    for (const auto& t : total) exact.push_back(to_string(t));
    r.explanation["borda_points"] = exact;
  } else if (o.method == "copeland") {
    r.score = copeland_scores(strict);
    r.ranking = tiers_of_scores(r.score);
  } else if (o.method == "kemeny") {
    if (static_cast<int>(n) <= kDpLimit) {
      KemenyDp dp = kemeny_subset_dp(strict);
      for (int c : dp.order) r.ranking.push_back({c});
      r.proven_optimal = true;
      r.lower_bound = dp.cost;
      r.explanation["solver"] = "subset_dp";
      r.explanation["optimal_rankings"] = dp.optimal_count;
      r.explanation["unique"] = dp.optimal_count == 1;
    } else {
      ConsensusResult k = kemeny_exact(strict, static_cast<double>(rankings.size()), o.time_limit_seconds);
      r.ranking = k.ranking;
      r.proven_optimal = k.proven_optimal;
      r.lower_bound = std::max(k.lower_bound, kemeny_pair_bound(strict));
      r.explanation["solver"] = "kemeny_ranking";
      r.explanation["solver_explanation"] = k.explanation;
    }
  } else {
    std::string list;
    for (const auto& m : benchmark_methods()) list += (list.empty() ? "" : ", ") + m;
    throw InputError("unknown benchmark method '" + o.method + "' (expected one of " + list + ")");
  }
  r.cost = kemeny_cost(r.ranking, strict);
  if (o.method != "kemeny") {
    r.lower_bound = kemeny_pair_bound(strict);
    if (o.exact_lower_bound && static_cast<int>(n) <= kDpBoundLimit) r.lower_bound = kemeny_subset_dp(strict).cost;
    r.proven_optimal = r.cost <= r.lower_bound + kTol;
  }
  r.explanation["missing"] = o.missing == MissingScores::expected ? "expected" : o.missing == MissingScores::worst ? "worst" : "error";
  r.explanation["task_rankings"] = d.instance_level ? "per-task Borda over instances (first level)" : "task scores";
  return r;
}

}  // namespace prefero
