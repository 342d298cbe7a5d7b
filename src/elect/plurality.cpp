// Plurality: the candidates ranked first by the most voters.
#include "elect/plurality.hpp"
#include "elect/common.hpp"
#include "registry/registry.hpp"

namespace prefero {

ParamSpec top_ties_param() {
  return {"top_ties", ParamType::choice, "split",
          "a ballot with several candidates tied at its top: split (each gets 1/k of the vote), "
          "whole (each gets the whole vote) or ignore (the ballot is not counted)",
          {"split", "whole", "ignore"}};
}

// Plurality score of each candidate of `cands` (ballots' top tier among `cands`).
std::vector<Rational> plurality_scores(const Profile& p, const CandidateSet& cands, const std::string& top_ties) {
  std::vector<Rational> score(static_cast<size_t>(p.num_candidates()));
  std::vector<Cand> top;
  for (size_t b = 0; b < p.num_ballots(); ++b) {
    auto lv = p.ballot(b);
    top.clear();
    int32_t best = INT32_MAX;
    for (Cand c : cands) {
      if (lv[c] == kUnranked || lv[c] > best) continue;
      if (lv[c] < best) top.clear(), best = lv[c];
      top.push_back(c);
    }
    if (top.empty() || (top.size() > 1 && top_ties == "ignore")) continue;
    Rational share = top_ties == "split" ? Rational(p.counts[b], static_cast<long>(top.size())) : Rational(p.counts[b]);
    share.canonicalize();  // the two-argument constructor does not reduce (2/2 stays 2/2)
    for (Cand c : top) score[c] += share;
  }
  return score;
}

// Plurality (the oldest rule; see e.g. Zwicker, "Introduction to the Theory of Voting", 2016).
ElectionResult plurality(const Profile& p, const CandidateSet& cands, const Params& params) {
  auto score = plurality_scores(p, cands, params.text("top_ties"));
  ElectionResult r;
  r.winners = argmax<Rational>(cands, [&](Cand c) { return score[c]; });
  r.explanation["plurality_scores"] = scores_json(p, cands, [&](Cand c) { return to_string(score[c]); });
  return r;
}

static const Registration plurality_registration{MethodInfo{
    .id = "plurality",
    .aliases = {"Plurality", "fptp", "first_past_the_post"},
    .family = "elect",
    .input = "ranking",
    .summary = "the candidates ranked first by the most voters",
    .citation = "W. S. Zwicker, Introduction to the Theory of Voting, Handbook of COMSOC, 2016",
    .params = {top_ties_param()},
    .elect = plurality,
}};

}  // namespace prefero
