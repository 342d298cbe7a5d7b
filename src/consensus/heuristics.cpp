#include "consensus/heuristics.hpp"

#include <algorithm>
#include <numeric>
#include <random>

namespace prefero {

std::vector<double> borda_scores(const PairCosts& pc, const Profile& p, Unranked unranked) {
  // strict() already follows `unranked`; tied pairs are recounted from the ballots.
  std::vector<double> s(static_cast<size_t>(pc.n), 0.0);
  for (int a = 0; a < pc.n; ++a)
    for (int b = 0; b < pc.n; ++b)
      if (a != b) s[static_cast<size_t>(a)] += pc.strict(a, b);
  std::vector<int32_t> lv(static_cast<size_t>(pc.n));
  for (size_t bl = 0; bl < p.num_ballots(); ++bl) {
    auto ballot = p.ballot(bl);
    for (int i = 0; i < pc.n; ++i) lv[static_cast<size_t>(i)] = ballot[static_cast<size_t>(pc.cands[static_cast<size_t>(i)])];
    const double w = static_cast<double>(p.counts[bl]);
    for (int i = 0; i < pc.n; ++i)
      for (int j = 0; j < pc.n; ++j) {
        auto li = lv[static_cast<size_t>(i)], lj = lv[static_cast<size_t>(j)];
        if (i != j && li == lj && (li != kUnranked || unranked == Unranked::tied_last)) s[static_cast<size_t>(i)] += 0.5 * w;
      }
  }
  return s;
}

std::vector<double> copeland_scores(const PairCosts& pc) {
  std::vector<double> s(static_cast<size_t>(pc.n), 0.0);
  for (int a = 0; a < pc.n; ++a)
    for (int b = 0; b < pc.n; ++b) {
      if (a == b) continue;
      if (pc.strict(a, b) > pc.strict(b, a)) s[static_cast<size_t>(a)] += 1.0;
      else if (pc.strict(a, b) == pc.strict(b, a)) s[static_cast<size_t>(a)] += 0.5;
    }
  return s;
}

std::vector<int> order_by_score(const std::vector<double>& score) {
  std::vector<int> idx(score.size());
  std::iota(idx.begin(), idx.end(), 0);
  std::stable_sort(idx.begin(), idx.end(), [&](int a, int b) { return score[static_cast<size_t>(a)] > score[static_cast<size_t>(b)]; });
  return idx;
}

std::vector<int> insertion_local_search(const PairCosts& pc, std::vector<int> order, Clock::time_point deadline) {
  const int n = static_cast<int>(order.size());
  const double eps = 1e-9;
  bool improved = true;
  for (int pass = 0; improved && pass < 100000; ++pass) {
    improved = false;
    if (Clock::now() > deadline) break;
    for (int i = 0; i < n; ++i) {
      const int x = order[static_cast<size_t>(i)];
      double best = -eps, delta = 0;
      int best_pos = i;
      for (int k = i - 1; k >= 0; --k) {  // move x above order[k]
        int y = order[static_cast<size_t>(k)];
        delta += pc.before(x, y) - pc.before(y, x);
        if (delta < best) best = delta, best_pos = k;
      }
      delta = 0;
      for (int k = i + 1; k < n; ++k) {  // move x below order[k]
        int y = order[static_cast<size_t>(k)];
        delta += pc.before(y, x) - pc.before(x, y);
        if (delta < best) best = delta, best_pos = k;
      }
      if (best_pos != i) {
        order.erase(order.begin() + i);
        order.insert(order.begin() + best_pos, x);
        improved = true;
      }
    }
  }
  return order;
}

namespace {
void kwiksort_rec(const PairCosts& pc, std::vector<int>& items, std::mt19937_64& rng) {
  if (items.size() <= 1) return;
  const int pivot = items[static_cast<size_t>(rng() % items.size())];
  std::vector<int> left, right;
  for (int x : items) {
    if (x == pivot) continue;
    (pc.before(x, pivot) < pc.before(pivot, x) ? left : right).push_back(x);
  }
  kwiksort_rec(pc, left, rng);
  kwiksort_rec(pc, right, rng);
  items = std::move(left);
  items.push_back(pivot);
  items.insert(items.end(), right.begin(), right.end());
}
}  // namespace

std::vector<int> kwiksort(const PairCosts& pc, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<int> items(static_cast<size_t>(pc.n));
  std::iota(items.begin(), items.end(), 0);
  kwiksort_rec(pc, items, rng);
  return items;
}

LocalRanking bioconsert_from(const PairCosts& pc, LocalRanking r, Clock::time_point deadline) {
  const double eps = 1e-9;
  bool improved = true;
  for (int pass = 0; improved && pass < 100000; ++pass) {
    improved = false;
    if (Clock::now() > deadline) break;
    for (int x = 0; x < pc.n; ++x) {
      // locate x
      size_t home = 0;
      for (size_t t = 0; t < r.size(); ++t)
        if (std::find(r[t].begin(), r[t].end(), x) != r[t].end()) home = t;
      const size_t T = r.size();
      // per tier: cost of x above all of tier (above_t), below all (below_t), tied with it (tied_t)
      std::vector<double> above(T, 0), below(T, 0), tie(T, 0);
      for (size_t t = 0; t < T; ++t)
        for (int y : r[t]) {
          if (y == x) continue;
          above[t] += pc.before(x, y);
          below[t] += pc.before(y, x);
          tie[t] += pc.tied(x, y);
        }
      // prefix sums: cost when x sits at position "tier t" = sum below[<t] + tie[t] + sum above[>t]
      std::vector<double> pre(T + 1, 0), suf(T + 1, 0);
      for (size_t t = 0; t < T; ++t) pre[t + 1] = pre[t] + below[t];
      for (size_t t = T; t-- > 0;) suf[t] = suf[t + 1] + above[t];
      const bool alone = r[home].size() == 1;
      // current cost: x in tier `home`
      const double current = pre[home] + tie[home] + suf[home + 1];
      double best = current - eps;
      int best_kind = -1;  // 0 = join tier t, 1 = new tier before tier t
      size_t best_t = 0;
      for (size_t t = 0; t < T; ++t) {
        if (t != home) {
          double c = pre[t] + tie[t] + suf[t + 1];
          if (c < best) best = c, best_kind = 0, best_t = t;
        }
      }
      for (size_t t = 0; t <= T; ++t) {  // new tier just before tier t (t == T: at the bottom)
        if (alone && (t == home || t == home + 1)) continue;
        double c = pre[t] + suf[t];
        if (c < best) best = c, best_kind = 1, best_t = t;
      }
      if (best_kind < 0) continue;
      auto& h = r[home];
      h.erase(std::find(h.begin(), h.end(), x));
      if (best_kind == 0) {
        r[best_t].push_back(x);
      } else {
        r.insert(r.begin() + static_cast<std::ptrdiff_t>(best_t), std::vector<int>{x});
      }
      r.erase(std::remove_if(r.begin(), r.end(), [](const std::vector<int>& t) { return t.empty(); }), r.end());
      improved = true;
    }
  }
  for (auto& t : r) std::sort(t.begin(), t.end());
  return r;
}

std::vector<int> best_heuristic_order(const PairCosts& pc, int restarts, uint64_t seed, Clock::time_point deadline) {
  std::vector<std::vector<int>> starts = {order_by_score(copeland_scores(pc))};
  std::vector<double> rowsum(static_cast<size_t>(pc.n), 0.0);
  for (int a = 0; a < pc.n; ++a)
    for (int b = 0; b < pc.n; ++b)
      if (a != b) rowsum[static_cast<size_t>(a)] += pc.before(b, a) - pc.before(a, b);
  starts.push_back(order_by_score(rowsum));
  for (int r = 0; r < restarts; ++r) starts.push_back(kwiksort(pc, seed + static_cast<uint64_t>(r)));
  std::vector<int> best;
  double best_cost = 0;
  for (auto& s : starts) {
    if (!best.empty() && Clock::now() > deadline) break;
    auto o = insertion_local_search(pc, std::move(s), deadline);
    double c = kemeny_cost(pc, o);
    if (best.empty() || c < best_cost - 1e-9) best = std::move(o), best_cost = c;
  }
  return best;
}

}  // namespace prefero
