#pragma once
// Helpers for the tests of the scoring, Bucklin and cardinal rules.
#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/profile.hpp"
#include "io/scores_csv.hpp"
#include "registry/registry.hpp"

namespace prefero::testing_util {

struct Group {
  int64_t count;
  std::vector<std::vector<Cand>> tiers;
};

inline Profile ranking_profile(int m, const std::vector<Group>& groups) {
  ProfileBuilder b(Candidates::numbered(m), BallotKind::ranking);
  for (const auto& g : groups) b.add_tiers(g.tiers, g.count);
  return b.finish();
}

inline Profile scores_profile(const std::string& csv) {
  std::istringstream in(csv);
  return read_scores_csv(in, "test.csv");
}

inline ElectOutcome elect(const std::string& rule, const Profile& p, const std::map<std::string, std::string>& params = {}) {
  return run_elect(require_method(rule), p, params);
}

inline std::vector<Cand> winners(const std::string& rule, const Profile& p,
                                 const std::map<std::string, std::string>& params = {}) {
  return elect(rule, p, params).result.winners;
}

// The Tennessee capital example (Wikipedia, "Borda count", "Bucklin voting"): candidates
// 1 Memphis, 2 Nashville, 3 Chattanooga, 4 Knoxville (indices 0..3), per 100 voters.
inline Profile tennessee() {
  return ranking_profile(4, {{42, {{0}, {1}, {2}, {3}}},
                             {26, {{1}, {2}, {3}, {0}}},
                             {15, {{2}, {3}, {1}, {0}}},
                             {17, {{3}, {2}, {1}, {0}}}});
}

}  // namespace prefero::testing_util
