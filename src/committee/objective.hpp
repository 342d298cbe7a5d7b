#pragma once
// A committee objective: the exact score of any committee (a per-candidate-set scoring function)
// and, for the exact solver, its linearization over binary membership variables x[c]. The
// score-based committee rules (k-Borda, SNTV, Bloc, Chamberlin-Courant, Monroe, Thiele rules such
// as PAV) are each one objective; src/committee/fairness_bounds.hpp optimizes any objective with or
// without group bounds.
#include <functional>
#include <string>
#include <vector>

#include "core/profile.hpp"
#include "core/rational.hpp"
#include "solve/lp.hpp"

namespace prefero {

struct CommitteeObjective {
  std::string name;
  int num_candidates = 0;
  // Exact score of a committee (ascending candidate indices); higher is better.
  std::function<Rational(const std::vector<Cand>& committee)> evaluate;
  // Adds the objective's own variables and rows to `model` (whose sense is maximize) over the
  // binary membership variables x[c], with INTEGER objective coefficients such that the model's
  // optimum equals scale * (best exact score). Empty for objectives without a linearization.
  std::function<void(solve::LinearModel& model, const std::vector<int>& x)> linearize;
  Rational scale = 1;
  // Set when the score is a sum of per-candidate scores (k-Borda, SNTV, Bloc, AV).
  std::vector<Rational> separable;
  // Evaluating one committee is expensive (Monroe solves an assignment problem).
  bool costly_evaluation = false;
};

// Borda utilities of every unique ballot, doubled so that ties stay integral: candidate c on
// ballot b gets 2 * (candidates strictly below c) + (candidates tied with c). Unranked candidates
// are tied last (share = true) or get 0 (share = false). Indexed [b * m + c].
std::vector<int64_t> twice_borda_utilities(const Profile& p, bool share_unranked);

// Per-candidate scores (sum over voters); value of a committee = sum over its members.
CommitteeObjective separable_objective(std::string name, std::vector<Rational> scores);

// Chamberlin-Courant with utilities u[b * m + c] (doubled Borda: misrepresentation = max - u):
// every voter is represented by its best committee member.
CommitteeObjective chamberlin_courant_objective(const Profile& p, std::vector<int64_t> utilities, Rational scale);

// Monroe: every member represents between floor(n/k) and ceil(n/k) voters, every voter exactly
// one member; the score is the total utility of the best such assignment. A committee with fewer
// than k members (greedy) scores its best assignment of at most ceil(n/k) voters per member.
CommitteeObjective monroe_objective(const Profile& p, std::vector<int64_t> utilities, Rational scale, int committee_size);

// Thiele rule: a voter approving j committee members contributes weights[0] + ... + weights[j-1]
// (PAV: 1, 1/2, 1/3, ...; CC: 1, 0, ...; AV: 1, 1, ...). approved[b * m + c].
// Voter group b (multiplicity counts[b]) approves approved[b * m + c]. Weights must be
// non-increasing for the ILP (else only brute force applies: linearize is left empty).
CommitteeObjective thiele_objective(std::string name, int m, std::vector<char> approved, std::vector<int64_t> counts,
                                    std::vector<Rational> weights);

}  // namespace prefero
