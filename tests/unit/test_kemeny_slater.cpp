// Kemeny-Young and Slater: hand-worked examples and a brute-force oracle over all rankings.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <set>

#include "core/error.hpp"
#include "opt_test_util.hpp"

using namespace prefero;
using namespace prefero::opt_test;

namespace {

// Wikipedia "Kemeny-Young method": Tennessee capital. 0 Memphis, 1 Nashville, 2 Chattanooga, 3 Knoxville.
Profile tennessee() {
  return strict_profile(4, {{{0, 1, 2, 3}, 42}, {{1, 2, 3, 0}, 26}, {{2, 3, 1, 0}, 15}, {{3, 2, 1, 0}, 17}});
}

// Oracle: Kendall distance of `order` to every ballot, counted on the ballots themselves.
int64_t kendall_to_ballots(const std::vector<std::vector<Cand>>& ballots, const std::vector<Cand>& order) {
  std::vector<int> pos(order.size());
  for (size_t i = 0; i < order.size(); ++i) pos[order[i]] = static_cast<int>(i);
  int64_t d = 0;
  for (const auto& b : ballots)
    for (size_t i = 0; i < b.size(); ++i)
      for (size_t j = i + 1; j < b.size(); ++j) d += pos[b[i]] > pos[b[j]];
  return d;
}

// Oracle: majority edges `order` reverses, counting the ballots directly.
int64_t slater_reversals(const std::vector<std::vector<Cand>>& ballots, const std::vector<Cand>& order) {
  const size_t m = order.size();
  std::vector<std::vector<int>> prefer(m, std::vector<int>(m, 0));
  for (const auto& b : ballots)
    for (size_t i = 0; i < m; ++i)
      for (size_t j = i + 1; j < m; ++j) ++prefer[b[i]][b[j]];
  int64_t rev = 0;
  for (size_t i = 0; i < m; ++i)
    for (size_t j = i + 1; j < m; ++j) rev += prefer[order[j]][order[i]] > prefer[order[i]][order[j]];
  return rev;
}

// Top candidates of all rankings minimizing `cost`, by enumerating every permutation.
template <class Cost>
std::vector<Cand> brute_force_tops(int m, Cost cost, int64_t& best_cost) {
  std::vector<Cand> order(static_cast<size_t>(m));
  std::iota(order.begin(), order.end(), 0);
  best_cost = INT64_MAX;
  std::set<Cand> tops;
  do {
    int64_t c = cost(order);
    if (c < best_cost) best_cost = c, tops.clear();
    if (c == best_cost) tops.insert(order[0]);
  } while (std::next_permutation(order.begin(), order.end()));
  return {tops.begin(), tops.end()};
}

}  // namespace

TEST(KemenyYoung, TennesseeCapitalFromWikipedia) {
  ElectionResult r = run("kemeny_young", tennessee());
  EXPECT_EQ(r.winners, std::vector<Cand>{1});
  // Wikipedia: Nashville > Chattanooga > Knoxville > Memphis, agreement score 393 of 6 * 100 pairs.
  EXPECT_EQ(r.explanation["one_optimal_ranking"], json::array({2, 3, 4, 1}));
  EXPECT_EQ(r.explanation["kendall_distance"], 600 - 393);
  EXPECT_EQ(r.explanation["margin_score"], 393 - (600 - 393));
}

TEST(KemenyYoung, ThreeCycleMakesEveryCandidateAWinner) {
  Profile p = strict_profile(3, {{{0, 1, 2}, 1}, {{1, 2, 0}, 1}, {{2, 0, 1}, 1}});
  EXPECT_EQ(run("kemeny_young", p).winners, (std::vector<Cand>{0, 1, 2}));
  EXPECT_EQ(run("slater", p).winners, (std::vector<Cand>{0, 1, 2}));
}

TEST(KemenyYoung, AgreesWithBruteForceOverAllRankings) {
  std::mt19937 rng(20260101);
  for (int trial = 0; trial < 60; ++trial) {
    int m = 2 + trial % 6;  // 2..7
    int voters = 1 + static_cast<int>(rng() % 9);
    auto ballots = random_rankings(m, voters, rng);
    int64_t best = 0;
    auto expected = brute_force_tops(m, [&](const std::vector<Cand>& o) { return kendall_to_ballots(ballots, o); }, best);
    ElectionResult r = run("kemeny_young", profile_of(m, ballots));
    EXPECT_EQ(r.winners, expected) << "trial " << trial;
    EXPECT_EQ(r.explanation["kendall_distance"], best) << "trial " << trial;
  }
}

TEST(Slater, AgreesWithBruteForceOverAllRankings) {
  std::mt19937 rng(777);
  for (int trial = 0; trial < 60; ++trial) {
    int m = 2 + trial % 6;
    int voters = 1 + static_cast<int>(rng() % 8);  // even counts give majority ties
    auto ballots = random_rankings(m, voters, rng);
    int64_t best = 0;
    auto expected = brute_force_tops(m, [&](const std::vector<Cand>& o) { return slater_reversals(ballots, o); }, best);
    ElectionResult r = run("slater", profile_of(m, ballots));
    EXPECT_EQ(r.winners, expected) << "trial " << trial;
    EXPECT_EQ(r.explanation["reversed_edges"], best) << "trial " << trial;
  }
}

TEST(Slater, CondorcetWinnerWinsAndTiedPairsCostNothing) {
  // 0 beats 1 and 2; 1 and 2 tie head to head (2 voters each way): rankings 0>1>2 and 0>2>1 both cost 0.
  Profile p = strict_profile(3, {{{0, 1, 2}, 1}, {{0, 2, 1}, 1}});
  ElectionResult r = run("slater", p);
  EXPECT_EQ(r.winners, std::vector<Cand>{0});
  EXPECT_EQ(r.explanation["reversed_edges"], 0);
}

TEST(KemenyYoung, RejectsMoreCandidatesThanTheExactMethodSupports) {
  Profile p = profile_of(21, {std::vector<Cand>{}});
  EXPECT_THROW(run("kemeny_young", p), InputError);
  EXPECT_THROW(run("slater", p), InputError);
}

TEST(Slater, TruncatedBallotUnderBothUnrankedConventions) {
  // pref_voting case pv#2218 (Slater semi-positive involvement report). With unranked candidates
  // incomparable, 0 and 1 tie head to head and rankings topped by 1, 2 and 3 each reverse one edge;
  // counting the truncated ballot 2 > 0 as ranking 2 and 0 above 1 and 3 (tied_last) adds the edge
  // 0 -> 1 and leaves 3 > 2 > 0 > 1 as the only one-reversal ranking (worked by hand).
  ProfileBuilder b(Candidates::numbered(4), BallotKind::ranking);
  b.add_tiers({{1}, {3}, {2}, {0}}, 2);
  b.add_tiers({{2}, {0}, {1}, {3}}, 1);
  b.add_tiers({{2}, {1}, {3}, {0}}, 2);
  b.add_tiers({{3}, {2}, {0}, {1}}, 3);
  b.add_tiers({{2}, {0}}, 1);
  Profile p = b.finish();
  EXPECT_EQ(run("slater", p).winners, (std::vector<Cand>{1, 2, 3}));
  EXPECT_EQ(run("slater", p, {{"unranked", "tied_last"}}).winners, std::vector<Cand>{3});
}
