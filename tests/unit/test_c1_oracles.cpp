// Majority-graph rules against brute-force oracles written straight from the definitions, on
// random majority graphs with and without ties (McGarvey profiles), plus the set inclusions
// the literature proves (Banks within Gillies' uncovered set within the Smith set, ...).
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

#include "unit/c1_test_support.hpp"

using namespace prefero;
using namespace prefero::c1test;

namespace {

struct Graph {
  int m;
  std::vector<std::vector<int64_t>> margin;
  bool beats(int a, int b) const { return margin[a][b] > 0; }
};

Graph graph_of(const Profile& p) {
  Graph g{p.num_candidates(), {}};
  g.margin.assign(g.m, std::vector<int64_t>(g.m, 0));
  for (int a = 0; a < g.m; ++a)
    for (int b = 0; b < g.m; ++b) g.margin[a][b] = p.support_ranked.margin(a, b);
  return g;
}

// A set (bit mask) is a chain if every two members are strictly ordered and the order has no
// cycle, i.e. the members can be listed so that each beats all later ones.
bool is_chain(const Graph& g, unsigned set) {
  std::vector<int> mem;
  for (int a = 0; a < g.m; ++a)
    if (set >> a & 1U) mem.push_back(a);
  for (int a : mem)
    for (int b : mem)
      if (a != b && !g.beats(a, b) && !g.beats(b, a)) return false;
  // comparable everywhere: a chain iff the win counts inside are all distinct
  std::vector<int> wins;
  for (int a : mem) {
    int w = 0;
    for (int b : mem) w += g.beats(a, b);
    wins.push_back(w);
  }
  std::sort(wins.begin(), wins.end());
  return std::adjacent_find(wins.begin(), wins.end()) == wins.end();
}

// Banks by enumerating every subset: tops of chains to which no single candidate can be added.
std::vector<Cand> banks_oracle(const Graph& g) {
  std::vector<char> top(g.m, 0);
  for (unsigned s = 1; s < (1U << g.m); ++s) {
    if (!is_chain(g, s)) continue;
    bool maximal = true;
    for (int x = 0; x < g.m && maximal; ++x)
      if (!(s >> x & 1U) && is_chain(g, s | 1U << x)) maximal = false;
    if (!maximal) continue;
    for (int a = 0; a < g.m; ++a) {
      if (!(s >> a & 1U)) continue;
      bool beats_all = true;
      for (int b = 0; b < g.m; ++b)
        if (b != a && (s >> b & 1U) && !g.beats(a, b)) beats_all = false;
      if (beats_all) top[a] = 1;
    }
  }
  std::vector<Cand> out;
  for (int a = 0; a < g.m; ++a)
    if (top[a]) out.push_back(a);
  return out;
}

// Candidates not covered by anyone, for a covering relation covers(x, y).
template <class Covers>
std::vector<Cand> uncovered_oracle(const Graph& g, Covers covers) {
  std::vector<Cand> out;
  for (int y = 0; y < g.m; ++y) {
    bool covered = false;
    for (int x = 0; x < g.m; ++x) covered = covered || (x != y && covers(x, y));
    if (!covered) out.push_back(y);
  }
  return out;
}

bool weakly_beats(const Graph& g, int a, int b) { return g.margin[a][b] >= 0; }

std::vector<Cand> gill_oracle(const Graph& g) {
  return uncovered_oracle(g, [&](int x, int y) {
    if (!g.beats(x, y)) return false;
    for (int z = 0; z < g.m; ++z)
      if (g.beats(z, x) && !g.beats(z, y)) return false;
    return true;
  });
}

std::vector<Cand> fish_oracle(const Graph& g) {
  auto left_covers = [&](int x, int y) {  // everyone beating x beats y
    for (int z = 0; z < g.m; ++z)
      if (g.beats(z, x) && !g.beats(z, y)) return false;
    return true;
  };
  return uncovered_oracle(g, [&](int x, int y) { return left_covers(x, y) && !left_covers(y, x); });
}

std::vector<Cand> bordes_oracle(const Graph& g) {
  return uncovered_oracle(g, [&](int x, int y) {
    if (!g.beats(x, y)) return false;
    for (int z = 0; z < g.m; ++z)
      if (z != x && z != y && weakly_beats(g, z, x) && !weakly_beats(g, z, y)) return false;
    return true;
  });
}

std::vector<Cand> weighted_oracle(const Graph& g) {
  return uncovered_oracle(g, [&](int x, int y) {
    if (!g.beats(x, y)) return false;
    for (int z = 0; z < g.m; ++z)
      if (g.margin[x][z] < g.margin[y][z]) return false;
    return true;
  });
}

std::vector<Cand> intersect(const std::vector<Cand>& a, const std::vector<Cand>& b) {
  std::vector<Cand> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

bool includes(const std::vector<Cand>& big, const std::vector<Cand>& small) {
  return std::includes(big.begin(), big.end(), small.begin(), small.end());
}

}  // namespace

TEST(C1Oracles, BanksMatchesSubsetEnumeration) {
  std::mt19937 rng(20261126);
  for (int round = 0; round < 500; ++round) {
    int m = 1 + round % 10;
    Profile p = random_graph(rng, m, round % 3 == 0 ? 0 : 25);
    Graph g = graph_of(p);
    ASSERT_EQ(winners("banks", p), banks_oracle(g)) << "round " << round << " m " << m;
  }
}

TEST(C1Oracles, BanksWitnessesAreMaximalChains) {
  std::mt19937 rng(7);
  for (int round = 0; round < 100; ++round) {
    Profile p = random_graph(rng, 7, 20);
    Graph g = graph_of(p);
    auto e = explanation("banks", p);
    for (auto& [top, chain] : e["maximal_chains"].items()) {
      unsigned set = 0;
      for (auto& id : chain) set |= 1U << (id.get<int>() - 1);
      EXPECT_EQ(chain[0].get<int>(), std::stoi(top));
      ASSERT_TRUE(is_chain(g, set));
      for (int x = 0; x < g.m; ++x)
        if (!(set >> x & 1U)) {
          EXPECT_FALSE(is_chain(g, set | 1U << x));
        }
      for (size_t i = 1; i < chain.size(); ++i) EXPECT_TRUE(g.beats(chain[i - 1].get<int>() - 1, chain[i].get<int>() - 1));
    }
  }
}

TEST(C1Oracles, UncoveredSetsMatchTheirDefinitions) {
  std::mt19937 rng(99);
  for (int round = 0; round < 300; ++round) {
    int m = 1 + round % 9;
    Profile p = random_graph(rng, m, round % 2 ? 30 : 0);
    Graph g = graph_of(p);
    auto gill = gill_oracle(g), bordes = bordes_oracle(g);
    ASSERT_EQ(winners("uc_gill", p), gill) << round;
    ASSERT_EQ(winners("uc_fish", p), fish_oracle(g)) << round;
    ASSERT_EQ(winners("uc_bordes", p), bordes) << round;
    // McKelvey covering = Gillies and Bordes covering at once, so its uncovered set contains both.
    auto mck = winners("uc_mckelvey", p);
    ASSERT_TRUE(includes(mck, gill) && includes(mck, bordes)) << round;
    ASSERT_EQ(winners("weighted_covering", p), weighted_oracle(g)) << round;
  }
}

TEST(C1Oracles, TournamentSolutionsNestAsTheTheoryProves) {
  // On tournaments (no ties): Condorcet winner ⊆ Banks ⊆ UC ⊆ Smith = Schwartz, and the
  // Copeland winners are uncovered (Miller 1980; Laslier, Tournament Solutions, 1997).
  std::mt19937 rng(5);
  for (int round = 0; round < 200; ++round) {
    Profile p = random_graph(rng, 2 + round % 9, 0);
    auto smith = winners("top_cycle", p), uc = winners("uc_gill", p), banks = winners("banks", p);
    EXPECT_EQ(winners("gocha", p), smith);
    EXPECT_EQ(winners("uc_fish", p), uc);  // Fishburn = Gillies on tournaments
    EXPECT_TRUE(includes(smith, uc)) << round;
    EXPECT_TRUE(includes(uc, banks)) << round;
    EXPECT_TRUE(includes(uc, winners("copeland", p))) << round;
    EXPECT_FALSE(banks.empty());
    EXPECT_EQ(intersect(banks, winners("condorcet", p)).empty(), false);
  }
}

TEST(C1Oracles, CondorcetWinnerIsTheOnlyWinnerEverywhere) {
  std::mt19937 rng(11);
  for (int round = 0; round < 100; ++round) {
    int m = 2 + round % 7;
    // candidate round % m beats everyone by 2; the rest random
    std::vector<std::tuple<int, int, int>> edges;
    int cw = round % m;
    std::uniform_int_distribution<int> coin(0, 2);
    for (int a = 0; a < m; ++a)
      for (int b = a + 1; b < m; ++b) {
        if (a == cw) edges.emplace_back(a, b, 1);
        else if (b == cw) edges.emplace_back(b, a, 1);
        else if (int c = coin(rng); c == 1) edges.emplace_back(a, b, 1);
        else if (c == 2) edges.emplace_back(b, a, 1);
      }
    Profile p = mcgarvey(m, edges);
    for (const char* rule : {"condorcet", "weak_condorcet", "copeland", "llull", "top_cycle", "gocha", "uc_gill",
                             "uc_fish", "uc_bordes", "uc_mckelvey", "banks", "condorcet_plurality",
                             "copeland_local_borda", "copeland_global_borda", "copeland_local_minimax",
                             "copeland_global_minimax"})
      ASSERT_EQ(winners(rule, p), std::vector<Cand>{cw}) << rule << " round " << round;
  }
}

TEST(C1Oracles, UncoveredSetOnAThousandCandidatesIsFast) {
  // 31 random voters over 1,000 candidates: a near-random tournament.
  const int m = 1000;
  std::mt19937 rng(3);
  ProfileBuilder b(Candidates::numbered(m), BallotKind::ranking);
  std::vector<int32_t> order(m);
  std::iota(order.begin(), order.end(), 0);
  for (int v = 0; v < 31; ++v) {
    std::shuffle(order.begin(), order.end(), rng);
    b.add_levels(order, 1);
  }
  Profile p = b.finish();
  for (const char* rule : {"uc_gill", "uc_fish", "uc_bordes", "uc_mckelvey"}) {
    // Speed is measured in bench/ (c1_bench, bench_rules); here only that the rule completes.
    auto w = winners(rule, p);
    EXPECT_FALSE(w.empty()) << rule;
  }
}

TEST(C1Oracles, BanksOnTwentyCandidatesIsInsideTheUncoveredSet) {
  std::mt19937 rng(17);
  for (int round = 0; round < 5; ++round) {
    Profile p = random_graph(rng, 20, 0);
    auto w = winners("banks", p);
    EXPECT_TRUE(includes(winners("uc_gill", p), w));
  }
}
