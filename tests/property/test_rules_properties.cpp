// Property tests of the single-winner rules on random small profiles (RapidCheck):
//  (a) Condorcet consistency of the rules that claim it,
//  (b) independence from the order in which ballots are given (for every registered rule),
//  (c) brute-force oracles written here from the definitions (Copeland, Borda, Condorcet winner,
//      Smith set by enumerating subsets, Kemeny-Young by enumerating rankings, Minimax),
//      compared with the registered rule and the core helpers.
// Rules not registered (yet) are skipped. Each property runs a bounded number of cases.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/profile.hpp"
#include "elect/dominance.hpp"
#include "registry/registry.hpp"

namespace prefero {
namespace {

using Tiers = std::vector<std::vector<Cand>>;
struct Ballots {
  int n = 0;
  std::vector<std::pair<Tiers, int64_t>> list;  // ballot, count
};

std::string show(const Ballots& b) {
  std::ostringstream s;
  s << b.n << " candidates (0-based):";
  for (const auto& [tiers, count] : b.list) {
    s << "\n  " << count << " x ";
    for (size_t t = 0; t < tiers.size(); ++t) {
      s << (t ? " > " : "");
      for (size_t i = 0; i < tiers[t].size(); ++i) s << (i ? "=" : "") << tiers[t][i];
    }
    if (tiers.empty()) s << "(empty)";
  }
  return s.str();
}

// Draws a random profile inside a property: up to `max_n` candidates and `max_ballots` ballots.
// strict = complete linear orders; otherwise ballots may have ties and be truncated.
Ballots draw_ballots(int max_n, int max_ballots, bool strict) {
  Ballots b;
  b.n = *rc::gen::inRange(1, max_n + 1);
  int k = *rc::gen::inRange(1, max_ballots + 1);
  for (int i = 0; i < k; ++i) {
    auto keys = *rc::gen::container<std::vector<int>>(static_cast<size_t>(b.n), rc::gen::inRange(0, 1000));
    std::vector<Cand> order(static_cast<size_t>(b.n));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](Cand x, Cand y) { return keys[x] < keys[y]; });
    size_t ranked = strict ? order.size() : static_cast<size_t>(*rc::gen::inRange(0, b.n + 1));
    Tiers tiers;
    for (size_t j = 0; j < ranked; ++j) {
      bool tie_with_previous = !strict && j > 0 && *rc::gen::inRange(0, 3) == 0;
      if (tie_with_previous)
        tiers.back().push_back(order[j]);
      else
        tiers.push_back({order[j]});
    }
    for (auto& t : tiers) std::sort(t.begin(), t.end());
    b.list.emplace_back(tiers, *rc::gen::inRange(1, 4));
  }
  return b;
}

Profile build(const Ballots& b) {
  ProfileBuilder builder(Candidates::numbered(b.n), BallotKind::ranking);
  for (const auto& [tiers, count] : b.list) builder.add_tiers(tiers, count);
  return builder.finish();
}

// Same ballots in a random order, each voter added one by one.
Profile build_shuffled(const Ballots& b) {
  std::vector<const Tiers*> voters;
  for (const auto& [tiers, count] : b.list)
    for (int64_t i = 0; i < count; ++i) voters.push_back(&tiers);
  auto keys = *rc::gen::container<std::vector<int>>(voters.size(), rc::gen::inRange(0, 1 << 20));
  std::vector<size_t> idx(voters.size());
  std::iota(idx.begin(), idx.end(), 0);
  std::stable_sort(idx.begin(), idx.end(), [&](size_t x, size_t y) { return keys[x] < keys[y]; });
  ProfileBuilder builder(Candidates::numbered(b.n), BallotKind::ranking);
  for (size_t i : idx) builder.add_tiers(*voters[i], 1);
  return builder.finish();
}

