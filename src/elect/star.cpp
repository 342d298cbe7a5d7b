// STAR voting (Score Then Automatic Runoff): the two highest totals meet in a runoff decided by
// how many voters grade one above the other.
#include <algorithm>
#include <set>

#include "elect/common.hpp"
#include "elect/grades.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

// Voters grading a above b (grades read under the missing_grade policy).
int64_t prefer(const Profile& p, const GradeReader& grade, Cand a, Cand b) {
  int64_t n = 0;
  for (size_t i = 0; i < p.num_ballots(); ++i) {
    auto ga = grade(i, a), gb = grade(i, b);
    if (ga && gb && *ga > *gb) n += p.counts[i];
  }
  return n;
}

// The runoff pairs: the top scorer against every second-highest scorer, or, when several tie for
// the top, every pair of them (pref_voting's parallel-universe reading of ties).
std::vector<std::pair<Cand, Cand>> runoff_pairs(const CandidateSet& graded, const std::vector<Rational>& total) {
  std::set<Rational, std::greater<>> levels;
  for (Cand c : graded) levels.insert(total[c]);
  std::vector<Cand> first, second;
  for (Cand c : graded) {
    if (total[c] == *levels.begin()) first.push_back(c);
    else if (levels.size() > 1 && total[c] == *std::next(levels.begin())) second.push_back(c);
  }
  std::vector<std::pair<Cand, Cand>> pairs;
  if (first.size() == 1) {
    for (Cand c : second) pairs.emplace_back(first[0], c);
  } else {
    for (size_t i = 0; i < first.size(); ++i)
      for (size_t j = i + 1; j < first.size(); ++j) pairs.emplace_back(first[i], first[j]);
  }
  return pairs;
}

}  // namespace

// STAR voting (M. Frohnmayer, 2014; https://starvoting.org; pref_voting's STAR).
ElectionResult star(const Profile& p, const CandidateSet& cands, const Params& params) {
  require_score_profile(p, "star");
  GradeReader grade(p, params);
  GradeTotals t = grade_totals(p, cands, grade);
  CandidateSet graded;
  for (Cand c : cands)
    if (t.graded[c] > 0) graded.push_back(c);
  if (graded.empty()) graded = cands;
  ElectionResult r;
  r.explanation["scores"] = scores_json(p, cands, [&](Cand c) { return to_string(t.sum[c]); });
  auto pairs = runoff_pairs(graded, t.sum);
  if (pairs.empty()) {  // one candidate in play (or only one graded)
    r.winners = argmax<Rational>(graded, [&](Cand c) { return t.sum[c]; });
    return r;
  }
  const bool by_score = params.text("runoff_tie") == "score";
  std::set<Cand> winners;
  json runoffs = json::array();
  for (auto [a, b] : pairs) {
    int64_t ab = prefer(p, grade, a, b), ba = prefer(p, grade, b, a);
    std::vector<Cand> won;
    if (ab != ba) won = {ab > ba ? a : b};
    else if (by_score && t.sum[a] != t.sum[b]) won = {t.sum[a] > t.sum[b] ? a : b};
    else won = {a, b};
    winners.insert(won.begin(), won.end());
    runoffs.push_back({{"finalists", ids_json(p, {a, b})}, {"prefer_first", ab}, {"prefer_second", ba},
                       {"winners", ids_json(p, won)}});
  }
  r.winners.assign(winners.begin(), winners.end());
  r.explanation["runoffs"] = runoffs;
  return r;
}

static const Registration star_registration{MethodInfo{
    .id = "star",
    .aliases = {"STAR", "star_voting", "score_then_automatic_runoff"},
    .family = "elect",
    .input = "scores",
    .summary = "the two highest grade totals meet in a runoff won by the one graded higher by more voters "
               "(ties for the top two: every possible runoff)",
    .citation = "M. Frohnmayer, STAR voting (2014), https://www.starvoting.org; pref_voting's STAR",
    .params = {{"runoff_tie", ParamType::choice, "both",
                "a runoff with equally many voters each way: both finalists win (pref_voting) or score (the "
                "higher total wins, the official STAR first tiebreaker)",
                {"both", "score"}},
               missing_grade_param()},
    .elect = star,
}};

}  // namespace prefero
