// Property tests (RapidCheck) of the scoring, Bucklin and grade rules against oracles written
// here straight from the definitions, on random small profiles with ties and truncation.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "core/profile.hpp"
#include "registry/registry.hpp"

namespace prefero {
namespace {

// A random profile: up to 5 candidates, up to 6 ballot groups; levels in [-1, m-1] (-1 = unranked)
// unless `strict` (then a random permutation, every candidate ranked).
Profile draw_profile(bool strict) {
  const int m = *rc::gen::inRange(1, 6);
  ProfileBuilder b(Candidates::numbered(m), BallotKind::ranking);
  const int groups = *rc::gen::inRange(1, 7);
  for (int i = 0; i < groups; ++i) {
    std::vector<int32_t> lv(static_cast<size_t>(m));
    if (strict) {
      for (int c = 0; c < m; ++c) lv[c] = c;
      for (int c = m - 1; c > 0; --c) std::swap(lv[c], lv[*rc::gen::inRange(0, c + 1)]);
    } else {
      for (int c = 0; c < m; ++c) lv[c] = *rc::gen::inRange(-1, m);
    }
    b.add_levels(lv, *rc::gen::inRange(1, 5));
  }
  return b.finish();
}

std::map<std::string, std::string> explanation_scores(const ElectOutcome& out, const char* key) {
  std::map<std::string, std::string> s;
  for (const auto& [id, v] : out.result.explanation[key].items()) s[id] = v.get<std::string>();
  return s;
}

// Level with unranked candidates below every ranked one (the "extended" order).
int64_t extended(int32_t level) { return level == kUnranked ? INT32_MAX : level; }

RC_GTEST_PROP(ScoringProperties, PositionalBordaIsPairwiseWinsPlusHalfTies, ()) {
  // oracle: each ballot gives c one point per candidate below it and half a point per candidate
  // tied with it (unranked candidates tied below the ranked ones).
  Profile p = draw_profile(false);
  const int m = p.num_candidates();
  std::vector<Rational> oracle(static_cast<size_t>(m));
  for (size_t b = 0; b < p.num_ballots(); ++b)
    for (Cand c = 0; c < m; ++c)
      for (Cand d = 0; d < m; ++d) {
        if (d == c) continue;
        int64_t lc = extended(p.ballot(b)[c]), ld = extended(p.ballot(b)[d]);
        if (lc < ld) oracle[c] += p.counts[b];
        if (lc == ld) oracle[c] += Rational(p.counts[b]) / 2;
      }
  auto got = explanation_scores(run_elect(require_method("borda"), p, {}), "borda_scores");
  for (Cand c = 0; c < m; ++c) RC_ASSERT(got[std::to_string(p.id(c))] == oracle[c].get_str());
}

RC_GTEST_PROP(ScoringProperties, SymmetricBordaIsTiedLastMarginSumWithPositionalWinners, ()) {
  Profile p = draw_profile(false);
  const int m = p.num_candidates();
  auto sym = run_elect(require_method("borda"), p, {{"borda_variant", "symmetric"}});
  auto got = explanation_scores(sym, "borda_scores");
  for (Cand c = 0; c < m; ++c) {
    int64_t margin_sum = 0;
    for (Cand d = 0; d < m; ++d) margin_sum += p.support_tied_last.margin(c, d);
    RC_ASSERT(got[std::to_string(p.id(c))] == std::to_string(margin_sum));
  }
  RC_ASSERT(sym.result.winners == run_elect(require_method("borda"), p, {}).result.winners);
}

RC_GTEST_PROP(ScoringProperties, FixedVectorsOnStrictBallots, ()) {
  // Dowdall 1/k, positive-negative +1/-1, anti-plurality -1 for last, Borda m-k: by position.
  Profile p = draw_profile(true);
  const int m = p.num_candidates();
  std::vector<Rational> dowdall(static_cast<size_t>(m)), posneg(static_cast<size_t>(m)), veto(static_cast<size_t>(m));
  for (size_t b = 0; b < p.num_ballots(); ++b)
    for (Cand c = 0; c < m; ++c) {
      const int pos = p.ballot(b)[c] + 1;
      dowdall[c] += Rational(p.counts[b]) / pos;
      posneg[c] += pos == 1 ? p.counts[b] : (pos == m ? -p.counts[b] : 0);
      veto[c] += pos == m ? p.counts[b] : 0;
    }
  auto d = explanation_scores(run_elect(require_method("dowdall"), p, {}), "dowdall_scores");
  auto pn = explanation_scores(run_elect(require_method("positive_negative_voting"), p, {}), "positive_negative_scores");
  auto ap = explanation_scores(run_elect(require_method("anti_plurality"), p, {}), "last_place_scores");
  for (Cand c = 0; c < m; ++c) {
    const std::string id = std::to_string(p.id(c));
    RC_ASSERT(d[id] == dowdall[c].get_str());
    RC_ASSERT(pn[id] == posneg[c].get_str());
    RC_ASSERT(ap[id] == veto[c].get_str());
  }
}

RC_GTEST_PROP(ScoringProperties, BucklinMatchesTheDefinitionOnStrictBallots, ()) {
  // oracle: smallest k where some candidate is in the top k of a strict majority; the winners
  // have the most top-k places (Bucklin) / every majority candidate wins (Simplified Bucklin).
  Profile p = draw_profile(true);
  const int m = p.num_candidates();
  const int64_t majority = p.num_voters / 2 + 1;
  for (int k = 1; k <= m; ++k) {
    std::vector<int64_t> top(static_cast<size_t>(m));
    for (size_t b = 0; b < p.num_ballots(); ++b)
      for (Cand c = 0; c < m; ++c)
        if (p.ballot(b)[c] < k) top[c] += p.counts[b];
    const int64_t best = *std::max_element(top.begin(), top.end());
    if (best < majority) continue;
    std::vector<Cand> most, over;
    for (Cand c = 0; c < m; ++c) {
      if (top[c] == best) most.push_back(c);
      if (top[c] >= majority) over.push_back(c);
    }
    RC_ASSERT(run_elect(require_method("bucklin"), p, {}).result.winners == most);
    RC_ASSERT(run_elect(require_method("simplified_bucklin"), p, {}).result.winners == over);
    return;
  }
  RC_FAIL("on complete ballots every candidate has a majority by round m");
}

RC_GTEST_PROP(ScoringProperties, RandomDictatorLotteryIsADistribution, ()) {
  Profile p = draw_profile(false);
  auto out = run_elect(require_method("random_dictator"), p, {});
  Rational total;
  for (const auto& [c, q] : out.result.lottery) {
    RC_ASSERT(q > 0);
    total += q;
  }
  RC_ASSERT(total == 1);
}

// Majority judgement: the winner under majority_value equals the oracle that literally deletes
// one majority grade at a time from each tied candidate's multiset (Balinski & Laraki).
RC_GTEST_PROP(ScoringProperties, MajorityValueMatchesRepeatedMedianRemoval, ()) {
  const int m = *rc::gen::inRange(1, 4);
  const int voters = *rc::gen::inRange(1, 8);
  std::vector<std::vector<int64_t>> grades(static_cast<size_t>(m));
  ProfileBuilder b(Candidates::numbered(m), BallotKind::scores);
  for (int v = 0; v < voters; ++v) {
    std::vector<int64_t> g(static_cast<size_t>(m));
    const int count = *rc::gen::inRange(1, 4);
    for (int c = 0; c < m; ++c) {
      g[c] = *rc::gen::inRange(0, 4);
      grades[c].insert(grades[c].end(), static_cast<size_t>(count), g[c]);
    }
    b.add_grades(g, count);
  }
  Profile p = b.finish();
  std::vector<Cand> alive;
  for (Cand c = 0; c < m; ++c) {
    alive.push_back(c);
    std::sort(grades[c].begin(), grades[c].end());
  }
  while (alive.size() > 1 && !grades[alive[0]].empty()) {
    auto median = [&](Cand c) { return grades[c][(grades[c].size() - 1) / 2]; };
    int64_t best = -1;
    for (Cand c : alive) best = std::max(best, median(c));
    std::vector<Cand> next;
    for (Cand c : alive)
      if (median(c) == best) next.push_back(c);
    for (Cand c : next) grades[c].erase(grades[c].begin() + static_cast<long>((grades[c].size() - 1) / 2));
    alive = next;
  }
  RC_ASSERT(run_elect(require_method("majority_judgement"), p, {}).result.winners == alive);
}

}  // namespace
}  // namespace prefero
