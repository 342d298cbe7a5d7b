// Margin-graph rules on hand-worked examples (Wikipedia's Schulze and ranked pairs articles,
// pref_voting's documented margin graphs worked by hand) and against brute-force oracles.
#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <functional>
#include <random>
#include <numeric>
#include <set>

#include "core/error.hpp"
#include "core/profile.hpp"
#include "registry/registry.hpp"

using namespace prefero;

namespace {

// Profile from strict rankings written as candidate letters, best first ("ACBED").
Profile letters(int m, const std::vector<std::pair<int, std::string>>& ballots) {
  ProfileBuilder b(Candidates::numbered(m), BallotKind::ranking);
  for (const auto& [count, order] : ballots) {
    std::vector<std::vector<Cand>> tiers;
    for (char ch : order) tiers.push_back({ch - 'A'});
    b.add_tiers(tiers, count);
  }
  return b.finish();
}

// A "profile" that is only a margin graph: support(a, b) = margin for each edge a -> b.
Profile margin_graph(int m, const std::vector<std::tuple<int, int, int>>& edges) {
  Profile p;
  p.candidates = Candidates::numbered(m);
  p.support_ranked = PairwiseMatrix(m);
  for (auto [a, b, w] : edges) p.support_ranked.at(a, b) = w;
  p.support_tied_last = p.support_ranked;
  return p;
}

ElectionResult elect(const std::string& id, const Profile& p, std::map<std::string, std::string> params = {}) {
  return run_elect(require_method(id), p, params).result;
}

using W = std::vector<Cand>;

// Wikipedia, "Schulze method", example with 45 voters and 5 candidates (A..E).
Profile wikipedia_schulze() {
  return letters(5, {{5, "ACBED"}, {5, "ADECB"}, {8, "BEDAC"}, {3, "CABED"}, {7, "CAEBD"}, {2, "CBADE"}, {7, "DCEBA"}, {8, "EBADC"}});
}

// pref_voting docs, mg_ex_bp_rp: edges 0>2:3, 1>0:5, 2>1:5, 2>3:1, 3>0:3, 3>1:1.
Profile bp_rp_graph() { return margin_graph(4, {{0, 2, 3}, {1, 0, 5}, {2, 1, 5}, {2, 3, 1}, {3, 0, 3}, {3, 1, 1}}); }

}  // namespace

TEST(BeatPath, WikipediaSchulzeExampleWinningVotes) {
  auto r = elect("schulze", wikipedia_schulze(), {{"strength", "winning_votes"}});
  EXPECT_EQ(r.winners, W{4});  // E
  // The strongest-path table printed in the article (rows A..E, columns A..E).
  const std::vector<std::vector<int>> d = {{0, 28, 28, 30, 24}, {25, 0, 28, 33, 24}, {25, 29, 0, 29, 24},
                                           {25, 28, 28, 0, 24}, {25, 28, 28, 31, 0}};
  for (int i = 0; i < 5; ++i)
    for (int j = 0; j < 5; ++j)
      if (i != j) {
        EXPECT_EQ(r.explanation["strongest_paths"][i][j], d[i][j]) << i << "," << j;
      }
}

TEST(BeatPath, WikipediaSchulzeExampleMargins) {
  EXPECT_EQ(elect("beat_path", wikipedia_schulze()).winners, W{4});
}

TEST(MarginRules, HandWorkedMarginGraph) {
  // Worked by hand: strongest paths make 3 the only Beat Path winner; Split Cycle discards
  // 0>2 (cycle 0>2>1>0) and 2>3, 3>1 (cycles through 3>0>2) and keeps 2 and 3 undefeated;
  // Ranked Pairs locks 1>0, 2>1, skips 0>2, locks 3>0, 2>3: winner 2. River: the same (3>0 is
  // skipped as 0 is already beaten) and 2 wins. Minimax: worst defeats 5, 5, 3, 1.
  const Profile p = bp_rp_graph();
  EXPECT_EQ(elect("beat_path", p).winners, W{3});
  EXPECT_EQ(elect("split_cycle", p).winners, (W{2, 3}));
  EXPECT_EQ(elect("ranked_pairs", p).winners, W{2});
  EXPECT_EQ(elect("ranked_pairs", p, {{"pair_ties", "fixed"}}).winners, W{2});
  EXPECT_EQ(elect("river", p).winners, W{2});
  EXPECT_EQ(elect("minimax", p).winners, W{3});
  auto rp = elect("ranked_pairs", p, {{"pair_ties", "fixed"}});
  EXPECT_EQ(rp.explanation["skipped_pairs"][0], (json{1, 3, 3}));  // 0>2 (ids are 1-based)
}

