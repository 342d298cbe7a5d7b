#pragma once
// Group fairness bounds on committees (L. E. Celis, L. Huang, N. K. Vishnoi, Multiwinner voting
// with fairness constraints, IJCAI 2018; used in 'Subset Selection Based On Multiple Rankings in
// the Presence of Bias'): candidates carry groups (attributes; a candidate may belong to several),
// and a committee must contain between lower[g] and upper[g] members of every bounded group g.
//
// This file also holds the optimizer every score-based committee rule uses: all committees of size
// k maximizing a CommitteeObjective (exact: brute force for small instances, else an ILP over
// binary membership variables whose optimal committees are enumerated with no-good cuts), with or
// without bounds, and the greedy variant (marginal gains, feasibility kept) with its gap.
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "committee/committee.hpp"
#include "committee/objective.hpp"
#include "core/candidates.hpp"

namespace prefero {

struct Groups {
  std::vector<std::string> names;             // group g's name
  std::vector<std::vector<Cand>> members;     // group g's candidates, ascending
  std::optional<int> find(const std::string& name) const;
};

// Groups file: one line per candidate, `candidate,group[,group...]` (candidate = external id or
// name as in the profile; a candidate may appear on several lines). Blank lines and lines starting
// with '#' are ignored. InputError with file:line:column for unknown candidates or malformed lines.
Groups read_groups(std::istream& in, const std::string& file_name, const Candidates& candidates);
Groups read_groups_file(const std::string& path, const Candidates& candidates);

struct GroupBound {
  int group = 0;
  int lower = 0;
  int upper = 0;
};
using GroupBounds = std::vector<GroupBound>;  // one entry per bounded group

// SPEC: comma-separated terms `G>=L`, `G<=U`, `G=N` or `L<=G<=U` (G a group name). Repeated terms
// for one group intersect. InputError for unknown groups or malformed terms.
GroupBounds parse_bounds(const std::string& spec, const Groups& groups, int committee_size);

// Throws InputError when no committee of size k satisfies the bounds, naming a minimal set of
// conflicting groups (deletion filter: dropping any one of them makes the rest satisfiable).
void check_bounds_feasible(const Groups& groups, const GroupBounds& bounds, int num_candidates, int k);
// True if every bound holds for `committee`.
bool satisfies_bounds(const std::vector<Cand>& committee, const Groups& groups, const GroupBounds& bounds);

struct OptimizeOptions {
  bool all = true;                 // every optimal committee (irresolute) or one
  int max_committees = 1000;       // enumeration cap when all (explanation says when reached)
  double time_limit_seconds = 0;   // per solver call; 0 = none
  std::string algorithm = "auto";  // auto, brute_force, ilp
  long brute_force_limit = 20000;  // auto: brute force when C(m,k) is at most this
};

// Every optimal committee of size k (each ascending, list sorted) under the bounds (none: empty
// groups/bounds). explanation: algorithm, score (exact), committees_found, cap_reached, ...
CommitteeResult optimal_committees(const CommitteeObjective& objective, int k, const Groups& groups,
                                   const GroupBounds& bounds, const OptimizeOptions& options);

// Greedy: starting empty, add the candidate with the largest marginal gain whose addition keeps
// the bounds satisfiable (ties: lowest index). Returns the committee and its exact score.
struct GreedyOutcome {
  std::vector<Cand> committee;
  Rational score;
};
GreedyOutcome greedy_committee(const CommitteeObjective& objective, int k, const Groups& groups,
                               const GroupBounds& bounds);

// Bounds as JSON: [{"group", "lower", "upper", "members"}] (members by external id).
json bounds_json(const Groups& groups, const GroupBounds& bounds, const Candidates& candidates);

}  // namespace prefero
