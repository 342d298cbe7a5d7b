// Phragmén-family committee rules: hand-worked examples, brute-force / LP oracles for the exact
// support and load computations, ILP vs brute force, resolute ⊆ irresolute.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <array>
#include <cstdio>
#include <optional>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <set>

#include "committee/approval_voters.hpp"
#include "committee/committee.hpp"
#include "committee/run_committee.hpp"
#include "committee/voter_support.hpp"
#include "core/error.hpp"
#include "core/profile.hpp"
#include "registry/registry.hpp"
#include "solve/lp.hpp"

namespace prefero {
namespace {

using Committees = std::vector<std::vector<Cand>>;

Profile approval_profile(int m, const std::vector<std::pair<std::vector<Cand>, int64_t>>& ballots) {
  ProfileBuilder b(Candidates::numbered(m), BallotKind::categorical);
  b.set_category_names({"approved", "not approved"});
  for (const auto& [approved, count] : ballots) {
    std::vector<int32_t> levels(static_cast<size_t>(m), 1);
    for (Cand c : approved) levels[static_cast<size_t>(c)] = 0;
    b.add_levels(levels, count);
  }
  return b.finish();
}

CommitteeResult run(const std::string& rule, const Profile& p, int k, bool resolute,
                    std::map<std::string, std::string> extra = {}) {
  extra["resolute"] = resolute ? "true" : "false";
  return run_committee(require_method(rule), p, k, extra).result;
}

// Random approval profile: n voters, m candidates, each approves each candidate with prob. `q`.
Profile random_profile(std::mt19937& g, int n, int m, double q) {
  std::bernoulli_distribution coin(q);
  std::vector<std::pair<std::vector<Cand>, int64_t>> ballots;
  for (int v = 0; v < n; ++v) {
    std::vector<Cand> a;
    for (Cand c = 0; c < m; ++c)
      if (coin(g)) a.push_back(c);
    ballots.push_back({a, 1});
  }
  return approval_profile(m, ballots);
}

// Oracle: min over nonempty S ⊆ W of w(N_S)/|S| by enumerating subsets.
Rational subset_min_ratio(const ApprovalVoters& a, const std::vector<Cand>& w) {
  std::optional<Rational> best;
  for (unsigned mask = 1; mask < (1u << w.size()); ++mask) {
    std::set<int> voters;
    int size = 0;
    for (size_t i = 0; i < w.size(); ++i)
      if (mask & (1u << i)) {
        ++size;
        for (int v : a.approvers[static_cast<size_t>(w[i])]) voters.insert(v);
      }
    int64_t weight = 0;
    for (int v : voters) weight += a.weight[static_cast<size_t>(v)];
    Rational r = Rational(weight) / size;
    if (!best || r < *best) best = r;
  }
  return *best;
}

// Independent oracle: the minimax load of W by an LP (CLP): min L s.t. each member's unit is paid.
double lp_minimax_load(const ApprovalVoters& a, const std::vector<Cand>& w) {
  solve::LinearModel m;
  int L = m.add_variable(0, solve::kInfinity, 1.0);
  std::vector<std::vector<std::pair<int, double>>> per_voter(static_cast<size_t>(a.num_ballots()));
  for (Cand c : w) {
    std::vector<std::pair<int, double>> pay;
    for (int v : a.approvers[static_cast<size_t>(c)]) {
      int l = m.add_variable(0, solve::kInfinity);
      pay.push_back({l, static_cast<double>(a.weight[static_cast<size_t>(v)])});
      per_voter[static_cast<size_t>(v)].push_back({l, 1.0});
    }
    m.add_constraint(pay, 1.0, solve::kInfinity);
  }
  for (auto& t : per_voter) {
    t.push_back({L, -1.0});
    m.add_constraint(t, -solve::kInfinity, 0.0);
  }
  return solve::solve(m).objective;
}

TEST(PhragmenSupport, MaxFlowMatchesSubsetEnumerationAndLp) {
  std::mt19937 g(7);
  for (int trial = 0; trial < 150; ++trial) {
    Profile p = random_profile(g, 3 + trial % 9, 6, 0.35);
    ApprovalVoters a = approval_voters(p, Params{});
    std::vector<Cand> w;
    for (Cand c = 0; c < 6; ++c)
      if (g() % 2) w.push_back(c);
    if (w.empty()) continue;
    Rational flow = maximin_support_value(a, w);
    EXPECT_EQ(flow, subset_min_ratio(a, w)) << "trial " << trial;
    if (flow > 0) {
      auto levels = leximax_loads(a, w);
      ASSERT_TRUE(levels.has_value());
      EXPECT_EQ(levels->front().load, 1 / flow);
      EXPECT_NEAR(lp_minimax_load(a, w), Rational(1 / flow).get_d(), 1e-6);
      Rational total = 0;  // the loads pay exactly |W| units
      int64_t voters = 0;
      for (const auto& l : *levels) total += l.load * l.voters, voters += l.voters;
      EXPECT_EQ(total, static_cast<long>(w.size()));
      EXPECT_EQ(voters, a.total_weight);
    } else {
      EXPECT_FALSE(leximax_loads(a, w).has_value());
    }
  }
}

// seq-Phragmén by hand: 2 x {a,b}, 1 x {c}, k = 2. Round 1: a, b cost 1/2, c costs 1: a or b.
// After a: b costs (1/2+1/2+1)/2 = 1, c costs 1: tie. After b: symmetric. So {a,b}, {a,c}, {b,c};
// resolute (smallest index): a, then b.
TEST(PhragmenRules, SeqPhragmenHandExample) {
  Profile p = approval_profile(3, {{{0, 1}, 2}, {{2}, 1}});
  EXPECT_EQ(run("seqphragmen", p, 2, false).committees, (Committees{{0, 1}, {0, 2}, {1, 2}}));
  EXPECT_EQ(run("seqphragmen", p, 2, true).committees, (Committees{{0, 1}}));
}

// Equal Shares by hand: 3 x {a,b}, 1 x {c}, k = 2, budgets 1/2. a and b cost 1/3 per voter; c is
// unaffordable (1/2 < 1). After a the three have 1/6 each: nothing affordable. seq-Phragmén from
// loads -1/6 (x3), -1/2: b costs (-1/2+1)/3 = 1/6 < c's (-1/2+1)/1 = 1/2: b. Likewise from b first.
TEST(PhragmenRules, EqualSharesHandExample) {
  Profile p = approval_profile(3, {{{0, 1}, 3}, {{2}, 1}});
  EXPECT_EQ(run("equal-shares", p, 2, false).committees, (Committees{{0, 1}}));
  EXPECT_EQ(run("equal-shares-with-av-completion", p, 2, false).committees, (Committees{{0, 1}}));
  EXPECT_EQ(run("equal-shares-with-increment-completion", p, 2, true).committees, (Committees{{0, 1}}));
  auto none = run("equal-shares-without-completion", p, 2, false).committees;
  EXPECT_EQ(none, (Committees{{0}, {1}}));
}

// Phragmén–Eneström by hand: 3 x {a}, 2 x {b}, 1 x {c}, k = 3, price 2. a (support 3) wins; its
// voters keep 1/3 each (support 1). Then b (2) wins, its voters pay all. Then a's voters' 1 vs c's 1:
// only c is left among unelected... candidates: a, b elected; c is the third.
TEST(PhragmenRules, PhragmenEnestroemHandExample) {
  Profile p = approval_profile(4, {{{0}, 3}, {{1}, 2}, {{2, 3}, 1}});
  // Round 3: c and d both have support 1: tie.
  EXPECT_EQ(run("phragmen-enestroem", p, 3, false).committees, (Committees{{0, 1, 2}, {0, 1, 3}}));
  EXPECT_EQ(run("phragmen-enestroem", p, 3, true).committees, (Committees{{0, 1, 2}}));
}

TEST(PhragmenRules, RsdIsSeededAndSized) {
  std::mt19937 g(3);
  Profile p = random_profile(g, 12, 8, 0.3);
  auto a = run("rsd", p, 4, true, {{"seed", "5"}}).committees;
  auto b = run("rsd", p, 4, true, {{"seed", "5"}}).committees;
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a, b);
  EXPECT_EQ(a[0].size(), 4u);
  std::set<Committees> seen;
  for (int s = 0; s < 20; ++s) seen.insert(run("rsd", p, 4, true, {{"seed", std::to_string(s)}}).committees);
  EXPECT_GT(seen.size(), 1u);
}

// minimax/leximax: the CBC ILP with exact re-check agrees with brute force (all committees).
TEST(PhragmenRules, IlpAgreesWithBruteForce) {
  std::mt19937 g(11);
  for (int trial = 0; trial < 12; ++trial) {
    Profile p = random_profile(g, 6 + trial, 7, 0.3);
    int k = 2 + trial % 3;
    for (const char* rule : {"minimaxphragmen", "leximaxphragmen"}) {
      auto brute = run(rule, p, k, false, {{"algorithm", "brute-force"}});
      auto ilp = run(rule, p, k, false, {{"algorithm", "ilp"}});
      EXPECT_EQ(brute.committees, ilp.committees) << rule << " trial " << trial;
      EXPECT_TRUE(ilp.proven);
    }
  }
}

// Oracle for minimax-Phragmén: every committee's min max load by LP; winners = the minima.
TEST(PhragmenRules, MinimaxMatchesLpOracle) {
  std::mt19937 g(5);
  for (int trial = 0; trial < 6; ++trial) {
    Profile p = random_profile(g, 7, 6, 0.4);
    ApprovalVoters a = approval_voters(p, Params{});
    const int k = 3;
    if (static_cast<int>(a.approved_candidates().size()) < k) continue;
    std::map<std::vector<Cand>, double> load;
    double best = 1e18;
    for (unsigned mask = 0; mask < 64; ++mask) {
      if (__builtin_popcount(mask) != k) continue;
      std::vector<Cand> w;
      bool ok = true;
      for (Cand c = 0; c < 6; ++c)
        if (mask & (1u << c)) w.push_back(c), ok = ok && !a.approvers[static_cast<size_t>(c)].empty();
      if (!ok) continue;
      load[w] = lp_minimax_load(a, w);
      best = std::min(best, load[w]);
    }
    Committees expected;
    for (auto& [w, l] : load)
      if (l <= best + 1e-7) expected.push_back(w);
    EXPECT_EQ(run("minimaxphragmen", p, k, false).committees, expected) << trial;
  }
}

TEST(PhragmenRules, ResoluteIsAmongIrresolute) {
  std::mt19937 g(13);
  const char* rules[] = {"seqphragmen", "equal-shares", "equal-shares-with-av-completion", "phragmen-enestroem",
                         "maximin-support", "minimaxphragmen", "leximaxphragmen"};
  for (int trial = 0; trial < 10; ++trial) {
    Profile p = random_profile(g, 5 + trial, 6, 0.35);
    int k = 1 + trial % 5;
    for (const char* rule : rules) {
      auto all = run(rule, p, k, false).committees;
      auto one = run(rule, p, k, true).committees;
      ASSERT_EQ(one.size(), 1u) << rule;
      EXPECT_TRUE(std::find(all.begin(), all.end(), one[0]) != all.end()) << rule << " trial " << trial;
      for (auto& w : all) EXPECT_EQ(static_cast<int>(w.size()), k) << rule;
    }
  }
}

TEST(PhragmenRules, BadCommitteeSizeIsInputError) {
  Profile p = approval_profile(3, {{{0}, 1}});
  EXPECT_THROW(run("seqphragmen", p, 0, false), InputError);
  EXPECT_THROW(run("equal-shares", p, 4, false), InputError);
}

}  // namespace
}  // namespace prefero
