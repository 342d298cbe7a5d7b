#pragma once
// Reading grades from score ballots for the cardinal rules (score, STAR, majority judgement).
#include <optional>
#include <string>
#include <vector>

#include "core/profile.hpp"
#include "core/rational.hpp"
#include "registry/params.hpp"

namespace prefero {

// InputError unless `p` holds score ballots (e.g. read by read_scores_csv).
void require_score_profile(const Profile& p, const std::string& rule);

// The `missing_grade` parameter: what a candidate a voter did not grade receives.
//   ignore: nothing (the voter is left out for that candidate; pref_voting's grade profiles)
//   lowest: the lowest grade given anywhere in the profile (Balinski & Laraki's "to reject")
//   zero:   grade 0
ParamSpec missing_grade_param();

// Grade of candidate c on unique ballot b under the `missing_grade` policy; nullopt = ignored.
class GradeReader {
 public:
  GradeReader(const Profile& p, const Params& params);
  std::optional<int64_t> operator()(size_t b, Cand c) const;

 private:
  const Profile& p_;
  std::optional<int64_t> fill_;
};

// Total and number of counted grades of each candidate (indexed by Cand; zero outside `cands`).
struct GradeTotals {
  std::vector<Rational> sum;
  std::vector<int64_t> graded;
};
GradeTotals grade_totals(const Profile& p, const CandidateSet& cands, const GradeReader& grade);

}  // namespace prefero