TEST(MarginRules, HandWorkedSimpleStableVoting) {
  // pref_voting docs graph: 0>3:8, 1>0:10, 2>0:4, 2>1:8, 3>1:8 (2 ties 3). 1 does not win
  // without 0 ({2,3} win there); 0 does not win without 3 (2 is the Condorcet winner of
  // {0,1,2}); 2 wins without 1 (in {0,2,3}: 0 loses without 3, then 2 wins without 0).
  const Profile p = margin_graph(4, {{0, 3, 8}, {1, 0, 10}, {2, 0, 4}, {2, 1, 8}, {3, 1, 8}});
  auto r = elect("simple_stable_voting", p);
  EXPECT_EQ(r.winners, W{2});
  EXPECT_EQ(r.explanation["eliminations"]["3"][0], 2);  // 2 (id 3) won once 1 (id 2) was removed
  EXPECT_EQ(elect("stable_voting", p).winners, W{2});
}

TEST(RankedPairs, WikipediaTennessee) {
  // Wikipedia, "Ranked pairs": Memphis 42%, Nashville 26%, Chattanooga 15%, Knoxville 17%.
  // A = Memphis, B = Nashville, C = Chattanooga, D = Knoxville. Nashville wins; the first
  // locked pair is Chattanooga over Knoxville (83 to 17), then Nashville over both.
  const Profile p = letters(4, {{42, "ABCD"}, {26, "BCDA"}, {15, "CDBA"}, {17, "DCBA"}});
  auto r = elect("ranked_pairs", p, {{"pair_ties", "fixed"}});
  EXPECT_EQ(r.winners, W{1});
  EXPECT_EQ(r.explanation["locked_pairs"][0], (json{3, 4, 66}));
  EXPECT_TRUE(r.explanation["skipped_pairs"].empty());
  EXPECT_EQ(elect("ranked_pairs", p).winners, W{1});
  EXPECT_EQ(elect("river", p).winners, W{1});
  EXPECT_EQ(elect("minimax", p).winners, W{1});
}

TEST(Minimax, StrengthsDifferOnTruncatedBallots) {
  // 5 A>B, 4 B>A, 3 B>C, 2 C>B, 2 C>A (others unranked = incomparable). Supports: A>B 5-4,
  // B>C 3-2, C>A 2-0. Worst defeats by margin: A 2, B 1, C 1; by winning votes: A 2, B 5, C 3;
  // by ratio: A inf, B 5/4, C 3/2; pairwise opposition (every rival): A 4, B 5, C 3.
  ProfileBuilder b(Candidates::numbered(3), BallotKind::ranking);
  b.add_tiers({{0}, {1}}, 5);
  b.add_tiers({{1}, {0}}, 4);
  b.add_tiers({{1}, {2}}, 3);
  b.add_tiers({{2}, {1}}, 2);
  b.add_tiers({{2}, {0}}, 2);
  const Profile p = b.finish();
  EXPECT_EQ(elect("minimax", p).winners, (W{1, 2}));
  EXPECT_EQ(elect("minimax", p, {{"strength", "winning_votes"}}).winners, W{0});
  EXPECT_EQ(elect("minimax", p, {{"strength", "ratio"}}).winners, W{1});
  EXPECT_EQ(elect("minimax", p, {{"strength", "pairwise_opposition"}}).winners, W{2});
  EXPECT_EQ(elect("minimax", p, {{"strength", "ratio"}}).explanation["worst_defeat"]["1"], "inf");
}

TEST(RankedPairs, ZavistTidemanNeedsAStrictFirstBallot) {
  ProfileBuilder b(Candidates::numbered(3), BallotKind::ranking);
  b.add_tiers({{0, 1}, {2}}, 1);
  b.add_tiers({{2}, {1}, {0}}, 1);
  const Profile p = b.finish();
  EXPECT_THROW(elect("ranked_pairs", p, {{"pair_ties", "zavist_tideman"}}), InputError);
}

// ---- Oracles: pref_voting's definition of pair_ties=all, every permutation of each group. ----

