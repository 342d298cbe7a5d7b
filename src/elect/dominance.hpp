#pragma once
// Dominating sets of the majority graph restricted to a candidate set, shared by the rules
// built on them (Smith-IRV, Tideman's alternative, Smith-Minimax, ...).
#include <optional>

#include "core/pairwise.hpp"

namespace prefero {

// The candidate beating every other one head to head, if any.
std::optional<Cand> condorcet_winner(const PairwiseMatrix& support, const CandidateSet& cands);
// Candidates beating or tying every other one head to head.
std::vector<Cand> weak_condorcet_winners(const PairwiseMatrix& support, const CandidateSet& cands);
// The candidate losing to every other one head to head, if any.
std::optional<Cand> condorcet_loser(const PairwiseMatrix& support, const CandidateSet& cands);
// Smith set (top cycle): the smallest nonempty set whose members beat every outsider
// (J. H. Smith, "Aggregation of preferences with variable electorate", Econometrica 1973).
CandidateSet smith_set(const PairwiseMatrix& support, const CandidateSet& cands);
// Schwartz set (GOCHA): union of the minimal sets no outsider beats
// (T. Schwartz, "The Logic of Collective Choice", 1986).
CandidateSet schwartz_set(const PairwiseMatrix& support, const CandidateSet& cands);

}  // namespace prefero
