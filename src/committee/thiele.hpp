#pragma once
// Thiele methods (T. N. Thiele 1895; Lackner & Skowron, Multi-Winner Voting with Approval
// Preferences, 2023): a committee W scores sum over voters of f(|A_v ∩ W|), where
// f(x) = w(1) + ... + w(x) and w is the rule's marginal score function. The optimal committees
// are found exactly: brute force (the oracle), branch and bound, or the ILP (CBC), all on exact
// integer scores (the marginal weights scaled by their common denominator).
#include <string>
#include <vector>

#include "committee/approval_profile.hpp"
#include "committee/committee.hpp"
#include "committee/committee_search.hpp"
#include "core/rational.hpp"
#include "registry/params.hpp"

namespace prefero {

// Marginal weights w(1..k) of a score function id (abcvoting's names): av (1,1,1..), pav
// (1, 1/2, 1/3 ..), slav (1, 1/3, 1/5 ..), cc (1, 0, 0 ..), geom<p> (1, 1/p, 1/p^2 ..),
// atleast<l> (1 at position l, else 0), adams_tail (0, 1, 1/2, 1/3 ..: Adams' method after the
// first seat), or an explicit list "w1,w2,..." (missing entries repeat the last one).
std::vector<Rational> thiele_marginals(const std::string& score_id, int k);

// The weights scaled to integers (w[i] = marginal(i+1) * scale) with the profile's weights.
struct ScaledThiele {
  std::vector<Rational> marginal;  // w(1..k)
  std::vector<Int128> w;           // scaled: w[i] = marginal[i] * scale
  mpz_class scale = 1;
  bool nonincreasing = true;
};
// InputError if the scores could overflow 126 bits (absurdly fine weights).
ScaledThiele scale_thiele(std::vector<Rational> marginal, const ApprovalProfile& a);

Int128 thiele_score(const ApprovalProfile& a, const ScaledThiele& t, const std::vector<Cand>& committee);
Rational to_rational(Int128 scaled, const mpz_class& scale);

struct SolveSettings {
  std::string algorithm;  // brute-force, branch-and-bound, ilp
  bool resolute = false;
  double time_limit = 0;  // seconds, 0 = none
};
SolveSettings solve_settings(const Params& params);

// Every committee of size k maximising the Thiele score (one if resolute); explanation has the
// score (exact rational) and the algorithm. Not proven if the time limit stopped the search.
CommitteeResult thiele_optimal(const ApprovalProfile& a, int k, const ScaledThiele& t, const SolveSettings& s);

// Lexicographic Thiele: maximise score 1, then among those score 2, ... (lex-CC, Adams).
CommitteeResult lex_thiele_optimal(const ApprovalProfile& a, int k, const std::vector<ScaledThiele>& ts,
                                   const SolveSettings& s);

// The algorithm parameter shared by the optimisation rules.
ParamSpec algorithm_param(const std::string& default_value, std::vector<std::string> choices);

}  // namespace prefero
