// Coombs: eliminate the candidates ranked last by the most voters until one has a majority of
// first places.
#include "elect/common.hpp"
#include "elect/elimination.hpp"
#include "elect/plurality.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

// Last-place score of every candidate of `cands`: each ballot's bottom tier among `cands` gets
// the ballot's count (split / whole / ignore when tied, as top_ties). Candidates a ballot leaves
// unranked form its bottom tier; ballots ranking none of `cands` are exhausted.
std::vector<Rational> last_place_scores(const Profile& p, const CandidateSet& cands, const std::string& ties) {
  std::vector<Rational> score(static_cast<size_t>(p.num_candidates()));
  std::vector<Cand> bottom, unranked;
  for (size_t b = 0; b < p.num_ballots(); ++b) {
    auto lv = p.ballot(b);
    bottom.clear();
    unranked.clear();
    int32_t worst = -1;
    for (Cand c : cands) {
      if (lv[c] == kUnranked) {
        unranked.push_back(c);
        continue;
      }
      if (lv[c] < worst) continue;
      if (lv[c] > worst) bottom.clear(), worst = lv[c];
      bottom.push_back(c);
    }
    if (bottom.empty()) continue;  // exhausted
    if (!unranked.empty()) bottom = unranked;
    if (bottom.size() > 1 && ties == "ignore") continue;
    Rational share = ties == "split" ? Rational(p.counts[b], static_cast<long>(bottom.size())) : Rational(p.counts[b]);
    for (Cand c : bottom) score[c] += share;
  }
  return score;
}

EliminationRound coombs_round(const Profile& p, const std::string& ties) {
  return [&p, ties](const CandidateSet& remaining) {
    auto first = plurality_scores(p, remaining, ties);
    EliminationStep st;
    const Rational half(active_ballots(p, remaining), 2);
    std::vector<Cand> majority;
    for (Cand c : remaining)
      if (first[c] > half) majority.push_back(c);
    st.scores["first_places"] = rational_scores_json(p, remaining, first);
    if (!majority.empty()) {
      st.winners = majority;
      st.reason = "a majority of the active ballots rank this candidate first";
      return st;
    }
    auto last = last_place_scores(p, remaining, ties);
    st.scores["last_places"] = rational_scores_json(p, remaining, last);
    st.losers = argmax<Rational>(remaining, [&](Cand c) { return last[c]; });
    return st;
  };
}

}  // namespace

// Coombs (C. H. Coombs, "A Theory of Data", 1964; pref_voting coombs / coombs_tb / coombs_put).
ElectionResult coombs(const Profile& p, const CandidateSet& cands, const Params& params) {
  return run_elimination(p, cands, coombs_round(p, params.text("top_ties")), elimination_ties_of(params),
                         tie_break_order(p, params));
}

static const Registration coombs_registration{MethodInfo{
    .id = "coombs",
    .aliases = {"Coombs"},
    .family = "elect",
    .input = "ranking",
    .summary = "eliminate the candidates ranked last by the most voters until one has a majority of first places",
    .citation = "C. H. Coombs, A Theory of Data, Wiley 1964; pref_voting coombs / coombs_tb / coombs_put",
    .params = {top_ties_param(), elimination_ties_param()},
    .elect = coombs,
}};

}  // namespace prefero
