#pragma once
// Copeland's head-to-head record, shared by Copeland, Llull and the Copeland tie-breaking rules.
#include <vector>

#include "core/pairwise.hpp"
#include "core/profile.hpp"
#include "core/result.hpp"

namespace prefero {

struct HeadToHead {
  int wins = 0;
  int losses = 0;
  int ties = 0;
};

// Record of every candidate (indexed by Cand) against the others of `cands`.
std::vector<HeadToHead> head_to_head(const PairwiseMatrix& support, const CandidateSet& cands);
// The Copeland winners: most wins minus losses among `cands`.
CandidateSet copeland_winners(const PairwiseMatrix& support, const CandidateSet& cands);
// {"<id>": {"wins": w, "losses": l, "ties": t}} for the candidates of `cands`.
json head_to_head_json(const Profile& p, const CandidateSet& cands, const std::vector<HeadToHead>& record);

}  // namespace prefero
