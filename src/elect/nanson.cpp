// Nanson: eliminate every candidate whose Borda score is below the average (strict Nanson) or
// at most the average (weak Nanson), recomputing the scores among those remaining.
#include "elect/common.hpp"
#include "elect/elimination.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

// One Nanson round; `weak` also eliminates candidates exactly at the average.
EliminationRound nanson_round(const Profile& p, const PairwiseMatrix& s, bool weak) {
  return [&p, &s, weak](const CandidateSet& remaining) {
    EliminationStep st;
    const auto k = static_cast<int64_t>(remaining.size());
    int64_t total = 0;
    for (Cand c : remaining) total += pairwise_borda(s, remaining, c);
    st.scores["borda"] = scores_json(p, remaining, [&](Cand c) { return pairwise_borda(s, remaining, c); });
    st.scores["average"] = to_string(Rational(total, k));
    for (Cand c : remaining) {
      int64_t scaled = k * pairwise_borda(s, remaining, c);  // compare score with total / k exactly
      if (scaled < total || (weak && scaled == total)) st.losers.push_back(c);
    }
    if (st.losers.empty()) {
      st.winners = remaining;
      st.reason = "no candidate is below the average Borda score";
    }
    return st;
  };
}

ElectionResult nanson(const Profile& p, const CandidateSet& cands, const Params& params, bool weak) {
  return run_elimination(p, cands, nanson_round(p, support_of(p, params), weak), EliminationTies::simultaneous, {});
}

}  // namespace

// Strict Nanson (E. J. Nanson, "Methods of election", Trans. Proc. Royal Soc. Victoria 19, 1882).
ElectionResult strict_nanson(const Profile& p, const CandidateSet& cands, const Params& params) {
  return nanson(p, cands, params, false);
}

// Weak Nanson (Nanson 1882 as read by Schwartz; see Niou, "A note on Nanson's rule", Public Choice 1987).
ElectionResult weak_nanson(const Profile& p, const CandidateSet& cands, const Params& params) {
  return nanson(p, cands, params, true);
}

static const Registration strict_nanson_registration{MethodInfo{
    .id = "strict_nanson",
    .aliases = {"Strict Nanson", "nanson"},
    .family = "elect",
    .input = "ranking",
    .summary = "eliminate every candidate with a Borda score below the average, recomputed each round",
    .citation = "E. J. Nanson, Methods of election, Trans. Proc. Royal Soc. Victoria 19, 1882; pref_voting strict_nanson",
    .params = {unranked_param()},
    .elect = strict_nanson,
}};

static const Registration weak_nanson_registration{MethodInfo{
    .id = "weak_nanson",
    .aliases = {"Weak Nanson"},
    .family = "elect",
    .input = "ranking",
    .summary = "eliminate every candidate with a Borda score at most the average, recomputed each round",
    .citation = "E. M. S. Niou, A note on Nanson's rule, Public Choice 54, 1987; pref_voting weak_nanson",
    .params = {unranked_param()},
    .elect = weak_nanson,
}};

}  // namespace prefero
