#include "rate/rating_table.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/error.hpp"

namespace prefero {

std::vector<double> votes_per_model(const Comparisons& c) {
  std::vector<double> v(c.models.size(), 0.0);
  for (const PairRow& r : c.pairs) {
    v[static_cast<size_t>(r.a)] += r.count;
    if (r.b != r.a) v[static_cast<size_t>(r.b)] += r.count;
  }
  for (const KwiseRow& k : c.rankings)
    for (const auto& tier : k.tiers)
      for (int m : tier) v[static_cast<size_t>(m)] += k.count;
  return v;
}

RatingResult rating_table(const Comparisons& c, const std::vector<double>& rating, const std::vector<double>& low,
                          const std::vector<double>& high) {
  const size_t n = rating.size();
  const std::vector<double> votes = votes_per_model(c);
  RatingResult r;
  r.ratings.resize(n);
  for (size_t i = 0; i < n; ++i) {
    ModelRating& m = r.ratings[i];
    m.model = static_cast<int>(i);
    m.rating = rating[i];
    m.ci_low = low.empty() ? rating[i] : low[i];
    m.ci_high = high.empty() ? rating[i] : high[i];
    m.votes = i < votes.size() ? votes[i] : 0;
  }
  for (auto& m : r.ratings) {
    int better = 0;
    for (const auto& o : r.ratings)
      if (o.model != m.model && o.ci_low > m.ci_high) ++better;
    m.rank_ub = 1 + better;
  }
  std::stable_sort(r.ratings.begin(), r.ratings.end(),
                   [](const ModelRating& a, const ModelRating& b) { return a.rating > b.rating; });
  return r;
}

double quantile_linear(std::vector<double>& xs, double q) {
  if (xs.empty()) return std::nan("");
  std::sort(xs.begin(), xs.end());
  const double pos = q * static_cast<double>(xs.size() - 1);
  const auto lo = static_cast<size_t>(std::floor(pos));
  const size_t hi = std::min(lo + 1, xs.size() - 1);
  const double frac = pos - static_cast<double>(lo);
  return xs[lo] + (xs[hi] - xs[lo]) * frac;
}

double outcome_score(Outcome o) {
  switch (o) {
    case Outcome::a_wins: return 1.0;
    case Outcome::b_wins: return 0.0;
    default: return 0.5;
  }
}

long long whole_count(const std::string& method, double count) {
  if (!(count >= 0) || count > 9007199254740992.0 || std::floor(count) != count)
    throw InputError(method + ": battle counts must be whole numbers (online models replay each battle in order); got " +
                     std::to_string(count));
  return static_cast<long long>(count);
}

}  // namespace prefero