// Winners (and lottery) of a registered rule as text, or the InputError it raised.
std::string outcome_text(const MethodInfo& m, const Profile& p, const std::map<std::string, std::string>& params = {}) {
  std::ostringstream s;
  try {
    auto out = run_elect(m, p, params);
    s << "winners";
    for (Cand w : out.result.winners) s << " " << w;
    for (const auto& [c, q] : out.result.lottery) s << " p(" << c << ")=" << q.get_str();
  } catch (const InputError&) {
    s << "InputError";  // the message may name the first offending ballot, which depends on the order
  }
  return s.str();
}

std::vector<Cand> winners_of(const MethodInfo& m, const Profile& p, const std::map<std::string, std::string>& params = {}) {
  return run_elect(m, p, params).result.winners;
}

// Runs `testable` for `cases` random cases (instead of RapidCheck's default 100).
template <class Testable>
void check_cases(int cases, Testable&& testable) {
  rc::detail::TestParams params = rc::detail::configuration().testParams;
  params.maxSuccess = cases;
  rc::detail::TestMetadata meta;
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  meta.id = std::string(info->test_suite_name()) + "/" + info->name();
  meta.description = info->name();
  int runs = 0;
  auto counted = [&] {
    ++runs;
    testable();
  };
  auto result = rc::detail::checkTestable(counted, meta, params);
  if (!result.template is<rc::detail::SuccessResult>()) {
    std::ostringstream ss;
    rc::detail::printResultMessage(result, ss);
    FAIL() << ss.str();
  }
  EXPECT_GE(runs, cases) << "the property ran on fewer cases than asked";
}

// ---------------------------------------------------------------------------------------------
// Brute-force oracles, straight from the definitions (pairwise counts: a voter prefers a to b
// only if she ranked both, pref_voting's default).

int64_t support(const Ballots& b, Cand x, Cand y) {
  int64_t s = 0;
  for (const auto& [tiers, count] : b.list) {
    int lx = -1, ly = -1;
    for (size_t t = 0; t < tiers.size(); ++t)
      for (Cand c : tiers[t]) {
        if (c == x) lx = static_cast<int>(t);
        if (c == y) ly = static_cast<int>(t);
      }
    if (lx >= 0 && ly >= 0 && lx < ly) s += count;
  }
  return s;
}

struct Oracle {
  int n;
  std::vector<std::vector<int64_t>> s;  // s[x][y] = support
  explicit Oracle(const Ballots& b) : n(b.n), s(static_cast<size_t>(b.n), std::vector<int64_t>(static_cast<size_t>(b.n))) {
    for (Cand x = 0; x < n; ++x)
      for (Cand y = 0; y < n; ++y)
        if (x != y) s[x][y] = support(b, x, y);
  }
  int64_t margin(Cand x, Cand y) const { return s[x][y] - s[y][x]; }
  bool beats(Cand x, Cand y) const { return margin(x, y) > 0; }

