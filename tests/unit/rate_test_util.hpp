#pragma once
// Builders and runners shared by the rating-model tests.
#include <map>
#include <string>
#include <vector>

#include "rate/comparisons.hpp"
#include "registry/registry.hpp"

namespace prefero::test {

inline Comparisons models_named(int n) {
  Comparisons c;
  for (int i = 0; i < n; ++i) c.models.push_back(std::string(1, static_cast<char>('a' + i)));
  return c;
}

inline void battle(Comparisons& c, int a, int b, Outcome o, double count = 1) {
  c.pairs.push_back(PairRow{a, b, o, count, -1});
}

inline void ranking(Comparisons& c, std::vector<std::vector<int>> tiers, double count = 1) {
  c.rankings.push_back(KwiseRow{std::move(tiers), count});
}

inline RatingResult run_rate(const std::string& id, const Comparisons& c,
                             const std::map<std::string, std::string>& given = {}) {
  const MethodInfo& m = require_method(id);
  return m.rate(c, resolve_params(m.id, m.params, given));
}

// Rating of each model by index.
inline std::vector<double> by_model(const RatingResult& r) {
  std::vector<double> v(r.ratings.size());
  for (const auto& m : r.ratings) v[static_cast<size_t>(m.model)] = m.rating;
  return v;
}

}  // namespace prefero::test
