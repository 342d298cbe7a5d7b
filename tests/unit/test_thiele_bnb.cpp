// Thiele branch and bound (with its voter-side bound) against the brute-force oracle: every
// winning committee, on seeded random approval profiles, for CC, PAV and SLAV, both modes.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

#include "committee/run_committee.hpp"
#include "io/abc_yaml.hpp"

namespace prefero {
namespace {

std::string random_profile(std::mt19937& rng, int n, int m) {
  std::bernoulli_distribution approve(0.3);
  std::string s = "profile: [";
  for (int v = 0; v < n; ++v) {
    s += v ? ", [" : "[";
    bool first = true;
    for (int c = 0; c < m; ++c)
      if (approve(rng)) {
        s += (first ? "" : ", ") + std::to_string(c);
        first = false;
      }
    s += "]";
  }
  return s + "]\nnum_cand: " + std::to_string(m) + "\n";
}

TEST(ThieleBranchAndBound, SameCommitteesAsBruteForce) {
  std::mt19937 rng(20261127);
  for (int trial = 0; trial < 60; ++trial) {
    const int n = 4 + trial % 9, m = 4 + trial % 6, k = 1 + trial % 4;
    AbcInstance inst = read_abc_yaml_text(random_profile(rng, n, m), "random.abc.yaml");
    for (const char* rule : {"cc", "pav", "slav"}) {
      const MethodInfo* method = find_method(rule);
      ASSERT_NE(method, nullptr);
      auto run = [&](const char* alg, const char* resolute) {
        return run_committee(*method, inst.profile, k, {{"resolute", resolute}, {"algorithm", alg}}).result.committees;
      };
      const auto oracle = run("brute-force", "false");
      EXPECT_EQ(run("branch-and-bound", "false"), oracle) << rule << " trial " << trial;
      const auto one = run("branch-and-bound", "true");
      ASSERT_EQ(one.size(), 1u) << rule << " trial " << trial;
      EXPECT_NE(std::find(oracle.begin(), oracle.end(), one[0]), oracle.end()) << rule << " trial " << trial;
    }
  }
}

}  // namespace
}  // namespace prefero
