// Copeland and Llull: count head-to-head wins (and ties) among the candidates in play.
#include "elect/copeland.hpp"

#include "elect/common.hpp"
#include "registry/registry.hpp"

namespace prefero {

std::vector<HeadToHead> head_to_head(const PairwiseMatrix& s, const CandidateSet& cands) {
  std::vector<HeadToHead> rec(static_cast<size_t>(s.m));
  for (Cand a : cands)
    for (Cand b : cands) {
      if (a == b) continue;
      int64_t m = s.margin(a, b);
      if (m > 0) ++rec[a].wins;
      else if (m < 0) ++rec[a].losses;
      else ++rec[a].ties;
    }
  return rec;
}

CandidateSet copeland_winners(const PairwiseMatrix& s, const CandidateSet& cands) {
  auto rec = head_to_head(s, cands);
  return argmax<int>(cands, [&](Cand c) { return rec[c].wins - rec[c].losses; });
}

json head_to_head_json(const Profile& p, const CandidateSet& cands, const std::vector<HeadToHead>& rec) {
  return scores_json(p, cands, [&](Cand c) {
    return json{{"wins", rec[c].wins}, {"losses", rec[c].losses}, {"ties", rec[c].ties}};
  });
}

// Copeland: wins minus losses (A. H. Copeland, "A reasonable social welfare function", 1951).
ElectionResult copeland(const Profile& p, const CandidateSet& cands, const Params& params) {
  auto rec = head_to_head(support_of(p, params), cands);
  auto score = [&](Cand c) { return rec[c].wins - rec[c].losses; };
  ElectionResult r;
  r.winners = argmax<int>(cands, score);
  r.explanation["copeland_scores"] = scores_json(p, cands, score);
  r.explanation["head_to_head"] = head_to_head_json(p, cands, rec);
  return r;
}

// Llull: wins plus ties, i.e. candidates weakly beaten (Ramon Llull, "Ars electionis", 1299).
ElectionResult llull(const Profile& p, const CandidateSet& cands, const Params& params) {
  auto rec = head_to_head(support_of(p, params), cands);
  auto score = [&](Cand c) { return rec[c].wins + rec[c].ties; };
  ElectionResult r;
  r.winners = argmax<int>(cands, score);
  r.explanation["llull_scores"] = scores_json(p, cands, score);
  r.explanation["head_to_head"] = head_to_head_json(p, cands, rec);
  return r;
}

static const Registration copeland_registration{MethodInfo{
    .id = "copeland",
    .aliases = {"Copeland"},
    .family = "elect",
    .input = "ranking",
    .summary = "the candidates with the most head-to-head wins minus losses",
    .citation = "A. H. Copeland, A 'reasonable' social welfare function, University of Michigan seminar, 1951",
    .params = {unranked_param()},
    .elect = copeland,
}};

static const Registration llull_registration{MethodInfo{
    .id = "llull",
    .aliases = {"Llull"},
    .family = "elect",
    .input = "ranking",
    .summary = "the candidates with the most head-to-head wins plus ties (Copeland with a tie worth a win)",
    .citation = "R. Llull, Ars electionis, 1299; see G. Hagele and F. Pukelsheim, Llull's writings on electoral "
                "systems, Studia Lulliana 41, 2001",
    .params = {unranked_param()},
    .elect = llull,
}};

}  // namespace prefero
