#pragma once
// The machinery shared by iterative elimination rules (instant runoff, Coombs, Baldwin, Nanson,
// Benham, Tideman's alternative, ...): one round is a function of the remaining candidates that
// either stops with winners or names the candidates tied for elimination; the driver runs the
// rounds under the `elimination_ties` parameter:
//   simultaneous  every tied loser goes at once (pref_voting's plain rules); when every candidate
//                 in the round's field is tied, they all win
//   fixed         one tied loser goes: the one listed FIRST in tie_break_order (default: lowest
//                 id), exactly as pref_voting's *_tb rules pick the candidate to remove
//   put           parallel-universe tie-breaking: a candidate wins if it wins after removing some
//                 tied loser (pref_voting's *_put), memoized on the remaining candidate set
#include <functional>
#include <string>
#include <vector>

#include "core/profile.hpp"
#include "core/rational.hpp"
#include "core/result.hpp"
#include "registry/params.hpp"

namespace prefero {

enum class EliminationTies { simultaneous, put, fixed };

// The `elimination_ties` parameter offering `choices` (first one is the default).
ParamSpec elimination_ties_param(const std::vector<std::string>& choices = {"simultaneous", "put", "fixed"});
EliminationTies elimination_ties_of(const Params& params);

// One round of an elimination rule on the remaining candidates.
struct EliminationStep {
  std::vector<Cand> winners;  // nonempty: the rule stops here with these winners
  std::vector<Cand> field;    // candidates the round ranks (empty = all remaining)
  std::vector<Cand> losers;   // candidates of the field tied for elimination
  json scores = json::object();  // the round's scores, for the explanation
  std::string reason;         // why the rule stopped (when it did)
};
using EliminationRound = std::function<EliminationStep(const CandidateSet& remaining)>;

// Runs an elimination rule from `cands`. The explanation holds the rounds (simultaneous, fixed)
// or every visited candidate set with its winners (put). One remaining candidate always wins.
ElectionResult run_elimination(const Profile& p, const CandidateSet& cands, const EliminationRound& round,
                               EliminationTies ties, const std::vector<Cand>& tie_break_order);

// Borda score of c among `cands` from pairwise support: sum over d of support(c, d). For strict
// complete rankings this is the number of candidates ranked below c (the classical Borda count);
// truncated ballots count as the `unranked` setting of the support matrix says.
int64_t pairwise_borda(const PairwiseMatrix& s, const CandidateSet& cands, Cand c);

// Total weight of ballots ranking at least one candidate of `cands` (not exhausted).
int64_t active_ballots(const Profile& p, const CandidateSet& cands);

// Scores as JSON: Rationals as "p/q" text, integers as numbers.
json rational_scores_json(const Profile& p, const CandidateSet& cands, const std::vector<Rational>& score);

// Sorted union of two candidate lists.
std::vector<Cand> union_of(std::vector<Cand> a, const std::vector<Cand>& b);

}  // namespace prefero
