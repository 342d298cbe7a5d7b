#include "committee/separable.hpp"

#include <algorithm>

#include "committee/committee_search.hpp"

namespace prefero {

CommitteeResult best_separable(const std::vector<Rational>& score, int k, bool resolute) {
  int m = static_cast<int>(score.size());
  std::vector<Cand> order(static_cast<size_t>(m));
  for (int c = 0; c < m; ++c) order[static_cast<size_t>(c)] = c;
  std::stable_sort(order.begin(), order.end(), [&](Cand a, Cand b) { return score[static_cast<size_t>(a)] > score[static_cast<size_t>(b)]; });
  const Rational& threshold = score[static_cast<size_t>(order[static_cast<size_t>(k - 1)])];
  std::vector<Cand> sure, tied;
  for (Cand c = 0; c < m; ++c) {
    if (score[static_cast<size_t>(c)] > threshold) sure.push_back(c);
    else if (score[static_cast<size_t>(c)] == threshold) tied.push_back(c);
  }
  CommitteeResult r;
  int need = k - static_cast<int>(sure.size());
  for_each_committee(static_cast<int>(tied.size()), need, [&](const std::vector<Cand>& pick) {
    std::vector<Cand> w = sure;
    for (Cand i : pick) w.push_back(tied[static_cast<size_t>(i)]);
    std::sort(w.begin(), w.end());
    r.committees.push_back(std::move(w));
    return !resolute;
  });
  return r;
}

}  // namespace prefero
