#pragma once
// Profiles with a chosen majority graph (McGarvey's construction) and running a rule by id,
// for the tests of the majority-graph (C1) rules.
#include <map>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "core/profile.hpp"
#include "registry/registry.hpp"

namespace prefero::c1test {

// Each edge (a, b, w) adds w pairs of voters a > b > o1 > ... > ok and ok > ... > o1 > a > b,
// which raise margin(a, b) by 2w and leave every other margin unchanged (McGarvey, Econometrica
// 1953). Pairs without an edge are majority ties.
inline Profile mcgarvey(int m, const std::vector<std::tuple<int, int, int>>& edges) {
  ProfileBuilder b(Candidates::numbered(m), BallotKind::ranking);
  for (auto [x, y, w] : edges) {
    std::vector<std::vector<Cand>> up{{x}, {y}}, down;
    for (Cand o = 0; o < m; ++o)
      if (o != x && o != y) up.push_back({o});
    for (size_t i = up.size(); i-- > 2;) down.push_back(up[i]);
    down.push_back({x});
    down.push_back({y});
    b.add_tiers(up, w);
    b.add_tiers(down, w);
  }
  return b.finish();
}

// Random majority graph on m candidates: each pair is a win, a loss or (with probability
// tie_pct %) a tie, with a random weight 1..3.
inline Profile random_graph(std::mt19937& rng, int m, int tie_pct) {
  std::vector<std::tuple<int, int, int>> edges;
  std::uniform_int_distribution<int> pct(0, 99), w(1, 3), coin(0, 1);
  for (int a = 0; a < m; ++a)
    for (int b = a + 1; b < m; ++b) {
      if (pct(rng) < tie_pct) continue;
      if (coin(rng)) edges.emplace_back(a, b, w(rng));
      else edges.emplace_back(b, a, w(rng));
    }
  return mcgarvey(m, edges);
}

inline std::vector<Cand> winners(const std::string& rule, const Profile& p,
                                 const std::map<std::string, std::string>& params = {}) {
  return run_elect(require_method(rule), p, params).result.winners;
}

inline json explanation(const std::string& rule, const Profile& p,
                        const std::map<std::string, std::string>& params = {}) {
  return run_elect(require_method(rule), p, params).result.explanation;
}

}  // namespace prefero::c1test
