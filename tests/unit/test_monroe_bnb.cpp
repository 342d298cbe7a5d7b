// Approval Monroe (branch and bound, ILP, brute force) against an independent oracle written here:
// every committee, and for each every assignment of the voters to its members in which each member
// represents floor(n/k) or ceil(n/k) voters; score = voters assigned to a member they approve.
// Seeded random approval profiles (with repeated ballots), both modes.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "committee/run_committee.hpp"
#include "io/abc_yaml.hpp"

namespace prefero {
namespace {

using Voters = std::vector<std::vector<int>>;  // voter -> approved candidates

// Best score over the assignments of voters v.. with `load` voters on each member so far.
int best_assignment(const Voters& voters, const std::vector<int>& w, size_t v, std::vector<int>& load, int q, int r) {
  if (v == voters.size()) {
    int big = 0;
    for (int l : load) {
      if (l != q && l != q + 1) return -1;
      big += l == q + 1;
    }
    return big == r ? 0 : -1;
  }
  int best = -1;
  for (size_t i = 0; i < w.size(); ++i) {
    if (load[i] == q + 1 || (load[i] == q && r == 0)) continue;
    ++load[i];
    int rest = best_assignment(voters, w, v + 1, load, q, r);
    --load[i];
    if (rest < 0) continue;
    bool approves = std::find(voters[v].begin(), voters[v].end(), w[i]) != voters[v].end();
    best = std::max(best, rest + (approves ? 1 : 0));
  }
  return best;
}

int oracle_score(const Voters& voters, const std::vector<int>& w) {
  const int n = static_cast<int>(voters.size()), k = static_cast<int>(w.size());
  std::vector<int> load(w.size(), 0);
  return best_assignment(voters, w, 0, load, n / k, n % k);
}

std::vector<std::vector<Cand>> oracle_committees(const Voters& voters, int m, int k) {
  std::vector<std::vector<Cand>> best;
  int best_score = -1;
  for (unsigned mask = 0; mask < (1u << m); ++mask) {
    if (__builtin_popcount(mask) != k) continue;
    std::vector<int> w;
    for (int c = 0; c < m; ++c)
      if (mask >> c & 1u) w.push_back(c);
    int s = oracle_score(voters, w);
    if (s > best_score) best_score = s, best.clear();
    if (s == best_score) best.push_back(std::vector<Cand>(w.begin(), w.end()));
  }
  std::sort(best.begin(), best.end());
  return best;
}

Voters random_voters(std::mt19937& rng, int n, int m, double p) {
  std::bernoulli_distribution approve(p);
  Voters v(static_cast<size_t>(n));
  for (auto& ballot : v) {
    for (int c = 0; c < m; ++c)
      if (approve(rng)) ballot.push_back(c);
  }
  for (size_t i = 1; i < v.size(); i += 3) v[i] = v[i - 1];  // repeated ballots (weights)
  return v;
}

std::string yaml(const Voters& voters, int m) {
  std::string s = "profile: [";
  for (size_t i = 0; i < voters.size(); ++i) {
    s += i ? ", [" : "[";
    for (size_t j = 0; j < voters[i].size(); ++j) s += (j ? ", " : "") + std::to_string(voters[i][j]);
    s += "]";
  }
  return s + "]\nnum_cand: " + std::to_string(m) + "\n";
}

std::vector<std::vector<Cand>> run(const AbcInstance& inst, int k, const char* algorithm, bool resolute,
                                    const char* max_committees = "0") {
  const MethodInfo* method = find_method("monroe");
  EXPECT_NE(method, nullptr);
  return run_committee(*method, inst.profile, k,
                       {{"resolute", resolute ? "true" : "false"},
                        {"algorithm", algorithm},
                        {"max_committees", max_committees}})
      .result.committees;
}

TEST(MonroeBranchAndBound, SameCommitteesAsAssignmentOracle) {
  std::mt19937 rng(20261127);
  for (int trial = 0; trial < 48; ++trial) {
    const int n = 3 + trial % 6, m = 3 + trial % 5, k = 1 + trial % std::min(4, m - 1);
    const Voters voters = random_voters(rng, n, m, trial % 2 ? 0.25 : 0.45);
    AbcInstance inst = read_abc_yaml_text(yaml(voters, m), "random.abc.yaml");
    const auto expected = oracle_committees(voters, m, k);
    EXPECT_EQ(run(inst, k, "branch-and-bound", false), expected) << "trial " << trial;
    EXPECT_EQ(run(inst, k, "brute-force", false), expected) << "trial " << trial;
    const auto one = run(inst, k, "branch-and-bound", true);
    ASSERT_EQ(one.size(), 1u) << "trial " << trial;
    EXPECT_NE(std::find(expected.begin(), expected.end(), one[0]), expected.end()) << "trial " << trial;
    const MethodInfo& monroe = require_method("monroe");
    const CommitteeResult capped = run_committee(monroe, inst.profile, k,
                                                 {{"algorithm", "branch-and-bound"}, {"max_committees", "2"}})
                                       .result;
    EXPECT_EQ(capped.explanation.contains("cap_reached"), expected.size() >= 2) << "trial " << trial;
    const auto two = capped.committees;  // at most 2, all optimal, distinct
    EXPECT_EQ(two.size(), std::min<size_t>(2, expected.size())) << "trial " << trial;
    for (const auto& w : two) EXPECT_NE(std::find(expected.begin(), expected.end(), w), expected.end());
    if (two.size() == 2) {
      EXPECT_NE(two[0], two[1]);
    }
    if (trial % 8 == 0) {
      EXPECT_EQ(run(inst, k, "ilp", false), expected) << "trial " << trial;
    }
  }
}

// More seats than voters (q = 0: every member represents at most one voter) and empty ballots.
TEST(MonroeBranchAndBound, MoreSeatsThanVoters) {
  std::mt19937 rng(11);
  for (int trial = 0; trial < 12; ++trial) {
    const int n = 2 + trial % 3, m = 6 + trial % 2, k = n + 1 + trial % 2;
    Voters voters = random_voters(rng, n, m, 0.3);
    voters[0].clear();
    AbcInstance inst = read_abc_yaml_text(yaml(voters, m), "random.abc.yaml");
    const auto expected = oracle_committees(voters, m, k);
    EXPECT_EQ(run(inst, k, "branch-and-bound", false), expected) << "trial " << trial;
    const auto one = run(inst, k, "branch-and-bound", true);
    ASSERT_EQ(one.size(), 1u) << "trial " << trial;
    EXPECT_NE(std::find(expected.begin(), expected.end(), one[0]), expected.end()) << "trial " << trial;
  }
}

// Larger instances (too large for the assignment oracle): the branch and bound against brute force
// (whose score, a flow, the test above checks against the oracle), including clones of candidates,
// which the resolute search prunes by symmetry.
TEST(MonroeBranchAndBound, SameCommitteesAsBruteForceWithClones) {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 24; ++trial) {
    const int n = 10 + trial % 13, m = 7 + trial % 4, k = 2 + trial % 3;
    Voters voters = random_voters(rng, n, m, trial % 3 == 0 ? 0.2 : 0.35);
    if (trial % 2 == 0)  // candidate m-1 becomes a clone of candidate 0
      for (auto& ballot : voters) {
        std::erase(ballot, m - 1);
        if (!ballot.empty() && ballot.front() == 0) ballot.push_back(m - 1);
      }
    AbcInstance inst = read_abc_yaml_text(yaml(voters, m), "random.abc.yaml");
    const auto expected = run(inst, k, "brute-force", false);
    EXPECT_EQ(run(inst, k, "branch-and-bound", false), expected) << "trial " << trial;
    const auto one = run(inst, k, "branch-and-bound", true);
    ASSERT_EQ(one.size(), 1u) << "trial " << trial;
    EXPECT_NE(std::find(expected.begin(), expected.end(), one[0]), expected.end()) << "trial " << trial;
  }
}

}  // namespace
}  // namespace prefero
