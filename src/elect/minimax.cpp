// Minimax and its refinements: Smith-Minimax (minimax on the Smith set) and Leximax (minimax
// with ties broken by the next-worst results).
#include <algorithm>
#include <functional>

#include "elect/common.hpp"
#include "elect/dominance.hpp"
#include "elect/margin_graph.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

// Worst defeat of c: the strongest win of a rival over c (0 if nobody beats c). With
// pairwise_opposition every rival counts, beaten or not (pref_voting's minimax_scores).
Strength worst_defeat(const PairwiseMatrix& s, StrengthKind kind, const CandidateSet& cands, Cand c) {
  Strength worst{0, 1};
  bool first = true;
  for (Cand b : cands) {
    if (b == c) continue;
    if (kind != StrengthKind::pairwise_opposition && !s.beats(b, c)) continue;
    Strength x = strength(s, kind, b, c);
    if (first || worst < x) worst = x, first = false;
  }
  return worst;
}

ElectionResult minimax_on(const Profile& p, const CandidateSet& cands, const Params& params) {
  const auto& s = support_of(p, params);
  const StrengthKind kind = strength_of(params);
  std::vector<Strength> score(static_cast<size_t>(p.num_candidates()));
  for (Cand c : cands) score[c] = worst_defeat(s, kind, cands, c);
  ElectionResult r;
  r.winners = argmin<Strength>(cands, [&](Cand c) { return score[c]; });
  r.explanation["worst_defeat"] = scores_json(p, cands, [&](Cand c) { return to_json_value(score[c]); });
  if (cands.size() <= kExplainMatrixLimit) r.explanation["margins"] = margins_json(p, s, cands);
  return r;
}

}  // namespace

// Minimax (Simpson-Kramer): the smallest worst defeat (P. B. Simpson, "On defining areas of voter
// choice", QJE 1969; G. H. Kramer, "A dynamical model of political equilibrium", JET 1977).
ElectionResult minimax(const Profile& p, const CandidateSet& cands, const Params& params) {
  return minimax_on(p, cands, params);
}

// Smith-Minimax: minimax restricted to the Smith set (pref_voting's smith_minimax).
ElectionResult smith_minimax(const Profile& p, const CandidateSet& cands, const Params& params) {
  const CandidateSet smith = smith_set(support_of(p, params), cands);
  ElectionResult r = minimax_on(p, smith, params);
  r.explanation["smith_set"] = ids_json(p, smith);
  return r;
}

// Leximax: compare the margins every rival has against a candidate, worst first, lexicographically;
// the smallest such sequence wins (a refinement of minimax; pref_voting's leximax).
ElectionResult leximax(const Profile& p, const CandidateSet& cands, const Params& params) {
  const auto& s = support_of(p, params);
  std::vector<std::vector<int64_t>> against(static_cast<size_t>(p.num_candidates()));
  for (Cand c : cands) {
    for (Cand b : cands)
      if (b != c) against[c].push_back(s.margin(b, c));
    std::sort(against[c].begin(), against[c].end(), std::greater<>());
  }
  ElectionResult r;
  r.winners = argmin<std::vector<int64_t>>(cands, [&](Cand c) { return against[c]; });
  r.explanation["margins_against_worst_first"] = scores_json(p, cands, [&](Cand c) { return against[c]; });
  if (cands.size() <= kExplainMatrixLimit) r.explanation["margins"] = margins_json(p, s, cands);
  return r;
}

static const Registration minimax_registration{MethodInfo{
    .id = "minimax",
    .aliases = {"Minimax", "simpson_kramer", "maximin"},
    .family = "elect",
    .input = "ranking",
    .summary = "the candidates whose worst head-to-head defeat is smallest",
    .citation = "P. B. Simpson, On defining areas of voter choice, QJE 83(3), 1969; G. H. Kramer, JET 16, 1977",
    .params = {unranked_param(), strength_param({"margin", "winning_votes", "ratio", "pairwise_opposition"})},
    .elect = minimax,
}};

static const Registration smith_minimax_registration{MethodInfo{
    .id = "smith_minimax",
    .aliases = {"Smith-Minimax"},
    .family = "elect",
    .input = "ranking",
    .summary = "minimax restricted to the Smith set",
    .citation = "pref_voting (Holliday & Pacuit), combined_methods.smith_minimax",
    .params = {unranked_param(), strength_param({"margin", "winning_votes", "ratio", "pairwise_opposition"})},
    .elect = smith_minimax,
}};

static const Registration leximax_registration{MethodInfo{
    .id = "leximax",
    .aliases = {"Leximax"},
    .family = "elect",
    .input = "ranking",
    .summary = "minimax with ties broken by the second-worst result, then the third-worst, ...",
    .citation = "pref_voting (Holliday & Pacuit), margin_based_methods.leximax",
    .params = {unranked_param()},
    .elect = leximax,
}};

}  // namespace prefero
