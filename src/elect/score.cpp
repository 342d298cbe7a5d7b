// Score voting (range voting): the highest total (or mean) grade wins.
#include "elect/common.hpp"
#include "elect/grades.hpp"
#include "registry/registry.hpp"

namespace prefero {

// Score voting (W. D. Smith, range voting, 2000; pref_voting's Score Voting with evaluation sum or mean).
ElectionResult score(const Profile& p, const CandidateSet& cands, const Params& params) {
  require_score_profile(p, "score");
  GradeReader grade(p, params);
  GradeTotals t = grade_totals(p, cands, grade);
  const bool mean = params.text("evaluation") == "mean";
  std::vector<Rational> value(static_cast<size_t>(p.num_candidates()));
  CandidateSet graded;
  for (Cand c : cands) {
    if (t.graded[c] > 0) graded.push_back(c);
    value[c] = mean && t.graded[c] > 0 ? Rational(t.sum[c] / t.graded[c]) : t.sum[c];
  }
  ElectionResult r;
  // a candidate nobody graded has no score and cannot win, unless nobody graded anyone
  r.winners = argmax<Rational>(graded.empty() ? cands : graded, [&](Cand c) { return value[c]; });
  r.explanation["evaluation"] = mean ? "mean" : "sum";
  r.explanation["scores"] = scores_json(p, cands, [&](Cand c) { return to_string(value[c]); });
  r.explanation["graded_by"] = scores_json(p, cands, [&](Cand c) { return t.graded[c]; });
  return r;
}

static const Registration score_registration{MethodInfo{
    .id = "score_voting",
    .aliases = {"Score Voting", "score", "range", "range_voting"},
    .family = "elect",
    .input = "scores",
    .summary = "the highest sum (or mean) of grades wins",
    .citation = "W. D. Smith, Range voting, 2000; pref_voting's Score Voting",
    .params = {{"evaluation", ParamType::choice, "sum", "sum of grades (default) or mean of the counted grades",
                {"sum", "mean"}},
               missing_grade_param()},
    .elect = score,
}};

}  // namespace prefero
