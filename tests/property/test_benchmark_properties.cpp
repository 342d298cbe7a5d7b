// Properties of benchmark aggregation: Borda points of one ranking always total n(n-1)/2 (every
// pair shares one point), each pair's probabilities sum to 1 minus its observed tie, the readers
// never throw anything but InputError, and every method's cost is at least its lower bound.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>
#include <limits>
#include <sstream>

#include "consensus/benchmark/benchmark.hpp"
#include "core/error.hpp"

using namespace prefero;

namespace {
std::vector<double> random_scores() {
  auto cells = *rc::gen::container<std::vector<int>>(rc::gen::inRange(-1, 4));  // -1 = missing
  std::vector<double> s;
  for (int c : cells) s.push_back(c < 0 ? std::numeric_limits<double>::quiet_NaN() : c);
  return s;
}
}  // namespace

RC_GTEST_PROP(BenchmarkProperties, BordaPointsShareEveryPair, ()) {
  const std::vector<double> s = random_scores();
  const int64_t n = static_cast<int64_t>(s.size());
  for (MissingScores m : {MissingScores::expected, MissingScores::worst}) {
    Rational total = 0;
    for (const auto& p : borda_points(s, m)) total += p;
    Rational expected(n * (n - 1), 2);
    expected.canonicalize();
    RC_ASSERT(total == expected);
  }
}

RC_GTEST_PROP(BenchmarkProperties, PairProbabilitiesSumToOneUnlessObservedTie, ()) {
  const std::vector<double> s = random_scores();
  const size_t n = s.size();
  std::vector<std::vector<double>> p(n, std::vector<double>(n, 0));
  add_strict_pairs(s, MissingScores::expected, p);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j) {
      const bool tie = !std::isnan(s[i]) && s[i] == s[j];
      RC_ASSERT(std::abs(p[i][j] + p[j][i] - (tie ? 0.0 : 1.0)) < 1e-12);
    }
}

RC_GTEST_PROP(BenchmarkProperties, ReadersFailOnlyWithInputErrorAndCostsRespectBounds, ()) {
  const std::string alphabet = ",\"0123456789.-+ \n\rabNA@#\t";
  auto picks = *rc::gen::container<std::vector<size_t>>(rc::gen::inRange<size_t>(0, alphabet.size()));
  std::string text = "system,a,b\n";
  for (size_t i : picks) text += alphabet[i];
  try {
    std::istringstream in(text);
    ScoreTable t = read_score_table(in, "p.csv");
    if (t.systems.size() > 10) return;
    BenchmarkData d = benchmark_data(t);
    for (const std::string method : {"mean", "borda", "copeland", "kemeny"}) {
      BenchmarkOptions o;
      o.method = method;
      BenchmarkResult r = aggregate_benchmark(d, o);
      RC_ASSERT(r.cost + 1e-9 >= r.lower_bound);
      size_t listed = 0;
      for (const auto& tier : r.ranking) listed += tier.size();
      RC_ASSERT(listed == t.systems.size());
    }
  } catch (const InputError&) {
  }
}
