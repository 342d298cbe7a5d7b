// Parallel-universe tie-breaking (elimination_ties=put) against its definition by brute force:
// the union, over every order of the candidates used as a fixed tie-break order, of the winners
// with elimination_ties=fixed (pref_voting's original *_put: a loop over all permutations).
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include "core/profile.hpp"
#include "registry/registry.hpp"

namespace prefero {
namespace {

// A random profile of 1-5 candidates and 1-7 voters; ballots may be truncated or tied when
// `strict` is false. Few voters make ties for elimination frequent.
Profile random_profile(bool strict) {
  const int m = *rc::gen::inRange(1, 6);
  const int voters = *rc::gen::inRange(1, 8);
  ProfileBuilder b(Candidates::numbered(m), BallotKind::ranking);
  for (int v = 0; v < voters; ++v) {
    std::vector<int32_t> levels(static_cast<size_t>(m));
    if (strict) {
      std::iota(levels.begin(), levels.end(), 0);
      auto keys = *rc::gen::container<std::vector<int>>(static_cast<size_t>(m), rc::gen::inRange(0, 1000));
      std::vector<size_t> idx(static_cast<size_t>(m));
      std::iota(idx.begin(), idx.end(), 0);
      std::stable_sort(idx.begin(), idx.end(), [&](size_t x, size_t y) { return keys[x] < keys[y]; });
      for (size_t r = 0; r < idx.size(); ++r) levels[idx[r]] = static_cast<int32_t>(r);
    } else {
      for (auto& l : levels) l = *rc::gen::inRange(-1, m);  // -1 = unranked
    }
    b.add_levels(levels, 1);
  }
  return b.finish();
}

// Union of the fixed-tie-break winners over all m! tie-break orders.
std::vector<Cand> union_over_orders(const MethodInfo& rule, const Profile& p) {
  std::vector<Cand> order(static_cast<size_t>(p.num_candidates()));
  std::iota(order.begin(), order.end(), 0);
  std::vector<Cand> all;
  do {
    std::string spec;
    for (Cand c : order) spec += (spec.empty() ? "" : ",") + std::to_string(p.id(c));
    auto w = run_elect(rule, p, {{"elimination_ties", "fixed"}, {"tie_break_order", spec}}).result.winners;
    all.insert(all.end(), w.begin(), w.end());
  } while (std::next_permutation(order.begin(), order.end()));
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  return all;
}

void check_put(const char* id, bool strict) {
  const MethodInfo& rule = require_method(id);
  Profile p = random_profile(strict);
  auto put = run_elect(rule, p, {{"elimination_ties", "put"}}).result.winners;
  RC_ASSERT(put == union_over_orders(rule, p));
}

}  // namespace

RC_GTEST_PROP(EliminationPut, InstantRunoffIsTheUnionOverAllTieBreakOrders, ()) { check_put("instant_runoff", true); }
RC_GTEST_PROP(EliminationPut, CoombsIsTheUnionOverAllTieBreakOrders, ()) { check_put("coombs", true); }
RC_GTEST_PROP(EliminationPut, BaldwinIsTheUnionOverAllTieBreakOrders, ()) { check_put("baldwin", true); }
RC_GTEST_PROP(EliminationPut, BenhamIsTheUnionOverAllTieBreakOrders, ()) { check_put("benham", true); }
RC_GTEST_PROP(EliminationPut, TruncatedAndTiedBallotsToo, ()) {
  for (const char* id : {"instant_runoff", "coombs", "baldwin", "benham"}) check_put(id, false);
}

}  // namespace prefero