namespace {

// Winners over every ordering of equal-strength pairs (margins), by plain enumeration.
std::set<Cand> oracle_all(const Profile& p, bool river) {
  const int m = p.num_candidates();
  const auto& s = p.support_ranked;
  std::map<int64_t, std::vector<std::pair<int, int>>, std::greater<>> groups;
  for (int a = 0; a < m; ++a)
    for (int b = 0; b < m; ++b)
      if (a != b && s.margin(a, b) >= 0) groups[s.margin(a, b)].push_back({a, b});
  std::vector<std::vector<std::pair<int, int>>> g;
  for (auto& [w, e] : groups) g.push_back(e), std::sort(g.back().begin(), g.back().end());
  std::set<Cand> winners;
  std::function<void(size_t, std::vector<std::pair<int, int>>)> rec = [&](size_t k, std::vector<std::pair<int, int>> order) {
    if (k == g.size()) {
      std::vector<std::vector<char>> edge(m, std::vector<char>(m, 0));
      std::vector<char> beaten(m, 0);
      auto reaches = [&](int from, int to) {
        std::vector<char> seen(m, 0);
        std::vector<int> stack{from};
        while (!stack.empty()) {
          int x = stack.back();
          stack.pop_back();
          if (x == to) return true;
          if (seen[x]) continue;
          seen[x] = 1;
          for (int y = 0; y < m; ++y)
            if (edge[x][y]) stack.push_back(y);
        }
        return false;
      };
      for (auto [a, b] : order) {
        if (river && beaten[b]) continue;
        if (reaches(b, a)) continue;
        edge[a][b] = 1, beaten[b] = 1;
      }
      for (int c = 0; c < m; ++c)
        if (!beaten[c]) winners.insert(c);
      return;
    }
    auto perm = g[k];
    do {
      auto next = order;
      next.insert(next.end(), perm.begin(), perm.end());
      rec(k + 1, next);
    } while (std::next_permutation(perm.begin(), perm.end()));
  };
  rec(0, {});
  return winners;
}

Profile random_profile(std::mt19937& rng, int m, int voters) {
  ProfileBuilder b(Candidates::numbered(m), BallotKind::ranking);
  std::vector<Cand> order(m);
  for (int v = 0; v < voters; ++v) {
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), rng);
    std::vector<std::vector<Cand>> tiers;
    const int ranked = 2 + static_cast<int>(rng() % static_cast<unsigned>(m - 1));  // some truncation
    for (int i = 0; i < ranked; ++i) tiers.push_back({order[i]});
    b.add_tiers(tiers, 1);
  }
  return b.finish();
}

}  // namespace

TEST(RankedPairs, AllTieBreakingsMatchEnumeration) {
  std::mt19937 rng(7);
  int checked = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const int m = 3 + trial % 3;
    const Profile p = random_profile(rng, m, 2 + trial % 5);
    // keep the enumeration small
    size_t perms = 1;
    std::map<int64_t, int> sizes;
    for (int a = 0; a < m; ++a)
      for (int b = 0; b < m; ++b)
        if (a != b && p.support_ranked.margin(a, b) >= 0) ++sizes[p.support_ranked.margin(a, b)];
    for (auto [w, k] : sizes)
      for (int i = 2; i <= k; ++i) perms *= static_cast<size_t>(i);
    if (perms > 50000) continue;
    ++checked;
    for (bool river : {false, true}) {
      auto got = elect(river ? "river" : "ranked_pairs", p).winners;
      auto want = oracle_all(p, river);
      EXPECT_EQ(std::set<Cand>(got.begin(), got.end()), want) << "trial " << trial << (river ? " river" : " ranked pairs");
      // the fixed tie-breaking's winner is one of them
      auto fixed = elect(river ? "river" : "ranked_pairs", p, {{"pair_ties", "fixed"}}).winners;
      ASSERT_EQ(fixed.size(), 1u);
      EXPECT_TRUE(want.count(fixed[0]));
    }
  }
  EXPECT_GT(checked, 100);
}

TEST(SplitCycle, WinnersIncludeBeatPathWinnersAndRankedPairsWinners) {
  // Holliday & Pacuit: Split Cycle winners include the Beat Path and Ranked Pairs winners.
  std::mt19937 rng(11);
  for (int trial = 0; trial < 200; ++trial) {
    const Profile p = random_profile(rng, 3 + trial % 4, 3 + trial % 7);
    auto sc = elect("split_cycle", p).winners;
    for (const char* rule : {"beat_path", "ranked_pairs"})
      for (Cand w : elect(rule, p).winners) EXPECT_TRUE(std::binary_search(sc.begin(), sc.end(), w)) << rule << " " << trial;
    for (Cand w : elect("stable_voting", p).winners) EXPECT_TRUE(std::binary_search(sc.begin(), sc.end(), w)) << trial;
  }
}

// ---- Scale: 1,000 candidates. ----

namespace {
Profile large_profile(int m, int voters) {
  std::mt19937 rng(3);
  ProfileBuilder b(Candidates::numbered(m), BallotKind::ranking);
  std::vector<Cand> order(m);
  std::iota(order.begin(), order.end(), 0);
  for (int v = 0; v < voters; ++v) {
    std::shuffle(order.begin(), order.end(), rng);
    std::vector<int32_t> levels(m);
    for (int i = 0; i < m; ++i) levels[order[i]] = i;
    b.add_levels(levels, 1);
  }
  return b.finish();
}
}  // namespace

TEST(MarginRulesScale, ThousandCandidates) {
  const Profile p = large_profile(1000, 10);  // 10 random voters: no Condorcet winner, many cycles
  for (auto [rule, params] : std::vector<std::pair<std::string, std::map<std::string, std::string>>>{
           {"beat_path", {}}, {"split_cycle", {}}, {"ranked_pairs", {{"pair_ties", "fixed"}}},
           {"river", {{"pair_ties", "fixed"}}}, {"minimax", {}}}) {
    // Speed is measured in bench/ (bench_rules); here only that the rule completes.
    ElectionResult r = elect(rule, p, params);
    EXPECT_FALSE(r.winners.empty()) << rule;
  }
}