  std::vector<Cand> condorcet_winner() const {
    for (Cand x = 0; x < n; ++x) {
      bool all = true;
      for (Cand y = 0; y < n; ++y)
        if (y != x && !beats(x, y)) all = false;
      if (all) return {x};
    }
    return {};
  }
  // Copeland: wins minus losses; every top scorer.
  std::vector<Cand> copeland() const {
    return top([&](Cand x) {
      int64_t sc = 0;
      for (Cand y = 0; y < n; ++y) sc += beats(x, y) - beats(y, x);
      return sc;
    });
  }
  // Minimax (pref_voting): the smallest largest margin of defeat (0 when undefeated).
  std::vector<Cand> minimax() const {
    return top([&](Cand x) {
      int64_t worst = 0;
      for (Cand y = 0; y < n; ++y)
        if (y != x) worst = std::max(worst, margin(y, x));
      return -worst;
    });
  }
  // Smith set: the smallest nonempty set whose every member beats every outsider, found by
  // enumerating all subsets.
  std::vector<Cand> smith_set() const {
    std::vector<Cand> best;
    for (unsigned mask = 1; mask < (1u << n); ++mask) {
      bool dominant = true;
      for (Cand x = 0; x < n && dominant; ++x)
        for (Cand y = 0; y < n && dominant; ++y)
          if ((mask >> x & 1) && !(mask >> y & 1) && !beats(x, y)) dominant = false;
      if (!dominant) continue;
      std::vector<Cand> set;
      for (Cand x = 0; x < n; ++x)
        if (mask >> x & 1) set.push_back(x);
      if (best.empty() || set.size() < best.size()) best = set;
    }
    return best;
  }
  // Kemeny-Young: tops of the rankings maximizing the total support agreeing with them, found by
  // enumerating all n! rankings.
  std::vector<Cand> kemeny_young() const {
    std::vector<Cand> r(static_cast<size_t>(n));
    std::iota(r.begin(), r.end(), 0);
    int64_t best = -1;
    std::vector<char> top_of_best(static_cast<size_t>(n), 0);
    do {
      int64_t score = 0;
      for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j) score += s[r[i]][r[j]];
      if (score > best) best = score, std::fill(top_of_best.begin(), top_of_best.end(), 0);
      if (score == best) top_of_best[r[0]] = 1;
    } while (std::next_permutation(r.begin(), r.end()));
    std::vector<Cand> w;
    for (Cand x = 0; x < n; ++x)
      if (top_of_best[x]) w.push_back(x);
    return w;
  }
  template <class Score>
  std::vector<Cand> top(Score score) const {
    std::vector<Cand> w;
    int64_t best = 0;
    for (Cand x = 0; x < n; ++x) {
      int64_t v = score(x);
      if (w.empty() || v > best) w = {x}, best = v;
      else if (v == best) w.push_back(x);
    }
    return w;
  }
};

// Borda on complete strict ballots: m-1 points for first place, ..., 0 for last.
std::vector<Cand> borda_oracle(const Ballots& b) {
  std::vector<int64_t> score(static_cast<size_t>(b.n), 0);
  for (const auto& [tiers, count] : b.list)
    for (size_t t = 0; t < tiers.size(); ++t) score[tiers[t][0]] += count * static_cast<int64_t>(b.n - 1 - t);
  Oracle o(b);
  return o.top([&](Cand x) { return score[x]; });
}

// ---------------------------------------------------------------------------------------------
// (a) Condorcet consistency.

// Rules electing the Condorcet winner (of the pairwise counts with unranked = incomparable)
// whenever there is one, for any ballots (their definitions use only the pairwise counts).
const std::vector<std::string> kCondorcetAnyBallots = {
    "condorcet", "copeland", "llull", "minimax", "leximax", "beat_path", "ranked_pairs", "river", "split_cycle",
    "stable_voting", "simple_stable_voting", "top_cycle", "gocha", "uc_gill", "uc_fish", "uc_bordes",
    "uc_mckelvey", "banks", "slater", "weak_condorcet", "kemeny_young", "raynaud", "loss_trimmer",
    "smith_minimax", "copeland_global_minimax", "simplified_dodgson", "most_wins_smallest_loss",
};
// Not listed although pref_voting's property table says "Condorcet winner: true":
// preliminary_weighted_condorcet (its pair weights are products of plurality scores, so a Condorcet
// winner with no first places weighs nothing: 1 voter "0 > 1" elects {0, 1}), weighted_covering
// (the Condorcet winner need not weighted-cover everyone: 2 x 0>3>4>1>2, 1 x 2>3>1>0>4 has
// Condorcet winner 0, but 3 is uncovered since margin(3,1) = 3 > margin(0,1) = 1 and only 0 beats 3).
// Rules that are Condorcet-consistent on complete strict ballots (their definitions also use
// plurality, Borda or elimination counts).
const std::vector<std::string> kCondorcetStrict = {
    "blacks", "daunou", "condorcet_irv", "condorcet_plurality", "smith_irv", "benham", "woodall", "baldwin",
    "strict_nanson", "weak_nanson", "tideman_alternative_smith", "tideman_alternative_schwartz",
    "bottom_two_runoff_instant_runoff", "copeland_local_borda", "copeland_global_borda", "dodgson",
    "borda_minimax_faceoff",
};

