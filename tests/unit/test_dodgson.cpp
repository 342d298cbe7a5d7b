// Dodgson: hand-worked scores and a breadth-first-search oracle over adjacent swaps.
#include <gtest/gtest.h>

#include <map>
#include <queue>
#include <random>
#include <set>

#include "core/error.hpp"
#include "opt_test_util.hpp"

using namespace prefero;
using namespace prefero::opt_test;

namespace {

bool is_condorcet_winner(const std::vector<std::vector<Cand>>& ballots, Cand c, int m) {
  for (Cand d = 0; d < m; ++d) {
    if (d == c) continue;
    int over = 0;
    for (const auto& b : ballots) over += std::find(b.begin(), b.end(), c) < std::find(b.begin(), b.end(), d);
    if (2 * over <= static_cast<int>(ballots.size())) return false;
  }
  return true;
}

// Oracle straight from Dodgson's definition: fewest adjacent swaps (any pair, any voter) until c
// is the Condorcet winner, by breadth-first search over whole profiles.
int64_t dodgson_by_bfs(const std::vector<std::vector<Cand>>& start, Cand c, int m) {
  std::map<std::vector<std::vector<Cand>>, int64_t> dist{{start, 0}};
  std::queue<std::vector<std::vector<Cand>>> todo;
  todo.push(start);
  while (!todo.empty()) {
    auto cur = todo.front();
    todo.pop();
    int64_t d = dist[cur];
    if (is_condorcet_winner(cur, c, m)) return d;
    for (size_t v = 0; v < cur.size(); ++v)
      for (int i = 0; i + 1 < m; ++i) {
        auto next = cur;
        std::swap(next[v][i], next[v][i + 1]);
        if (dist.emplace(next, d + 1).second) todo.push(next);
      }
  }
  return -1;
}

}  // namespace

TEST(Dodgson, HandWorkedScores) {
  // 3 x a>b>c, 2 x b>c>a: a is the Condorcet winner (0); b needs one a>b swap (1); c must pass b in
  // three ballots and a in three: moving c to the top of one a>b>c ballot (2) plus two b>c swaps (2) = 4.
  Profile p = strict_profile(3, {{{0, 1, 2}, 3}, {{1, 2, 0}, 2}});
  ElectionResult r = run("dodgson", p);
  EXPECT_EQ(r.winners, std::vector<Cand>{0});
  EXPECT_EQ(r.explanation["dodgson_scores"], (json{{"1", 0}, {"2", 1}, {"3", 4}}));
}

TEST(Dodgson, ThreeCycleScoresOneEach) {
  Profile p = strict_profile(3, {{{0, 1, 2}, 1}, {{1, 2, 0}, 1}, {{2, 0, 1}, 1}});
  ElectionResult r = run("dodgson", p);
  EXPECT_EQ(r.winners, (std::vector<Cand>{0, 1, 2}));
  EXPECT_EQ(r.explanation["dodgson_scores"], (json{{"1", 1}, {"2", 1}, {"3", 1}}));
}

TEST(Dodgson, AgreesWithBreadthFirstSearchOverSwaps) {
  std::mt19937 rng(4242);
  for (int trial = 0; trial < 40; ++trial) {
    int m = trial % 2 == 0 ? 3 : 4;
    int voters = m == 3 ? 1 + static_cast<int>(rng() % 5) : 1 + static_cast<int>(rng() % 3);
    auto ballots = random_rankings(m, voters, rng);
    ElectionResult r = run("dodgson", profile_of(m, ballots));
    for (Cand c = 0; c < m; ++c)
      EXPECT_EQ(r.explanation["dodgson_scores"][std::to_string(c + 1)], dodgson_by_bfs(ballots, c, m))
          << "trial " << trial << " candidate " << c;
  }
}

TEST(Dodgson, RejectsTiesAndTruncation) {
  ProfileBuilder b(Candidates::numbered(3), BallotKind::ranking);
  b.add_tiers({{0, 1}, {2}}, 1);
  EXPECT_THROW(run("dodgson", b.finish()), InputError);
  ProfileBuilder t(Candidates::numbered(3), BallotKind::ranking);
  t.add_tiers({{0}, {1}}, 1);
  EXPECT_THROW(run("dodgson", t.finish()), InputError);
}

TEST(Dodgson, GlobalScoreKeepsCandidatesOutOfPlayAsRivals) {
  // pref_voting case pv#1173 (full profile) / pv#1174 (winners among {0, 1}): pref_voting scores
  // the candidates in play against every candidate of the profile (global_score=True). By hand:
  // 1 needs 2 swaps (lift 1 two places in 0>2>1), 0 needs 3 (0 over 2 in 2>0>1, then lift 0 two
  // places in one 1>2>0) -> {1}. Restricted to {0, 1} both need one swap -> {0, 1}.
  Profile p = strict_profile(3, {{{0, 2, 1}, 1}, {{1, 2, 0}, 2}, {{2, 0, 1}, 1}});
  const MethodInfo& rule = require_method("dodgson");
  Params global = resolve_params("dodgson", rule.params, {});
  ElectionResult r = rule.elect(p, {0, 1}, global);
  EXPECT_EQ(r.winners, std::vector<Cand>{1});
  EXPECT_EQ(r.explanation["dodgson_scores"], (json{{"1", 3}, {"2", 2}}));
  Params local = resolve_params("dodgson", rule.params, {{"global_score", "false"}});
  EXPECT_EQ(rule.elect(p, {0, 1}, local).winners, (std::vector<Cand>{0, 1}));
}
