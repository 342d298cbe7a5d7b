#include "consensus/pair_costs.hpp"

#include <algorithm>
#include <numeric>

namespace prefero {

namespace {
void finish_costs(PairCosts& pc, const std::vector<double>& ties, TieCosts tc) {
  const size_t n = static_cast<size_t>(pc.n);
  pc.before_.assign(n * n, 0.0);
  pc.tied_.assign(n * n, 0.0);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < n; ++j) {
      if (i == j) continue;
      pc.before_[i * n + j] = pc.strict_[j * n + i] + tc.split_tie_cost * ties[i * n + j];
      pc.tied_[i * n + j] = tc.tie_cost * (pc.strict_[i * n + j] + pc.strict_[j * n + i]);
    }
}
}  // namespace

PairCosts pair_costs(const Profile& p, const CandidateSet& cands, Unranked unranked, TieCosts tc) {
  PairCosts pc;
  pc.n = static_cast<int>(cands.size());
  pc.cands = cands;
  const size_t n = cands.size();
  const PairwiseMatrix& s = p.support(unranked);
  pc.strict_.assign(n * n, 0.0);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < n; ++j)
      if (i != j) pc.strict_[i * n + j] = static_cast<double>(s(cands[i], cands[j]));
  std::vector<double> ties(n * n, 0.0);
  pc.complete_strict = true;
  std::vector<int32_t> lv(n);
  for (size_t b = 0; b < p.num_ballots(); ++b) {
    auto ballot = p.ballot(b);
    for (size_t i = 0; i < n; ++i) lv[i] = ballot[static_cast<size_t>(cands[i])];
    const double w = static_cast<double>(p.counts[b]);
    pc.total_weight += w;
    for (size_t i = 0; i < n; ++i)
      for (size_t j = i + 1; j < n; ++j) {
        bool tie = lv[i] == lv[j] && (lv[i] != kUnranked || unranked == Unranked::tied_last);
        if (lv[i] == kUnranked || lv[j] == kUnranked || lv[i] == lv[j]) pc.complete_strict = false;
        if (tie) ties[i * n + j] += w, ties[j * n + i] += w;
      }
  }
  finish_costs(pc, ties, tc);
  return pc;
}

PairCosts pair_costs_from_matrix(const std::vector<std::vector<double>>& strict, const std::vector<std::vector<double>>& ties,
                                 TieCosts tc) {
  PairCosts pc;
  pc.n = static_cast<int>(strict.size());
  const size_t n = strict.size();
  pc.cands.resize(n);
  std::iota(pc.cands.begin(), pc.cands.end(), 0);
  pc.strict_.assign(n * n, 0.0);
  std::vector<double> t(n * n, 0.0);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < n; ++j)
      if (i != j) pc.strict_[i * n + j] = strict[i][j], t[i * n + j] = ties.empty() ? 0.0 : ties[i][j];
  finish_costs(pc, t, tc);
  return pc;
}

double kemeny_cost(const PairCosts& pc, const LocalRanking& r) {
  double cost = 0;
  for (size_t t = 0; t < r.size(); ++t) {
    for (size_t a = 0; a < r[t].size(); ++a)
      for (size_t b = a + 1; b < r[t].size(); ++b) cost += pc.tied(r[t][a], r[t][b]);
    for (size_t u = t + 1; u < r.size(); ++u)
      for (int a : r[t])
        for (int b : r[u]) cost += pc.before(a, b);
  }
  return cost;
}

double kemeny_cost(const PairCosts& pc, const std::vector<int>& order) {
  double cost = 0;
  for (size_t i = 0; i < order.size(); ++i)
    for (size_t j = i + 1; j < order.size(); ++j) cost += pc.before(order[i], order[j]);
  return cost;
}

double pairwise_lower_bound(const PairCosts& pc, bool allow_ties) {
  double lb = 0;
  for (int i = 0; i < pc.n; ++i)
    for (int j = i + 1; j < pc.n; ++j) {
      double m = std::min(pc.before(i, j), pc.before(j, i));
      if (allow_ties) m = std::min(m, pc.tied(i, j));
      lb += m;
    }
  return lb;
}

Ranking to_ranking(const PairCosts& pc, const LocalRanking& r) {
  Ranking out;
  for (const auto& tier : r) {
    std::vector<Cand> t;
    for (int i : tier) t.push_back(pc.cands[static_cast<size_t>(i)]);
    std::sort(t.begin(), t.end());
    out.push_back(std::move(t));
  }
  return out;
}

LocalRanking singleton_tiers(const std::vector<int>& order) {
  LocalRanking r;
  for (int i : order) r.push_back({i});
  return r;
}

LocalRanking tiers_by_score(const std::vector<double>& score) {
  std::vector<int> idx(score.size());
  std::iota(idx.begin(), idx.end(), 0);
  std::stable_sort(idx.begin(), idx.end(), [&](int a, int b) { return score[static_cast<size_t>(a)] > score[static_cast<size_t>(b)]; });
  LocalRanking r;
  for (size_t k = 0; k < idx.size(); ++k) {
    if (k == 0 || score[static_cast<size_t>(idx[k])] != score[static_cast<size_t>(idx[k - 1])]) r.emplace_back();
    r.back().push_back(idx[k]);
  }
  return r;
}

}  // namespace prefero