void check_condorcet_consistency(const std::vector<std::string>& ids, bool strict) {
  check_cases(60, [&] {
    Ballots b = draw_ballots(6, 7, strict);
    Oracle o(b);
    auto cw = o.condorcet_winner();
    RC_PRE(!cw.empty());
    Profile p = build(b);
    for (const auto& id : ids) {
      const MethodInfo* m = find_method(id);
      if (!m || !m->elect) continue;
      auto w = winners_of(*m, p);
      if (!(w == cw)) RC_FAIL(id + " misses the Condorcet winner " + std::to_string(cw[0]) + " in\n" + show(b));
    }
  });
}

TEST(RuleProperties, CondorcetConsistentRulesElectTheCondorcetWinner) {
  check_condorcet_consistency(kCondorcetAnyBallots, false);
}

TEST(RuleProperties, CondorcetConsistentRulesOnStrictBallots) {
  check_condorcet_consistency(kCondorcetAnyBallots, true);
  check_condorcet_consistency(kCondorcetStrict, true);
}

// ---------------------------------------------------------------------------------------------
// (b) Anonymity in the implementation: ballot order and merging do not matter.

std::vector<const MethodInfo*> ranking_rules() {
  std::vector<const MethodInfo*> rules;
  for (const auto& m : methods())
    if (m.family == "elect" && m.elect && m.input == "ranking") rules.push_back(&m);
  return rules;
}

TEST(RuleProperties, WinnersDoNotDependOnBallotOrder) {
  auto rules = ranking_rules();
  ASSERT_FALSE(rules.empty());
  for (bool strict : {true, false}) {
    check_cases(40, [&] {
      Ballots b = draw_ballots(5, 6, strict);
      Profile p = build(b);
      Profile q = build_shuffled(b);
      for (const MethodInfo* m : rules) {
        std::string a = outcome_text(*m, p), c = outcome_text(*m, q);
        if (!(a == c)) RC_FAIL(m->id + ": " + a + " vs shuffled " + c + " for\n" + show(b));
      }
    });
  }
}

// ---------------------------------------------------------------------------------------------
// (c) Brute-force oracles.

TEST(RuleProperties, CoreDominanceMatchesOracles) {
  check_cases(150, [] {
    Ballots b = draw_ballots(7, 7, false);
    Oracle o(b);
    Profile p = build(b);
    CandidateSet all = all_candidates(b.n);
    auto cw = condorcet_winner(p.support_ranked, all);
    RC_ASSERT((cw ? std::vector<Cand>{*cw} : std::vector<Cand>{}) == o.condorcet_winner());
    if (smith_set(p.support_ranked, all) != o.smith_set()) RC_FAIL("smith_set for\n" + show(b));
  });
}

// Compares a registered rule (if any) with an oracle on random profiles.
void check_rule_against(const std::string& id, bool strict, int max_n,
                        const std::function<std::vector<Cand>(const Ballots&)>& oracle, int cases = 80) {
  const MethodInfo* m = find_method(id);
  if (!m || !m->elect) {
    std::cout << "[  SKIPPED ] rule '" << id << "' is not registered\n";
    return;
  }
  check_cases(cases, [&] {
    Ballots b = draw_ballots(max_n, 7, strict);
    auto expected = oracle(b);
    auto got = winners_of(*m, build(b));
    std::ostringstream msg;
    msg << id << ": expected";
    for (Cand c : expected) msg << " " << c;
    msg << ", got";
    for (Cand c : got) msg << " " << c;
    if (!(got == expected)) RC_FAIL(msg.str() + " for\n" + show(b));
  });
}

