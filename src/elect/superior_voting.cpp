// Superior Voting: a candidate keeps its own first places and collects those of every candidate
// it beats head to head.
#include "elect/common.hpp"
#include "elect/plurality.hpp"
#include "registry/registry.hpp"

namespace prefero {

// Superior Voting (W. H. Holliday; named by E. B. Foley; pref_voting's Superior Voting).
ElectionResult superior_voting(const Profile& p, const CandidateSet& cands, const Params& params) {
  const auto& s = support_of(p, params);
  auto firsts = plurality_scores(p, cands, params.text("top_ties"));
  std::vector<Rational> points(static_cast<size_t>(p.num_candidates()));
  json gains = json::object();
  for (Cand c : cands) {
    points[c] = firsts[c];
    json from = json::array();
    for (Cand o : cands)
      if (o != c && s.margin(c, o) > 0) {
        points[c] += firsts[o];
        from.push_back(p.id(o));
      }
    gains[std::to_string(p.id(c))] = from;
  }
  ElectionResult r;
  r.winners = argmax<Rational>(cands, [&](Cand c) { return points[c]; });
  r.explanation["plurality_scores"] = scores_json(p, cands, [&](Cand c) { return to_string(firsts[c]); });
  r.explanation["beats"] = gains;
  r.explanation["points"] = scores_json(p, cands, [&](Cand c) { return to_string(points[c]); });
  return r;
}

static const Registration superior_voting_registration{MethodInfo{
    .id = "superior_voting",
    .aliases = {"Superior Voting"},
    .family = "elect",
    .input = "ranking",
    .summary = "own first places plus the first places of every candidate beaten head to head; most points win",
    .citation = "W. H. Holliday (pref_voting's Superior Voting; name by E. B. Foley)",
    .params = {top_ties_param(), unranked_param()},
    .elect = superior_voting,
}};

}  // namespace prefero
