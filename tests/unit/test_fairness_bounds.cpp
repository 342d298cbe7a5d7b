// Group fairness bounds: the groups file and SPEC parsers, infeasibility naming the conflicting
// groups, and the exact bounded optimum of k-Borda, Chamberlin-Courant, Monroe and PAV against an
// oracle written here (enumerate every committee, keep those meeting the bounds, score them
// directly from the ballots), plus the greedy variant's feasibility and gap.
#include <gtest/gtest.h>

#include <functional>
#include <random>
#include <sstream>

#include "committee/bounded_committee.hpp"
#include "committee/fairness_bounds.hpp"
#include "committee/score_rules.hpp"
#include "core/error.hpp"
#include "registry/registry.hpp"

namespace prefero {
namespace {

using Committees = std::vector<std::vector<Cand>>;

Groups groups_of(const std::string& text, int m) {
  std::istringstream in(text);
  return read_groups(in, "groups.csv", Candidates::numbered(m));
}

TEST(FairnessBounds, ReadGroupsAndSpec) {
  const Groups g = groups_of("# id,group\n1,women\n2,women,young\n3,men\n4, men , young\n", 5);
  ASSERT_EQ(g.names, (std::vector<std::string>{"women", "young", "men"}));
  EXPECT_EQ(g.members[0], (std::vector<Cand>{0, 1}));
  EXPECT_EQ(g.members[1], (std::vector<Cand>{1, 3}));
  const auto b = parse_bounds("women>=1, young<=1,men=1", g, 3);
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b[0].lower, 1);
  EXPECT_EQ(b[0].upper, 3);
  EXPECT_EQ(b[1].upper, 1);
  EXPECT_EQ(b[2].lower, 1);
  EXPECT_EQ(b[2].upper, 1);
  const auto range = parse_bounds("1<=young<=2", g, 3);
  EXPECT_EQ(range[0].lower, 1);
  EXPECT_EQ(range[0].upper, 2);
  EXPECT_THROW(parse_bounds("aliens>=1", g, 3), InputError);
  EXPECT_THROW(parse_bounds("women>=x", g, 3), InputError);
  EXPECT_THROW(parse_bounds("women", g, 3), InputError);
  try {
    groups_of("1,women\n9,men\n", 5);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, 2);
  }
}

TEST(FairnessBounds, InfeasibleNamesTheConflictingGroups) {
  // women {1,2}, men {3,4,5}, young {1}: k = 3 with women>=2 and men>=2 is impossible; young is
  // not part of the conflict.
  const Groups g = groups_of("1,women,young\n2,women\n3,men\n4,men\n5,men\n", 5);
  try {
    check_bounds_feasible(g, parse_bounds("young>=1,women>=2,men>=2", g, 3), 5, 3);
    FAIL();
  } catch (const InputError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("women"), std::string::npos) << msg;
    EXPECT_NE(msg.find("men ["), std::string::npos) << msg;
    EXPECT_EQ(msg.find("young"), std::string::npos) << msg;
  }
  EXPECT_THROW(check_bounds_feasible(g, parse_bounds("women>=3", g, 3), 5, 3), InputError);
  EXPECT_NO_THROW(check_bounds_feasible(g, parse_bounds("women>=1,men>=2", g, 3), 5, 3));
}

// Oracle: every committee meeting the bounds, best by `score`.
Committees oracle(int m, int k, const Groups& g, const GroupBounds& b, const std::function<Rational(const std::vector<Cand>&)>& score) {
  Committees best;
  std::optional<Rational> top;
  for (unsigned mask = 0; mask < (1u << m); ++mask) {
    if (__builtin_popcount(mask) != k) continue;
    std::vector<Cand> w;
    for (Cand c = 0; c < m; ++c)
      if (mask >> c & 1) w.push_back(c);
    bool ok = true;
    for (const auto& bd : b) {
      int n = 0;
      for (Cand c : w) n += std::count(g.members[bd.group].begin(), g.members[bd.group].end(), c) > 0;
      ok = ok && n >= bd.lower && n <= bd.upper;
    }
    if (!ok) continue;
    const Rational s = score(w);
    if (!top || s > *top) top = s, best.clear();
    if (s == *top) best.push_back(w);
  }
  std::sort(best.begin(), best.end());
  return best;
}

