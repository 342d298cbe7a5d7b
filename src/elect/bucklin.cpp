// Bucklin, Simplified Bucklin and Weighted Bucklin: add lower preferences round by round until
// some candidate reaches a majority.
//
// Round k counts, on each ballot, the candidates in its first k indifference classes (among the
// candidates in play; on strict ballots: its first k places). Unranked candidates are never
// counted. The majority is taken over the ballots that rank at least one candidate in play
// (pref_voting removes empty ballots the same way in its truncated-ballot Bucklin).
#include <algorithm>

#include "elect/fraction.hpp"
#include "elect/common.hpp"
#include "elect/positional.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

// weight[c][k]: weighted number of ballots putting c in class k (0-based) among the candidates in play.
struct ClassTable {
  std::vector<std::vector<Rational>> weight;
  int64_t voters = 0;  // ballots ranking someone in play
  int rounds = 0;      // number of classes of the longest ballot
};

ClassTable class_table(const Profile& p, const CandidateSet& cands, const PositionPoints& points) {
  const int m = static_cast<int>(cands.size());
  ClassTable t;
  t.weight.assign(static_cast<size_t>(p.num_candidates()), std::vector<Rational>(static_cast<size_t>(m)));
  // Voters putting c alone in class k with k candidates above (strict so far), in integers.
  std::vector<int64_t> alone(static_cast<size_t>(p.num_candidates()) * static_cast<size_t>(m));
  int cls_index = 0;
  for_each_class(p, cands, [&](const BallotClass& k) {
    if (k.unranked) return;
    if (k.above == 0) {
      cls_index = 0;
      t.voters += k.count;
    }
    const int size = static_cast<int>(k.cands.size());
    if (size == 1 && k.above == cls_index) {
      alone[static_cast<size_t>(k.cands[0]) * m + cls_index] += k.count;
    } else {
      Rational sum;
      for (int pos = k.above + 1; pos <= k.above + size; ++pos) sum += points(m, pos);
      Rational each = sum * k.count / static_cast<long>(size);
      for (Cand c : k.cands) t.weight[c][cls_index] += each;
    }
    ++cls_index;
    t.rounds = std::max(t.rounds, cls_index);
  });
  for (Cand c : cands)
    for (int k = 0; k < m; ++k)
      if (int64_t n = alone[static_cast<size_t>(c) * m + k]) t.weight[c][k] += points(m, k + 1) * static_cast<long>(n);
  return t;
}

struct Rounds {
  std::vector<Rational> score;  // cumulative scores of the deciding round
  int decided_at = 0;           // 1-based round; the last round if nobody reached the threshold
  bool reached = false;
  json explanation = json::array();
};

// Adds one class per round until some score reaches `threshold`.
Rounds run_rounds(const Profile& p, const CandidateSet& cands, const ClassTable& t, const Rational& threshold) {
  Rounds r;
  r.score.assign(static_cast<size_t>(p.num_candidates()), Rational(0));
  for (int k = 0; k < std::max(t.rounds, 1); ++k) {
    for (Cand c : cands)
      if (k < static_cast<int>(t.weight[c].size())) r.score[c] += t.weight[c][k];
    r.decided_at = k + 1;
    r.explanation.push_back(
        {{"round", k + 1}, {"scores", scores_json(p, cands, [&](Cand c) { return to_string(r.score[c]); })}});
    for (Cand c : cands)
      if (r.score[c] >= threshold) r.reached = true;
    if (r.reached) break;
  }
  return r;
}

ElectionResult finish(const CandidateSet& cands, const Rounds& rounds, const Rational& threshold,
                      bool simplified) {
  ElectionResult r;
  if (simplified && rounds.reached) {
    for (Cand c : cands)
      if (rounds.score[c] >= threshold) r.winners.push_back(c);
  } else {
    r.winners = argmax<Rational>(cands, [&](Cand c) { return rounds.score[c]; });
  }
  r.explanation["threshold"] = to_string(threshold);
  r.explanation["rounds"] = rounds.explanation;
  r.explanation["decided_in_round"] = rounds.decided_at;
  r.explanation["threshold_reached"] = rounds.reached;
  return r;
}

Rational strict_majority(int64_t voters) { return Rational(voters / 2 + 1); }

ElectionResult bucklin_family(const Profile& p, const CandidateSet& cands, bool simplified) {
  ClassTable t = class_table(p, cands, [](int, int) { return Rational(1); });
  Rational threshold = strict_majority(t.voters);
  return finish(cands, run_rounds(p, cands, t, threshold), threshold, simplified);
}

}  // namespace

// Bucklin (J. W. Bucklin, Grand Junction 1909; see Tideman, Collective Decisions and Voting, 2006):
// the candidates with the highest score in the first round where someone has a strict majority.
ElectionResult bucklin(const Profile& p, const CandidateSet& cands, const Params&) {
  return bucklin_family(p, cands, false);
}

// Simplified Bucklin: every candidate with a strict majority in that round (pref_voting's Simplified Bucklin).
ElectionResult simplified_bucklin(const Profile& p, const CandidateSet& cands, const Params&) {
  return bucklin_family(p, cands, true);
}

// Weighted Bucklin (Kilgour, Gregoire & Foley, Weighted scoring elections: is Borda best?, Social
// Choice and Welfare 58, 2022; as pref_voting): position k weighs (m - k)/(m - 1).
ElectionResult weighted_bucklin(const Profile& p, const CandidateSet& cands, const Params& params) {
  ClassTable t = class_table(p, cands, [](int m, int pos) { return m > 1 ? fraction(m - pos, m - 1) : Rational(1); });
  Rational threshold = params.boolean("strict_threshold") ? strict_majority(t.voters) : fraction(t.voters, 2);
  return finish(cands, run_rounds(p, cands, t, threshold), threshold, false);
}

static const Registration bucklin_registration{MethodInfo{
    .id = "bucklin",
    .aliases = {"Bucklin"},
    .family = "elect",
    .input = "ranking",
    .summary = "add k-th preferences round by round; when someone has a strict majority, the highest score wins",
    .citation = "J. W. Bucklin (Grand Junction, 1909); N. Tideman, Collective Decisions and Voting, 2006",
    .params = {},
    .elect = bucklin,
}};

static const Registration simplified_bucklin_registration{MethodInfo{
    .id = "simplified_bucklin",
    .aliases = {"Simplified Bucklin"},
    .family = "elect",
    .input = "ranking",
    .summary = "add k-th preferences round by round; every candidate with a strict majority in the first such "
               "round wins (if nobody ever has one: the highest score)",
    .citation = "pref_voting (Holliday & Pacuit), Simplified Bucklin",
    .params = {},
    .elect = simplified_bucklin,
}};

static const Registration weighted_bucklin_registration{MethodInfo{
    .id = "weighted_bucklin",
    .aliases = {"Weighted Bucklin"},
    .family = "elect",
    .input = "ranking",
    .summary = "Bucklin with position k weighted (m-k)/(m-1); stops when a score reaches half the voters",
    .citation = "D. M. Kilgour, J.-C. Gregoire, A. Foley, Weighted scoring elections: is Borda best?, Social "
                "Choice and Welfare 58, 2022",
    .params = {{"strict_threshold", ParamType::boolean, "false",
                "stop at a strict majority instead of half the voters (pref_voting's strict_threshold)", {}}},
    .elect = weighted_bucklin,
}};

}  // namespace prefero
