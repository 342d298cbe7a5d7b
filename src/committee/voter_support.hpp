#pragma once
// Exact support and load of a fixed committee (the inner problem of maximin-support,
// minimax-Phragmén and leximax-Phragmén), by parametric max-flow in integers.
//
// A committee W is paid for by its approvers: each member costs one unit, split among the voters
// approving it (a voter of weight w paying load l contributes w*l). Dually each voter splits its
// weight among the members it approves, and a member's support is what it receives.
//   maximin support value (Sánchez-Fernández et al. 2022):  min over nonempty S ⊆ W of w(N_S)/|S|
//   minimax load (Phragmén; Brill et al. 2024):               1 / maximin support value
// where N_S are the voters approving some member of S. The leximax (lexicographically smallest
// descending) load vector comes from peeling off the tightest S level by level.
#include <cstdint>
#include <optional>
#include <vector>

#include "committee/approval_voters.hpp"
#include "core/rational.hpp"

namespace prefero {

// min over nonempty S ⊆ members of w(N_S ∩ active)/|S|, and one S attaining it. `active` (one entry
// per unique ballot, may be empty = all active) restricts the voters.
struct TightestSet {
  Rational ratio;
  std::vector<Cand> members;
};
TightestSet tightest_set(const ApprovalVoters& a, const std::vector<Cand>& members,
                         const std::vector<char>& active = {});

// Maximin support value of committee W (0 if a member has no approver).
Rational maximin_support_value(const ApprovalVoters& a, const std::vector<Cand>& committee);

// One level of the leximax load vector: `voters` voters (by weight) carry load `load` each.
struct LoadLevel {
  Rational load;
  int64_t voters = 0;
};
// Descending load levels of the leximax-optimal load distribution for W (voters with no load form
// the last level, load 0). nullopt if some member of W has no approver (no distribution exists).
std::optional<std::vector<LoadLevel>> leximax_loads(const ApprovalVoters& a, const std::vector<Cand>& committee);

// <0, 0, >0 as the expanded descending vector x is lexicographically smaller, equal, larger than y.
int compare_load_vectors(const std::vector<LoadLevel>& x, const std::vector<LoadLevel>& y);

}  // namespace prefero