TEST(FairnessBounds, ExactBoundedOptimumMatchesOracle) {
  std::mt19937 rng(5);
  for (int trial = 0; trial < 12; ++trial) {
    const int m = 5 + trial % 3, n = 3 + trial % 4, k = 2 + trial % 2;
    std::vector<std::vector<Cand>> orders;
    ProfileBuilder pb(Candidates::numbered(m), BallotKind::ranking);
    for (int v = 0; v < n; ++v) {
      std::vector<Cand> o(static_cast<size_t>(m));
      for (Cand c = 0; c < m; ++c) o[static_cast<size_t>(c)] = c;
      std::shuffle(o.begin(), o.end(), rng);
      orders.push_back(o);
      std::vector<std::vector<Cand>> tiers;
      for (Cand c : o) tiers.push_back({c});
      pb.add_tiers(tiers, 1);
    }
    const Profile p = pb.finish();
    // Candidates 1..m/2 are "a", the rest "b"; "x" = odd ids (overlapping).
    std::string text;
    for (int c = 1; c <= m; ++c) text += std::to_string(c) + (c <= m / 2 ? ",a" : ",b") + (c % 2 ? ",x\n" : "\n");
    const Groups g = groups_of(text, m);
    const GroupBounds b = parse_bounds("a>=" + std::to_string(k - 1) + ",x<=1", g, k);
    auto util = [&](const std::vector<Cand>& o, Cand c) {
      return static_cast<long>(std::find(o.begin(), o.end(), c) - o.begin());
    };
    const MethodInfo& kb = require_method("k_borda");
    const Params params = resolve_params("k_borda", kb.params, {});
    auto borda = [&](const std::vector<Cand>& w) {
      Rational s = 0;
      for (const auto& o : orders)
        for (Cand c : w) s += m - 1 - util(o, c);
      return s;
    };
    auto cc = [&](const std::vector<Cand>& w) {
      Rational s = 0;
      for (const auto& o : orders) {
        long best = 0;
        for (Cand c : w) best = std::max(best, static_cast<long>(m - 1) - util(o, c));
        s += best;
      }
      return s;
    };
    // PAV on "approve your top 2".
    auto pav = [&](const std::vector<Cand>& w) {
      Rational s = 0;
      for (const auto& o : orders) {
        int j = 0;
        for (Cand c : w) j += util(o, c) < 2;
        for (int i = 1; i <= j; ++i) s += Rational(1, i);
      }
      return s;
    };
    ProfileBuilder ab(Candidates::numbered(m), BallotKind::categorical);
    for (const auto& o : orders) {
      std::vector<int32_t> levels(static_cast<size_t>(m), 1);
      levels[static_cast<size_t>(o[0])] = 0;
      levels[static_cast<size_t>(o[1])] = 0;
      ab.add_levels(levels, 1);
    }
    const Profile approvals = ab.finish();
    for (const std::string algorithm : {"ilp", "brute_force"}) {
      OptimizeOptions opt;
      opt.algorithm = algorithm;
      const auto kbo = *objective_for_rule("k_borda", p, k, params);
      EXPECT_EQ(optimal_committees(kbo, k, g, b, opt).committees, oracle(m, k, g, b, borda)) << trial << algorithm;
      const auto cco = *objective_for_rule("chamberlin_courant_borda", p, k, params);
      EXPECT_EQ(optimal_committees(cco, k, g, b, opt).committees, oracle(m, k, g, b, cc)) << trial << algorithm;
      const auto pavo = *objective_for_rule("pav", approvals, k, params);
      EXPECT_EQ(optimal_committees(pavo, k, g, b, opt).committees, oracle(m, k, g, b, pav)) << trial << algorithm;
    }
    // Greedy: feasible, never better than the optimum.
    const auto cco = *objective_for_rule("chamberlin_courant_borda", p, k, params);
    const auto greedy = greedy_committee(cco, k, g, b);
    EXPECT_TRUE(satisfies_bounds(greedy.committee, g, b));
    EXPECT_LE(greedy.score, cc(oracle(m, k, g, b, cc).front()));
    EXPECT_EQ(greedy.score, cc(greedy.committee));
  }
}

