#include "rate/rating_result.hpp"

#include <algorithm>
#include <array>
#include <map>

namespace prefero::rate {

std::vector<double> votes_per_model(const Comparisons& c) {
  std::vector<double> v(c.models.size(), 0.0);
  for (const PairRow& r : c.pairs) v[static_cast<size_t>(r.a)] += r.count, v[static_cast<size_t>(r.b)] += r.count;
  for (const KwiseRow& k : c.rankings)
    for (const auto& tier : k.tiers)
      for (int m : tier) v[static_cast<size_t>(m)] += k.count;
  return v;
}

void compute_rank_ub(std::vector<ModelRating>& ratings) {
  std::vector<double> lows;
  for (const auto& r : ratings) lows.push_back(r.ci_low);
  std::sort(lows.begin(), lows.end());
  for (auto& r : ratings) {
    auto above = lows.end() - std::upper_bound(lows.begin(), lows.end(), r.ci_high);
    r.rank_ub = 1 + static_cast<int>(above);
  }
}

RatingResult make_rating_result(const Comparisons& c, const std::vector<double>& rating, const std::vector<double>& lo,
                                const std::vector<double>& hi) {
  RatingResult res;
  std::vector<double> votes = votes_per_model(c);
  for (size_t i = 0; i < rating.size(); ++i) {
    ModelRating m;
    m.model = static_cast<int>(i);
    m.rating = rating[i];
    m.ci_low = lo.empty() ? rating[i] : lo[i];
    m.ci_high = hi.empty() ? rating[i] : hi[i];
    m.votes = votes[i];
    res.ratings.push_back(m);
  }
  compute_rank_ub(res.ratings);
  std::stable_sort(res.ratings.begin(), res.ratings.end(),
                   [](const ModelRating& x, const ModelRating& y) { return x.rating > y.rating; });
  return res;
}

json pair_votes_json(const Comparisons& c) {
  std::map<std::pair<int, int>, std::array<double, 3>> m;
  for (const PairRow& r : c.pairs) {
    bool flip = r.a > r.b;
    auto& e = m[{std::min(r.a, r.b), std::max(r.a, r.b)}];
    if (r.outcome == Outcome::a_wins) e[flip ? 1 : 0] += r.count;
    else if (r.outcome == Outcome::b_wins) e[flip ? 0 : 1] += r.count;
    else e[2] += r.count;
  }
  json out = json::array();
  for (const auto& [k, e] : m)
    out.push_back({{"a", c.models[static_cast<size_t>(k.first)]},
                   {"b", c.models[static_cast<size_t>(k.second)]},
                   {"votes", e[0] + e[1] + e[2]},
                   {"a_wins", e[0]},
                   {"b_wins", e[1]},
                   {"ties", e[2]}});
  return out;
}

}  // namespace prefero::rate
