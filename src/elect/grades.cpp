#include "elect/grades.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace prefero {

void require_score_profile(const Profile& p, const std::string& rule) {
  if (p.kind != BallotKind::scores)
    throw InputError(rule + " needs score ballots (a scores CSV), not " + std::string(to_string(p.kind)) +
                     " ballots");
}

ParamSpec missing_grade_param() {
  return {"missing_grade", ParamType::choice, "ignore",
          "grade of a candidate a voter left ungraded: ignore (that voter says nothing about it; pref_voting), "
          "lowest (the lowest grade given in the profile; Balinski & Laraki's 'to reject') or zero",
          {"ignore", "lowest", "zero"}};
}

GradeReader::GradeReader(const Profile& p, const Params& params) : p_(p) {
  const std::string& how = params.text("missing_grade");
  if (how == "zero") fill_ = 0;
  if (how == "lowest") {
    for (int64_t g : p.grades)
      if (g != kNoGrade) fill_ = fill_ ? std::min(*fill_, g) : g;
    if (!fill_) fill_ = 0;  // nobody graded anything
  }
}

std::optional<int64_t> GradeReader::operator()(size_t b, Cand c) const {
  int64_t g = p_.ballot_grades(b)[c];
  if (g == kNoGrade) return fill_;
  return g;
}

GradeTotals grade_totals(const Profile& p, const CandidateSet& cands, const GradeReader& grade) {
  GradeTotals t{std::vector<Rational>(static_cast<size_t>(p.num_candidates())),
                std::vector<int64_t>(static_cast<size_t>(p.num_candidates()))};
  for (size_t b = 0; b < p.num_ballots(); ++b)
    for (Cand c : cands)
      if (auto g = grade(b, c)) {
        t.sum[c] += Rational(*g) * p.counts[b];
        t.graded[c] += p.counts[b];
      }
  return t;
}

}  // namespace prefero