TEST(FairnessBounds, MonroeWithBounds) {
  // 4 voters a>b>c>d, 2 voters d>c>b>a (ids 1..4); k = 2; groups: {1,2} "front", {3,4} "back".
  // Unbounded Monroe: {a,d} (4*3 + 2*3 with sizes 3/3 -> a gets 3 front voters, d gets 1 front
  // voter (utility 0) + 2 back voters (3 each): 9 + 6 = 15); {a,b} gives 3*3+2*1 (b for ... ) lower.
  // With front>=2 the committee must be {a,b}: a 3 voters (9), b 3 voters: 1 front (2) + 2 back (1 each) = 13.
  ProfileBuilder pb(Candidates::numbered(4), BallotKind::ranking);
  pb.add_tiers({{0}, {1}, {2}, {3}}, 4);
  pb.add_tiers({{3}, {2}, {1}, {0}}, 2);
  const Profile p = pb.finish();
  const Groups g = groups_of("1,front\n2,front\n3,back\n4,back\n", 4);
  const auto o = *objective_for_rule("monroe_borda", p, 2, resolve_params("monroe_borda", require_method("monroe_borda").params, {}));
  EXPECT_EQ(optimal_committees(o, 2, g, {}, {}).committees, (Committees{{0, 3}}));
  EXPECT_EQ(optimal_committees(o, 2, g, {}, {}).explanation["score"], "15");
  const auto bounded = optimal_committees(o, 2, g, parse_bounds("front>=2", g, 2), {});
  EXPECT_EQ(bounded.committees, (Committees{{0, 1}}));
  EXPECT_EQ(bounded.explanation["score"], "13");
}

}  // namespace
}  // namespace prefero

namespace prefero {
namespace {

TEST(FairnessBounds, RunRuleWithBoundsAndGreedyGap) {
  // 3 voters a>b>c>d, 2 voters d>c>b>a; k_borda k=2 picks {a,b} (9, 8); with "cd>=1" it must
  // take c or d: {a,c} 9+7 = 16 is the bounded optimum.
  ProfileBuilder pb(Candidates::numbered(4), BallotKind::ranking);
  pb.add_tiers({{0}, {1}, {2}, {3}}, 3);
  pb.add_tiers({{3}, {2}, {1}, {0}}, 2);
  const Profile p = pb.finish();
  const Groups g = groups_of("3,cd\n4,cd\n1,ab\n2,ab\n", 4);
  const MethodInfo& m = require_method("k_borda");
  const Params params = resolve_params(m.id, m.params, {});
  const auto r = run_committee_with_bounds(m, p, 2, params, g, parse_bounds("cd>=1", g, 2));
  EXPECT_EQ(r.committees, (Committees{{0, 2}}));
  EXPECT_EQ(r.explanation["score"], "16");
  const auto gr = run_committee_with_bounds(m, p, 2, params, g, parse_bounds("cd>=1", g, 2), true);
  EXPECT_EQ(gr.committees, (Committees{{0, 2}}));
  EXPECT_EQ(gr.explanation["gap"], "0");
  const MethodInfo& stv = require_method("stv");
  EXPECT_THROW(run_committee_with_bounds(stv, p, 2, resolve_params("stv", stv.params, {}), g, {}), InputError);
}

}  // namespace
}  // namespace prefero

namespace prefero {
namespace {

// Without bounds, the bounds optimizer's PAV, CC and Monroe objectives pick exactly the committees
// of the approval-based rules pav, cc and monroe (written independently on branch abc).
TEST(FairnessBounds, ThieleObjectivesAgreeWithTheApprovalRules) {
  std::mt19937 rng(3);
  for (int trial = 0; trial < 10; ++trial) {
    const int m = 6, k = 2 + trial % 3;
    ProfileBuilder ab(Candidates::numbered(m), BallotKind::categorical);
    for (int v = 0; v < 7; ++v) {
      std::vector<int32_t> levels(static_cast<size_t>(m), 1);
      for (Cand c = 0; c < m; ++c) levels[static_cast<size_t>(c)] = rng() % 3 == 0 ? 0 : 1;
      ab.add_levels(levels, 1 + static_cast<int64_t>(rng() % 2));
    }
    const Profile p = ab.finish();
    for (const std::string rule : {"pav", "cc", "monroe"}) {
      const MethodInfo& m_info = require_method(rule);
      const Params params = resolve_params(m_info.id, m_info.params, {});
      const auto objective = *objective_for_rule(rule, p, k, params);
      OptimizeOptions opt;
      opt.algorithm = "ilp";
      auto ours = optimal_committees(objective, k, {}, {}, opt).committees;
      auto theirs = m_info.committee(p, k, params).committees;
      std::sort(theirs.begin(), theirs.end());
      EXPECT_EQ(ours, theirs) << rule << " trial " << trial;
    }
  }
}

}  // namespace
}  // namespace prefero
