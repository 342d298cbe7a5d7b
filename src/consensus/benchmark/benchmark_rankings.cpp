// Benchmark tables as rankings: Borda points and pairwise probabilities of one ranking with missing
// scores (Himmi et al. 2023), the per-task rankings, tiers and ranks.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "consensus/benchmark/benchmark.hpp"
#include "core/error.hpp"

namespace prefero {

BenchmarkData benchmark_data(const ScoreTable& table) {
  BenchmarkData d;
  d.systems = table.systems;
  d.tasks = table.tasks;
  for (const auto& column : table.scores) d.scores.push_back({column});
  return d;
}

BenchmarkData benchmark_data(const InstanceTable& table) {
  BenchmarkData d;
  d.systems = table.systems;
  d.tasks = table.tasks;
  d.instance_level = true;
  d.scores = table.scores;
  return d;
}

MissingScores parse_missing(const std::string& text) {
  if (text == "expected") return MissingScores::expected;
  if (text == "worst") return MissingScores::worst;
  if (text == "error") return MissingScores::error;
  throw InputError("--missing '" + text + "': expected one of expected, worst, error");
}

const std::vector<std::string>& benchmark_methods() {
  static const std::vector<std::string> ids{"mean", "borda", "two_level_borda", "copeland", "kemeny"};
  return ids;
}

namespace {

// Twice the Borda points among the observed systems: 2 * #observed strictly below + #observed tied.
std::vector<int64_t> twice_observed_points(const std::vector<double>& scores, const std::vector<int>& observed) {
  std::vector<int> order = observed;
  std::sort(order.begin(), order.end(), [&](int a, int b) { return scores[a] < scores[b]; });
  std::vector<int64_t> twice(scores.size(), 0);
  size_t i = 0;
  while (i < order.size()) {
    size_t j = i;
    while (j < order.size() && scores[order[j]] == scores[order[i]]) ++j;
    for (size_t q = i; q < j; ++q) twice[order[q]] = 2 * static_cast<int64_t>(i) + static_cast<int64_t>(j - i - 1);
    i = j;
  }
  return twice;
}

std::vector<int> observed_of(const std::vector<double>& scores, MissingScores missing) {
  std::vector<int> observed;
  for (int s = 0; s < static_cast<int>(scores.size()); ++s)
    if (!std::isnan(scores[s])) observed.push_back(s);
  if (missing == MissingScores::error && observed.size() != scores.size())
    throw InputError("the table has missing scores; choose --missing expected (Himmi et al. 2023) or worst");
  return observed;
}

}  // namespace

// Himmi et al. 2023: a missing system is inserted uniformly at random among the k observed ones,
// so it lands below an observed system of fractional position r (0 = bottom) with probability
// (r + 1) / (k + 1); two missing systems are each above the other with probability 1/2.
std::vector<Rational> borda_points(const std::vector<double>& scores, MissingScores missing) {
  const int64_t n = static_cast<int64_t>(scores.size());
  const std::vector<int> observed = observed_of(scores, missing);
  const int64_t k = static_cast<int64_t>(observed.size()), m = n - k;
  const std::vector<int64_t> twice = twice_observed_points(scores, observed);
  std::vector<Rational> points(scores.size());
  for (size_t s = 0; s < scores.size(); ++s) {
    if (std::isnan(scores[s])) {
      points[s] = missing == MissingScores::expected ? Rational(n - 1, 2) : Rational(m - 1, 2);
      points[s].canonicalize();
      continue;
    }
    Rational r(twice[s], 2);
    r.canonicalize();
    if (missing == MissingScores::expected)
      points[s] = r + Rational(m) * (r + 1) / Rational(k + 1);
    else
      points[s] = r + Rational(m);
    points[s].canonicalize();
  }
  return points;
}

void add_strict_pairs(const std::vector<double>& scores, MissingScores missing, std::vector<std::vector<double>>& add) {
  const size_t n = scores.size();
  const std::vector<int> observed = observed_of(scores, missing);
  const double k = static_cast<double>(observed.size());
  const std::vector<int64_t> twice = twice_observed_points(scores, observed);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j) {
      const bool oi = !std::isnan(scores[i]), oj = !std::isnan(scores[j]);
      if (oi && oj) {
        if (scores[i] > scores[j]) add[i][j] += 1;
        if (scores[j] > scores[i]) add[j][i] += 1;
      } else if (missing == MissingScores::worst) {
        if (oi && !oj) add[i][j] += 1;
        if (oj && !oi) add[j][i] += 1;
      } else if (!oi && !oj) {
        add[i][j] += 0.5;
        add[j][i] += 0.5;
      } else {
        const size_t o = oi ? i : j, u = oi ? j : i;  // observed, missing
        const double p = (static_cast<double>(twice[o]) / 2 + 1) / (k + 1);
        add[o][u] += p;
        add[u][o] += 1 - p;
      }
    }
}

namespace {
std::vector<double> dense_ranks(const std::vector<Rational>& totals) {
  std::vector<Rational> distinct = totals;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  std::vector<double> ranks(totals.size());
  for (size_t s = 0; s < totals.size(); ++s)
    ranks[s] = static_cast<double>(std::lower_bound(distinct.begin(), distinct.end(), totals[s]) - distinct.begin());
  return ranks;
}
}  // namespace

std::vector<std::vector<double>> task_rankings(const BenchmarkData& data, MissingScores missing) {
  std::vector<std::vector<double>> out;
  for (const auto& task : data.scores) {
    if (!data.instance_level) {
      observed_of(task[0], missing);  // reject missing cells when asked to
      out.push_back(task[0]);
      continue;
    }
    std::vector<Rational> totals(data.systems.size(), Rational(0));
    for (const auto& instance : task) {
      std::vector<Rational> pts = borda_points(instance, missing);
      for (size_t s = 0; s < totals.size(); ++s) totals[s] += pts[s];
    }
    out.push_back(dense_ranks(totals));
  }
  return out;
}

std::vector<std::vector<double>> strict_pairs(const std::vector<std::vector<double>>& rankings, MissingScores missing) {
  const size_t n = rankings.empty() ? 0 : rankings[0].size();
  std::vector<std::vector<double>> strict(n, std::vector<double>(n, 0.0));
  for (const auto& r : rankings) add_strict_pairs(r, missing, strict);
  return strict;
}

template <class T>
Ranking tiers_of_scores(const std::vector<T>& score) {
  std::vector<Cand> order(score.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](Cand a, Cand b) { return score[a] > score[b]; });
  Ranking tiers;
  for (size_t i = 0; i < order.size(); ++i) {
    if (i == 0 || score[order[i]] != score[order[i - 1]]) tiers.emplace_back();
    tiers.back().push_back(order[i]);
  }
  return tiers;
}
template Ranking tiers_of_scores<double>(const std::vector<double>&);
template Ranking tiers_of_scores<Rational>(const std::vector<Rational>&);

std::vector<int> competition_ranks(const Ranking& ranking, int n) {
  std::vector<int> rank(static_cast<size_t>(n), 0);
  int above = 0;
  for (const auto& tier : ranking) {
    for (Cand c : tier) rank[static_cast<size_t>(c)] = above + 1;
    above += static_cast<int>(tier.size());
  }
  return rank;
}

}  // namespace prefero