TEST(RuleProperties, CopelandMatchesOracle) {
  check_rule_against("copeland", false, 7, [](const Ballots& b) { return Oracle(b).copeland(); });
}

TEST(RuleProperties, BordaMatchesOracleOnStrictBallots) {
  check_rule_against("borda", true, 7, borda_oracle);
}

TEST(RuleProperties, CondorcetMatchesOracle) {
  check_rule_against("condorcet", false, 7, [](const Ballots& b) {
    auto cw = Oracle(b).condorcet_winner();
    if (cw.empty()) {
      cw.resize(static_cast<size_t>(b.n));
      std::iota(cw.begin(), cw.end(), 0);
    }
    return cw;
  });
}

TEST(RuleProperties, TopCycleMatchesSubsetEnumeration) {
  check_rule_against("top_cycle", false, 7, [](const Ballots& b) { return Oracle(b).smith_set(); });
}

TEST(RuleProperties, MinimaxMatchesOracle) {
  check_rule_against("minimax", false, 7, [](const Ballots& b) { return Oracle(b).minimax(); });
}

TEST(RuleProperties, KemenyYoungMatchesRankingEnumeration) {
  check_rule_against("kemeny_young", true, 7, [](const Ballots& b) { return Oracle(b).kemeny_young(); }, 40);
  check_rule_against("kemeny_young", false, 6, [](const Ballots& b) { return Oracle(b).kemeny_young(); }, 40);
}

// The oracles themselves, on hand-worked examples (so that a wrong oracle cannot pass unnoticed).
TEST(RuleProperties, OraclesOnHandWorkedExamples) {
  // Condorcet cycle 0 > 1 > 2 > 0 (3 voters) plus a 4th candidate 3 ranked last by all.
  Ballots cyc{4, {{{{0}, {1}, {2}, {3}}, 1}, {{{1}, {2}, {0}, {3}}, 1}, {{{2}, {0}, {1}, {3}}, 1}}};
  Oracle o(cyc);
  EXPECT_TRUE(o.condorcet_winner().empty());
  EXPECT_EQ(o.smith_set(), (std::vector<Cand>{0, 1, 2}));
  EXPECT_EQ(o.copeland(), (std::vector<Cand>{0, 1, 2}));
  EXPECT_EQ(o.kemeny_young(), (std::vector<Cand>{0, 1, 2}));
  EXPECT_EQ(borda_oracle(cyc), (std::vector<Cand>{0, 1, 2}));
  // Wikipedia "Tennessee" example (42 Memphis, 26 Nashville, 15 Chattanooga, 17 Knoxville):
  // 0 = Memphis, 1 = Nashville, 2 = Chattanooga, 3 = Knoxville. Nashville is the Condorcet
  // winner and the Kemeny-Young, Copeland and Minimax winner; Borda elects Nashville too.
  Ballots tn{4,
             {{{{0}, {1}, {2}, {3}}, 42}, {{{1}, {2}, {3}, {0}}, 26}, {{{2}, {3}, {1}, {0}}, 15}, {{{3}, {2}, {1}, {0}}, 17}}};
  Oracle t(tn);
  EXPECT_EQ(t.condorcet_winner(), std::vector<Cand>{1});
  EXPECT_EQ(t.smith_set(), std::vector<Cand>{1});
  EXPECT_EQ(t.copeland(), std::vector<Cand>{1});
  EXPECT_EQ(t.minimax(), std::vector<Cand>{1});
  EXPECT_EQ(t.kemeny_young(), std::vector<Cand>{1});
  EXPECT_EQ(borda_oracle(tn), std::vector<Cand>{1});
  EXPECT_EQ(t.margin(1, 0), 16);  // 58 - 42
}

}  // namespace
}  // namespace prefero
