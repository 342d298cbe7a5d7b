// Vote-manipulation defences (see abuse.hpp).
#include "serve/abuse.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <tuple>
#include <utility>

namespace prefero::serve {

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The vote seen from the unordered pair (lo, hi): 1 = lo won, 0.5 = tie, 0 = hi won.
double value_for_low(const AbuseVote& v) {
  if (v.outcome == Outcome::tie || v.outcome == Outcome::tie_bothbad) return 0.5;
  const int winner = v.outcome == Outcome::a_wins ? v.a : v.b;
  return winner == std::min(v.a, v.b) ? 1.0 : 0.0;
}

struct UnionFind {
  std::vector<size_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), size_t{0}); }
  size_t find(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void unite(size_t x, size_t y) {
    x = find(x), y = find(y);
    if (x != y) parent[std::max(x, y)] = std::min(x, y);
  }
};

}  // namespace

bool self_identifying(const std::vector<std::string>& output_texts, const std::vector<std::string>& needles,
                      size_t min_length) {
  for (const auto& text : output_texts) {
    const std::string hay = lower(text);
    for (const auto& n : needles)
      if (n.size() >= min_length && hay.find(lower(n)) != std::string::npos) return true;
  }
  return false;
}

// FastChat fastchat/serve/monitor/elo_analysis.py `outlier_detect` (Chiang et al. 2024).
std::map<std::string, OutlierVerdict> outlier_test(const std::vector<AbuseVote>& votes, size_t num_models,
                                                   const OutlierOptions& opt) {
  // Reference: per unordered pair, the number of non-tie votes and how many lo won.
  std::vector<double> decided(num_models * num_models, 0), low_won(num_models * num_models, 0);
  std::map<std::string, std::vector<size_t>> by_actor;
  for (size_t i = 0; i < votes.size(); ++i) {
    const auto& v = votes[i];
    by_actor[v.actor].push_back(i);
    const double x = value_for_low(v);
    if (x == 0.5) continue;
    const size_t key = static_cast<size_t>(std::min(v.a, v.b)) * num_models + static_cast<size_t>(std::max(v.a, v.b));
    decided[key] += 1;
    low_won[key] += x;
  }
  std::map<std::string, OutlierVerdict> out;
  const double threshold = 1.0 / opt.alpha;
  for (const auto& [actor, idx] : by_actor) {
    if (static_cast<int>(idx.size()) < opt.min_votes) continue;
    OutlierVerdict verdict;
    for (size_t i : idx) {
      if (verdict.votes_checked >= opt.max_votes) break;
      const auto& v = votes[i];
      const size_t key = static_cast<size_t>(std::min(v.a, v.b)) * num_models + static_cast<size_t>(std::max(v.a, v.b));
      const double n = decided[key];
      ++verdict.votes_checked;
      if (n == 0) continue;
      const double x = value_for_low(v), ones = low_won[key], zeros = n - ones;
      // mean(ref <= x) and mean(ref >= x) with ref in {0, 1}.
      const double p_upper = (x >= 1 ? n : zeros) / n;
      const double p_lower = (x <= 0 ? n : ones) / n;
      if (p_upper > 0) verdict.m_upper /= 2 * p_upper;
      if (p_lower > 0) verdict.m_lower /= 2 * p_lower;
      if (verdict.m_upper > threshold || verdict.m_lower > threshold) {
        verdict.flagged = true;
        break;
      }
    }
    out[actor] = verdict;
  }
  return out;
}

std::vector<VoterCluster> vote_alike_clusters(const std::vector<AbuseVote>& votes, const ClusterOptions& opt) {
  // Voters by index; the latest vote of each voter per matchup key (item, lo, hi).
  std::map<std::string, size_t> actor_index;
  std::vector<std::string> actors;
  std::map<std::tuple<int, int, int>, std::map<size_t, double>> by_key;
  for (const auto& v : votes) {
    auto [it, fresh] = actor_index.emplace(v.actor, actors.size());
    if (fresh) actors.push_back(v.actor);
    by_key[{v.item, std::min(v.a, v.b), std::max(v.a, v.b)}][it->second] = value_for_low(v);
  }
  std::map<std::pair<size_t, size_t>, std::pair<int, int>> shared;  // (i < j) -> (shared, agreed)
  for (const auto& [key, voted] : by_key)
    for (auto i = voted.begin(); i != voted.end(); ++i)
      for (auto j = std::next(i); j != voted.end(); ++j) {
        auto& s = shared[{i->first, j->first}];
        ++s.first;
        if (i->second == j->second) ++s.second;
      }
  UnionFind uf(actors.size());
  std::vector<double> weakest(actors.size(), 1.0);
  for (const auto& [pair, s] : shared) {
    if (s.first < opt.min_shared) continue;
    const double rate = static_cast<double>(s.second) / s.first;
    if (rate < opt.agreement) continue;
    const double w = std::min({rate, weakest[uf.find(pair.first)], weakest[uf.find(pair.second)]});
    uf.unite(pair.first, pair.second);
    weakest[uf.find(pair.first)] = w;
  }
  std::map<size_t, VoterCluster> groups;
  for (size_t i = 0; i < actors.size(); ++i) groups[uf.find(i)].actors.push_back(actors[i]);
  std::vector<VoterCluster> out;
  for (auto& [root, g] : groups) {
    if (g.actors.size() < 2) continue;
    std::sort(g.actors.begin(), g.actors.end());
    g.min_agreement = weakest[root];
    out.push_back(std::move(g));
  }
  std::sort(out.begin(), out.end(), [](const VoterCluster& x, const VoterCluster& y) { return x.actors[0] < y.actors[0]; });
  return out;
}

}  // namespace prefero::serve
