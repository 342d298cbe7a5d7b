// Majority Judgement: the highest median grade wins; ties are broken by the majority value.
#include <algorithm>

#include "elect/common.hpp"
#include "elect/grades.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

// Every counted grade of c, ascending (each ballot's grade repeated by its count).
std::vector<int64_t> sorted_grades(const Profile& p, const GradeReader& grade, Cand c) {
  std::vector<int64_t> out;
  for (size_t b = 0; b < p.num_ballots(); ++b)
    if (auto g = grade(b, c)) out.insert(out.end(), static_cast<size_t>(p.counts[b]), *g);
  std::sort(out.begin(), out.end());
  return out;
}

// The majority grade: the lower median (Balinski & Laraki).
int64_t majority_grade(const std::vector<int64_t>& g) { return g[(g.size() - 1) / 2]; }

// The majority value: the majority grade, then the majority grade once it is removed, and so on.
// On a sorted list the removals walk outward from the lower median: left when an even number of
// grades remains, right when odd.
std::vector<int64_t> majority_value(const std::vector<int64_t>& g) {
  std::vector<int64_t> seq;
  seq.reserve(g.size());
  const size_t lo = (g.size() - 1) / 2;
  seq.push_back(g[lo]);
  size_t left = lo, right = lo + 1;
  for (size_t rest = g.size() - 1; rest > 0; --rest) {
    if (rest % 2 == 0) seq.push_back(g[--left]);
    else seq.push_back(g[right++]);
  }
  return seq;
}

// Lexicographic comparison on the common length (grades counted for both candidates).
int compare_values(const std::vector<int64_t>& a, const std::vector<int64_t>& b) {
  for (size_t i = 0; i < std::min(a.size(), b.size()); ++i)
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

// Fabre's majority gauge as in pref_voting: the share above the majority grade if it exceeds the
// share below, else minus the share below.
Rational gauge(const std::vector<int64_t>& g, int64_t median) {
  int64_t above = 0, below = 0;
  for (int64_t x : g) {
    if (x > median) ++above;
    if (x < median) ++below;
  }
  const long n = static_cast<long>(g.size());
  return above > below ? Rational(above, n) : Rational(-below, n);
}

}  // namespace

// Majority Judgement (M. Balinski, R. Laraki, A theory of measuring, electing, and ranking, PNAS 104(21), 2007).
ElectionResult majority_judgement(const Profile& p, const CandidateSet& cands, const Params& params) {
  require_score_profile(p, "majority_judgement");
  GradeReader grade(p, params);
  std::vector<std::vector<int64_t>> grades(static_cast<size_t>(p.num_candidates()));
  CandidateSet graded;
  for (Cand c : cands) {
    grades[c] = sorted_grades(p, grade, c);
    if (!grades[c].empty()) graded.push_back(c);
  }
  ElectionResult r;
  if (graded.empty()) {
    r.winners = cands;
    r.explanation["note"] = "nobody graded a candidate in play";
    return r;
  }
  auto top = argmax<int64_t>(graded, [&](Cand c) { return majority_grade(grades[c]); });
  r.explanation["majority_grades"] = scores_json(p, graded, [&](Cand c) { return majority_grade(grades[c]); });
  r.explanation["tied_on_majority_grade"] = ids_json(p, top);
  const std::string rule = params.text("tie_rule");
  r.explanation["tie_rule"] = rule;
  if (top.size() == 1 || rule == "none") {
    r.winners = top;
  } else if (rule == "gauge") {
    r.winners = argmax<Rational>(top, [&](Cand c) { return gauge(grades[c], majority_grade(grades[c])); });
    r.explanation["gauges"] =
        scores_json(p, top, [&](Cand c) { return to_string(gauge(grades[c], majority_grade(grades[c]))); });
  } else {
    std::vector<std::vector<int64_t>> value(static_cast<size_t>(p.num_candidates()));
    for (Cand c : top) value[c] = majority_value(grades[c]);
    Cand best = top[0];
    for (Cand c : top)
      if (compare_values(value[c], value[best]) > 0) best = c;
    for (Cand c : top)
      if (compare_values(value[c], value[best]) == 0) r.winners.push_back(c);
    // where the majority values of the best and each other tied candidate first differ
    json split = json::object();
    for (Cand c : top) {
      size_t i = 0;
      while (i < std::min(value[c].size(), value[best].size()) && value[c][i] == value[best][i]) ++i;
      split[std::to_string(p.id(c))] = {{"removed_before_difference", i},
                                         {"grade_there", i < value[c].size() ? json(value[c][i]) : json()}};
    }
    r.explanation["majority_values"] = split;
  }
  return r;
}

static const Registration majority_judgement_registration{MethodInfo{
    .id = "majority_judgement",
    .aliases = {"Majority Judgement", "majority_judgment", "mj"},
    .family = "elect",
    .input = "scores",
    .summary = "the highest majority grade (lower median) wins; ties broken by the majority value",
    .citation = "M. Balinski, R. Laraki, A theory of measuring, electing, and ranking, PNAS 104(21), 2007; "
                "Majority Judgment, MIT Press 2011",
    .params = {{"tie_rule", ParamType::choice, "majority_value",
                "ties on the majority grade: majority_value (Balinski & Laraki: drop one majority grade at a "
                "time and compare again), gauge (pref_voting's tiebreaker_majority_judgement: share above the "
                "majority grade if larger than the share below, else minus the share below) or none",
                {"majority_value", "gauge", "none"}},
               missing_grade_param()},
    .elect = majority_judgement,
}};

}  // namespace prefero
