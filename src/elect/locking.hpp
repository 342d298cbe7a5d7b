#pragma once
// Locking pairs in order of strength, as Ranked Pairs and River do: the weak margin graph's
// edges (majority wins and ties) grouped by strength, a fixed-order locking pass, and the
// union of winners over every order of equal-strength pairs (memoized search).
#include <cstdint>
#include <vector>

#include "elect/margin_graph.hpp"

namespace prefero {

enum class LockRule {
  ranked_pairs,  // skip a pair that would close a cycle (T. N. Tideman 1987)
  river,         // also skip a pair whose loser is already beaten by a locked pair (J. Heitzig 2004)
};

struct LockPair {
  size_t a = 0, b = 0;  // indices into the candidate set
  Strength s;
};

// Pairs (a, b) with a beating or tying b, grouped by strength, strongest group first.
std::vector<std::vector<LockPair>> pair_groups(const PairwiseMatrix& support, StrengthKind kind, const CandidateSet& cands);

struct LockOutcome {
  std::vector<size_t> winners;  // indices of the unbeaten candidates
  std::vector<LockPair> locked;
  std::vector<LockPair> skipped;
};

// Locks the pairs in this exact order. Stops early (the winner is settled) when only one
// candidate is unbeaten and `complete` is false.
LockOutcome lock_in_order(size_t n, const std::vector<LockPair>& order, LockRule rule, bool complete);

struct LockSearch {
  std::vector<size_t> winners;  // union over all orders, ascending
  size_t states = 0;            // distinct partial outcomes explored
};

// Union of winners over every order of the pairs inside each strength group. Throws InputError
// when more than `max_states` partial outcomes would have to be explored.
LockSearch lock_all_orders(size_t n, const std::vector<std::vector<LockPair>>& groups, LockRule rule, size_t max_states);

}  // namespace prefero

#include "core/result.hpp"
#include "registry/params.hpp"

namespace prefero {

// The `pair_ties` parameter of ranked_pairs and river.
ParamSpec pair_ties_param();
// Runs Ranked Pairs or River on `cands` with the rule's params (unranked, strength, pair_ties,
// tie_break_order) and explains the locking.
ElectionResult elect_by_locking(const Profile& p, const CandidateSet& cands, const Params& params, LockRule rule);

}  // namespace prefero
