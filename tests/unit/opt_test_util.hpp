#pragma once
// Helpers for the optimization-rule tests: profiles from rankings, random profiles, running a rule.
#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/profile.hpp"
#include "registry/registry.hpp"

namespace prefero::opt_test {

// Strict complete rankings (best first) with multiplicities.
inline Profile strict_profile(int m, const std::vector<std::pair<std::vector<Cand>, int64_t>>& ballots) {
  ProfileBuilder b(Candidates::numbered(m), BallotKind::ranking);
  for (const auto& [order, count] : ballots) {
    std::vector<std::vector<Cand>> tiers;
    for (Cand c : order) tiers.push_back({c});
    b.add_tiers(tiers, count);
  }
  return b.finish();
}

// `voters` uniformly random strict rankings of m candidates.
inline std::vector<std::vector<Cand>> random_rankings(int m, int voters, std::mt19937& rng) {
  std::vector<std::vector<Cand>> out;
  for (int v = 0; v < voters; ++v) {
    std::vector<Cand> order(static_cast<size_t>(m));
    for (int c = 0; c < m; ++c) order[c] = c;
    std::shuffle(order.begin(), order.end(), rng);
    out.push_back(order);
  }
  return out;
}

inline Profile profile_of(int m, const std::vector<std::vector<Cand>>& rankings) {
  std::vector<std::pair<std::vector<Cand>, int64_t>> ballots;
  for (const auto& r : rankings) ballots.push_back({r, 1});
  return strict_profile(m, ballots);
}

inline ElectionResult run(const std::string& rule, const Profile& p, const std::map<std::string, std::string>& params = {}) {
  return run_elect(require_method(rule), p, params).result;
}

}  // namespace prefero::opt_test
