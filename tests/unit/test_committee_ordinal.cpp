// Ordinal multiwinner rules against independent brute-force oracles written here (enumerate every
// committee, and for Monroe every balanced assignment of voters), on small random strict profiles,
// with the exact ILP and the brute-force path of the rules.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <random>
#include <set>

#include "committee/committee.hpp"
#include "core/error.hpp"
#include "core/profile.hpp"
#include "registry/registry.hpp"

namespace prefero {
namespace {

using Committees = std::vector<std::vector<Cand>>;

CommitteeResult run_rule(const std::string& id, const Profile& p, int k, std::map<std::string, std::string> given = {}) {
  const MethodInfo& m = require_method(id);
  return m.committee(p, k, resolve_params(m.id, m.params, given));
}

// Voters expanded: one strict order each (candidate indices, best first).
std::vector<std::vector<Cand>> random_orders(std::mt19937& rng, int m, int n) {
  std::vector<std::vector<Cand>> v;
  for (int i = 0; i < n; ++i) {
    std::vector<Cand> o(static_cast<size_t>(m));
    for (Cand c = 0; c < m; ++c) o[static_cast<size_t>(c)] = c;
    std::shuffle(o.begin(), o.end(), rng);
    v.push_back(o);
  }
  return v;
}

Profile profile_of(const std::vector<std::vector<Cand>>& orders, int m) {
  ProfileBuilder b(Candidates::numbered(m), BallotKind::ranking);
  for (const auto& o : orders) {
    std::vector<std::vector<Cand>> tiers;
    for (Cand c : o) tiers.push_back({c});
    b.add_tiers(tiers, 1);
  }
  return b.finish();
}

int borda_utility(const std::vector<Cand>& order, Cand c) {
  const int m = static_cast<int>(order.size());
  for (int i = 0; i < m; ++i)
    if (order[static_cast<size_t>(i)] == c) return m - 1 - i;
  return 0;
}

void for_each_committee(int m, int k, const std::function<void(const std::vector<Cand>&)>& f) {
  std::vector<Cand> w;
  std::function<void(Cand)> rec = [&](Cand next) {
    if (static_cast<int>(w.size()) == k) return f(w);
    for (Cand c = next; c < m; ++c) {
      w.push_back(c);
      rec(c + 1);
      w.pop_back();
    }
  };
  rec(0);
}

Committees argmax_committees(int m, int k, const std::function<long(const std::vector<Cand>&)>& score) {
  long best = -1;
  Committees out;
  for_each_committee(m, k, [&](const std::vector<Cand>& w) {
    const long s = score(w);
    if (s > best) best = s, out.clear();
    if (s == best) out.push_back(w);
  });
  return out;
}

long monroe_value(const std::vector<std::vector<Cand>>& voters, const std::vector<Cand>& w) {
  const int n = static_cast<int>(voters.size());
  const int k = static_cast<int>(w.size());
  const int lo = n / k, hi = (n + k - 1) / k;
  std::vector<int> load(static_cast<size_t>(k), 0);
  long best = -1;
  std::function<void(int, long)> rec = [&](int i, long acc) {
    if (i == n) {
      for (int l : load)
        if (l < lo || l > hi) return;
      best = std::max(best, acc);
      return;
    }
    for (int j = 0; j < k; ++j) {
      if (load[static_cast<size_t>(j)] == hi) continue;
      ++load[static_cast<size_t>(j)];
      rec(i + 1, acc + borda_utility(voters[static_cast<size_t>(i)], w[static_cast<size_t>(j)]));
      --load[static_cast<size_t>(j)];
    }
  };
  rec(0, 0);
  return best;
}

TEST(CommitteeOrdinal, SeparableRulesMatchBruteForce) {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 30; ++trial) {
    const int m = 3 + trial % 4, n = 2 + trial % 5, k = 1 + trial % (m - 1);
    const auto voters = random_orders(rng, m, n);
    const Profile p = profile_of(voters, m);
    auto position_score = [&](const std::function<long(int pos)>& pts) {
      return [&, pts](const std::vector<Cand>& w) {
        long s = 0;
        for (const auto& o : voters)
          for (size_t i = 0; i < o.size(); ++i)
            if (std::count(w.begin(), w.end(), o[i])) s += pts(static_cast<int>(i));
        return s;
      };
    };
    EXPECT_EQ(run_rule("k_borda", p, k).committees, argmax_committees(m, k, position_score([&](int i) { return m - 1 - i; })));
    EXPECT_EQ(run_rule("sntv", p, k).committees, argmax_committees(m, k, position_score([](int i) { return i == 0; })));
    EXPECT_EQ(run_rule("bloc", p, k).committees, argmax_committees(m, k, position_score([k](int i) { return i < k; })));
    EXPECT_EQ(run_rule("k_borda", p, k, {{"algorithm", "ilp"}}).committees,
              argmax_committees(m, k, position_score([&](int i) { return m - 1 - i; })));
  }
}

TEST(CommitteeOrdinal, ChamberlinCourantMatchesBruteForce) {
  std::mt19937 rng(11);
  for (int trial = 0; trial < 25; ++trial) {
    const int m = 3 + trial % 4, n = 2 + trial % 6, k = 1 + trial % (m - 1);
    const auto voters = random_orders(rng, m, n);
    const Profile p = profile_of(voters, m);
    const auto expected = argmax_committees(m, k, [&](const std::vector<Cand>& w) {
      long s = 0;
      for (const auto& o : voters) {
        int best = 0;
        for (Cand c : w) best = std::max(best, borda_utility(o, c));
        s += best;
      }
      return s;
    });
    EXPECT_EQ(run_rule("chamberlin_courant_borda", p, k).committees, expected) << "trial " << trial;
    EXPECT_EQ(run_rule("chamberlin_courant_borda", p, k, {{"algorithm", "ilp"}}).committees, expected) << "trial " << trial;
    const auto one = run_rule("chamberlin_courant_borda", p, k, {{"algorithm", "ilp"}, {"resolute", "true"}});
    ASSERT_EQ(one.committees.size(), 1u);
    EXPECT_TRUE(std::count(expected.begin(), expected.end(), one.committees[0]));
  }
}

TEST(CommitteeOrdinal, MonroeMatchesBruteForce) {
  std::mt19937 rng(13);
  for (int trial = 0; trial < 15; ++trial) {
    const int m = 3 + trial % 3, n = 2 + trial % 5, k = 1 + trial % std::min(m - 1, n);
    const auto voters = random_orders(rng, m, n);
    const Profile p = profile_of(voters, m);
    const auto expected = argmax_committees(m, k, [&](const std::vector<Cand>& w) { return monroe_value(voters, w); });
    EXPECT_EQ(run_rule("monroe_borda", p, k).committees, expected) << "trial " << trial;
    EXPECT_EQ(run_rule("monroe_borda", p, k, {{"algorithm", "ilp"}}).committees, expected) << "trial " << trial;
  }
}

TEST(CommitteeOrdinal, HandExample) {
  // 3 voters a>b>c>d, 2 voters d>c>b>a. k=2. Borda: a 9+0=9, b 6+2=8, c 3+4=7, d 0+6=6 -> {a,b}.
  // CC: {a,d}: 3*3 + 2*3 = 15 is the maximum. SNTV: a (3), d (2).
  ProfileBuilder b(Candidates::numbered(4), BallotKind::ranking);
  b.add_tiers({{0}, {1}, {2}, {3}}, 3);
  b.add_tiers({{3}, {2}, {1}, {0}}, 2);
  const Profile p = b.finish();
  EXPECT_EQ(run_rule("k_borda", p, 2).committees, (Committees{{0, 1}}));
  EXPECT_EQ(run_rule("chamberlin_courant_borda", p, 2).committees, (Committees{{0, 3}}));
  EXPECT_EQ(run_rule("sntv", p, 2).committees, (Committees{{0, 3}}));
  EXPECT_EQ(run_rule("chamberlin_courant_borda", p, 2).explanation["score"], "15");
  // Bloc k=2: a 3, b 3, d 2, c 2 -> {a,b}.
  EXPECT_EQ(run_rule("bloc", p, 2).committees, (Committees{{0, 1}}));
}

TEST(CommitteeOrdinal, TiesGiveEveryCommittee) {
  ProfileBuilder b(Candidates::numbered(4), BallotKind::ranking);
  b.add_tiers({{0}, {1}, {2}, {3}}, 1);
  b.add_tiers({{1}, {0}, {3}, {2}}, 1);
  const Profile p = b.finish();
  // k_borda scores a 5, b 5, c 1, d 1: k=3 -> {a,b,c} and {a,b,d}.
  EXPECT_EQ(run_rule("k_borda", p, 3).committees, (Committees{{0, 1, 2}, {0, 1, 3}}));
  EXPECT_EQ(run_rule("k_borda", p, 3, {{"resolute", "true"}}).committees.size(), 1u);
}

TEST(CommitteeOrdinal, BadSize) {
  ProfileBuilder b(Candidates::numbered(3), BallotKind::ranking);
  b.add_tiers({{0}, {1}, {2}}, 1);
  const Profile p = b.finish();
  EXPECT_THROW(run_rule("k_borda", p, 4), InputError);
  EXPECT_THROW(run_rule("monroe_borda", p, 2), InputError);  // more seats than voters
}

}  // namespace
}  // namespace prefero
