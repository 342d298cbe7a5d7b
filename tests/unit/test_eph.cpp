// E Pluribus Hugo (abcvoting "eph") on hand-worked profiles: ties at the elimination step are
// eliminated together, and only the last round is cut down to k in every possible way.
#include <gtest/gtest.h>

#include "committee/run_committee.hpp"
#include "io/abc_yaml.hpp"

namespace prefero {
namespace {

std::vector<std::vector<Cand>> eph(const std::string& yaml, int k, bool resolute = false) {
  AbcInstance inst = read_abc_yaml_text(yaml, "t.abc.yaml");
  const MethodInfo* m = find_method("eph");
  EXPECT_NE(m, nullptr);
  return run_committee(*m, inst.profile, k, {{"resolute", resolute ? "true" : "false"}}).result.committees;
}

using Cs = std::vector<std::vector<Cand>>;

TEST(EPluribusHugo, TiedLowestAreEliminatedTogether) {
  // points 3, 2, 1, 1: candidates 2 and 3 have at most the second-lowest points (1) and tie on
  // approvals (1 each), so both go at once.
  const std::string p = "profile: [[0], [0], [0], [1], [1], [2], [3]]\nnum_cand: 4\n";
  EXPECT_EQ(eph(p, 2), (Cs{{0, 1}}));
  // k = 3: eliminating both would leave 2 < 3, so either one of them goes
  EXPECT_EQ(eph(p, 3), (Cs{{0, 1, 2}, {0, 1, 3}}));
  EXPECT_EQ(eph(p, 3, true), (Cs{{0, 1, 2}}));
}

TEST(EPluribusHugo, FewerApprovalsGoFirst) {
  // round 1: points 1, 1, 1, 2 (the pair {0,1} splits its two votes); shortlist {0, 1, 2}
  // (points <= second lowest 1), approvals 2, 2, 1: candidate 2 goes.
  // round 2 (k = 2): points 1, 1, 2; shortlist {0, 1} with 2 approvals each: both would go,
  // leaving 1 < 2, so one of them goes.
  const std::string p = "profile: [[0, 1], [0, 1], [2], [3], [3]]\nnum_cand: 4\n";
  EXPECT_EQ(eph(p, 2), (Cs{{0, 3}, {1, 3}}));
  EXPECT_EQ(eph(p, 3), (Cs{{0, 1, 3}}));
}

TEST(EPluribusHugo, CommitteeOfAll) {
  EXPECT_EQ(eph("profile: [[0], [1]]\nnum_cand: 2\n", 2), (Cs{{0, 1}}));
}

}  // namespace
}  // namespace prefero
