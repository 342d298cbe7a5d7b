#pragma once
// Phragmén's sequential rule as a completion engine (also used by the Method of Equal Shares to
// fill its remaining seats from the voters' leftover budgets).
#include <vector>

#include "committee/approval_voters.hpp"
#include "committee/phragmen_params.hpp"
#include "core/rational.hpp"

namespace prefero {

// A partial committee (in order of election) and each unique ballot's load per voter.
struct PhragmenState {
  std::vector<Cand> committee;
  std::vector<Rational> load;
};

// Completes `start` to `committee_size` members. Each round elects the candidate whose approvers'
// new common load (their weighted load + 1, divided by their weight) is smallest; a candidate
// nobody approves costs committee_size + 1 (abcvoting's convention). resolute: the smallest
// index among tied candidates, one committee; otherwise every committee some tie-break reaches.
// `complete` is false if the deadline stopped the enumeration.
struct PhragmenOutcome {
  std::vector<std::vector<Cand>> committees;  // sorted
  std::vector<PhragmenState> final_states;    // resolute: the one path's final state
  bool complete = true;
};
PhragmenOutcome seq_phragmen_complete(const ApprovalVoters& a, int committee_size, PhragmenState start,
                                      bool resolute, const Deadline& deadline);

}  // namespace prefero
