// Majority Judgement: the highest median grade wins; ties are broken by the majority value.
#include <algorithm>
#include <map>

#include "elect/fraction.hpp"
#include "elect/common.hpp"
#include "elect/grades.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

// A candidate's counted grades as runs (grade, number of voters), ascending by grade. Runs keep
// memory proportional to distinct grades however large the ballot counts are.
struct Grades {
  std::vector<std::pair<int64_t, int64_t>> runs;
  std::vector<int64_t> ends;  // ends[i]: voters in runs 0..i
  int64_t n = 0;
  bool empty() const { return n == 0; }
  // The grade at 0-based position i of the sorted list.
  int64_t at(int64_t i) const {
    return runs[std::upper_bound(ends.begin(), ends.end(), i) - ends.begin()].first;
  }
};

Grades grades_of(const Profile& p, const GradeReader& grade, Cand c) {
  std::map<int64_t, int64_t> count;
  for (size_t b = 0; b < p.num_ballots(); ++b)
    if (auto g = grade(b, c)) count[*g] += p.counts[b];
  Grades g;
  for (const auto& [value, k] : count) {
    g.runs.emplace_back(value, k);
    g.n += k;
    g.ends.push_back(g.n);
  }
  return g;
}

// The majority grade: the lower median (Balinski & Laraki).
int64_t majority_grade(const Grades& g) { return g.at((g.n - 1) / 2); }

// Step t of the majority value (the majority grade, then the majority grade once it is removed,
// and so on): on the sorted list the removals walk outward from the lower median lo, to the left
// when an even number of grades remains, to the right when odd.
int64_t visit_index(int64_t n, int64_t t) {
  const int64_t lo = (n - 1) / 2;
  if (t == 0) return lo;
  const bool odd_n = n % 2 == 1;
  const bool left = (t % 2 == 1) == odd_n;
  const int64_t d = (t + 1) / 2;
  return left ? lo - d : lo + d;
}
// The step at which index i is visited (inverse of visit_index).
int64_t visit_step(int64_t n, int64_t i) {
  const int64_t lo = (n - 1) / 2;
  if (i == lo) return 0;
  const bool odd_n = n % 2 == 1;
  const int64_t d = i < lo ? lo - i : i - lo;
  return (i < lo) == odd_n ? 2 * d - 1 : 2 * d;
}

// Lexicographic comparison of the majority values (-1, 0, 1). Equal voter counts: find the
// earliest visited index where the sorted lists differ, run by run. Different counts (ungraded
// candidates ignored): compare step by step over the common length.
int compare_values(const Grades& a, const Grades& b) {
  if (a.n == b.n) {
    int64_t best_step = -1, where = 0, from = 0;
    size_t i = 0, j = 0;
    while (i < a.runs.size() && j < b.runs.size()) {
      const int64_t to = std::min(a.ends[i], b.ends[j]);  // [from, to) has constant grades in both
      if (a.runs[i].first != b.runs[j].first) {
        const int64_t lo = (a.n - 1) / 2;
        const int64_t idx = lo < from ? from : (lo >= to ? to - 1 : lo);
        const int64_t step = visit_step(a.n, idx);
        if (best_step < 0 || step < best_step) best_step = step, where = idx;
      }
      from = to;
      if (a.ends[i] == to) ++i;
      if (b.ends[j] == to) ++j;
    }
    if (best_step < 0) return 0;
    return a.at(where) < b.at(where) ? -1 : 1;
  }
  for (int64_t t = 0; t < std::min(a.n, b.n); ++t) {
    const int64_t x = a.at(visit_index(a.n, t)), y = b.at(visit_index(b.n, t));
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

// Fabre's majority gauge as in pref_voting: the share above the majority grade if it exceeds the
// share below, else minus the share below.
Rational gauge(const Grades& g) {
  const int64_t median = majority_grade(g);
  int64_t above = 0, below = 0;
  for (const auto& [value, k] : g.runs) {
    if (value > median) above += k;
    if (value < median) below += k;
  }
  return above > below ? fraction(above, g.n) : fraction(-below, g.n);
}

}  // namespace

// Majority Judgement (M. Balinski, R. Laraki, A theory of measuring, electing, and ranking, PNAS 104(21), 2007).
ElectionResult majority_judgement(const Profile& p, const CandidateSet& cands, const Params& params) {
  require_score_profile(p, "majority_judgement");
  GradeReader grade(p, params);
  std::vector<Grades> grades(static_cast<size_t>(p.num_candidates()));
  CandidateSet graded;
  for (Cand c : cands) {
    grades[c] = grades_of(p, grade, c);
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
    r.winners = argmax<Rational>(top, [&](Cand c) { return gauge(grades[c]); });
    r.explanation["gauges"] = scores_json(p, top, [&](Cand c) { return to_string(gauge(grades[c])); });
  } else {
    Cand best = top[0];
    for (Cand c : top)
      if (compare_values(grades[c], grades[best]) > 0) best = c;
    for (Cand c : top)
      if (compare_values(grades[c], grades[best]) == 0) r.winners.push_back(c);
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
