// Matchmaking policies: uniform; FastChat's weighted sampling (lm-sys/FastChat
// gradio_block_arena_anony.py get_battle_pair); K-Sort Arena's UCB pivot policy (Li et al.,
// K-Sort Arena, CVPR 2025, arXiv 2408.14468).
#include "rate/matchmaking.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/error.hpp"

namespace prefero {

MatchPolicy match_policy_from(const std::string& name) {
  if (name == "uniform") return MatchPolicy::uniform;
  if (name == "weighted" || name == "fastchat") return MatchPolicy::weighted;
  if (name == "ucb" || name == "active" || name == "ksort") return MatchPolicy::ucb;
  throw InputError("unknown matchmaking policy '" + name + "' (uniform, weighted, ucb)");
}

namespace {

// Draws one index from `pool` with probability proportional to w[index] (all zero: uniform).
int draw_weighted(const std::vector<int>& pool, const std::vector<double>& w, SeededRng& rng) {
  double total = 0;
  for (int i : pool) total += w.empty() ? 1.0 : w[static_cast<size_t>(i)];
  if (!(total > 0)) return pool[rng.below(pool.size())];
  double u = rng.uniform() * total;
  for (int i : pool) {
    u -= w.empty() ? 1.0 : w[static_cast<size_t>(i)];
    if (u < 0) return i;
  }
  return pool.back();
}

}  // namespace

std::vector<int> propose_match(MatchPolicy policy, const MatchState& s, int k, SeededRng& rng) {
  const size_t n = s.num_models;
  if (k < 2 || static_cast<size_t>(k) > n) throw InputError("matchmaking: k must be between 2 and the number of models");
  std::vector<int> pool(n);
  std::iota(pool.begin(), pool.end(), 0);
  std::vector<int> out;
  if (policy == MatchPolicy::ucb) {
    std::vector<double> seen(n, 0.0);
    for (size_t i = 0; i < n; ++i)
      for (size_t j = 0; j < n; ++j) seen[i] += s.pair_counts[i * n + j];
    const auto pivot = static_cast<size_t>(std::min_element(seen.begin(), seen.end()) - seen.begin());
    std::vector<std::pair<double, int>> ucb;
    const double t = std::max(s.total, 1.0);
    for (size_t q = 0; q < n; ++q) {
      if (q == pivot) continue;
      const double gap = s.skill.empty() ? 0.0 : std::fabs(s.skill[pivot] - s.skill[q]);
      const double bonus = s.alpha * std::sqrt(2 * std::log(t + 1e-5) / (s.pair_counts[pivot * n + q] + 1e-5));
      ucb.emplace_back(-gap + bonus + 1e-12 * rng.uniform(), static_cast<int>(q));  // random tie-break
    }
    std::sort(ucb.begin(), ucb.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    out.push_back(static_cast<int>(pivot));
    for (int i = 0; i + 1 < k; ++i) out.push_back(ucb[static_cast<size_t>(i)].second);
  } else {
    for (int i = 0; i < k; ++i) {
      const int pick = policy == MatchPolicy::weighted ? draw_weighted(pool, s.weights, rng)
                                                       : pool[rng.below(pool.size())];
      out.push_back(pick);
      pool.erase(std::find(pool.begin(), pool.end(), pick));
    }
  }
  for (size_t i = out.size(); i > 1; --i) std::swap(out[i - 1], out[rng.below(i)]);  // random sides
  return out;
}

void record_match(MatchState& s, const std::vector<int>& models) {
  const size_t n = s.num_models;
  for (size_t x = 0; x < models.size(); ++x)
    for (size_t y = x + 1; y < models.size(); ++y) {
      s.pair_counts[static_cast<size_t>(models[x]) * n + static_cast<size_t>(models[y])] += 1;
      s.pair_counts[static_cast<size_t>(models[y]) * n + static_cast<size_t>(models[x])] += 1;
    }
  s.total += 1;
}

}  // namespace prefero
