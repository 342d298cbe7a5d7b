// Random Dictator (random ballot): draw one voter, elect their first choice.
#include "core/error.hpp"
#include "elect/fraction.hpp"
#include "elect/common.hpp"
#include "elect/plurality.hpp"
#include "registry/registry.hpp"

namespace prefero {

// Random Dictator (A. Gibbard, Manipulation of schemes that mix voting with chance, Econometrica 45, 1977):
// each candidate's probability is its share of first places; a tied top splits its voter.
ElectionResult random_dictator(const Profile& p, const CandidateSet& cands, const Params&) {
  auto firsts = plurality_scores(p, cands, "split");
  Rational total;
  for (Cand c : cands) total += firsts[c];
  ElectionResult r;
  for (Cand c : cands) {
    Rational prob = total > 0 ? Rational(firsts[c] / total) : fraction(1, static_cast<int64_t>(cands.size()));
    if (prob > 0) {
      r.lottery.emplace_back(c, prob);
      r.winners.push_back(c);
    }
  }
  r.explanation["first_place_shares"] = scores_json(p, cands, [&](Cand c) { return to_string(firsts[c]); });
  r.explanation["lottery"] = json::object();
  for (const auto& [c, prob] : r.lottery) r.explanation["lottery"][std::to_string(p.id(c))] = to_string(prob);
  if (total == 0) r.explanation["note"] = "no ballot ranks a candidate in play: uniform lottery";
  return r;
}

static const Registration random_dictator_registration{MethodInfo{
    .id = "random_dictator",
    .aliases = {"Random Dictator", "random_ballot"},
    .family = "elect",
    .input = "ranking",
    .summary = "lottery: each candidate wins with its share of first places (tied tops split); winners = support",
    .citation = "A. Gibbard, Manipulation of schemes that mix voting with chance, Econometrica 45(3), 1977",
    .params = {},
    .resolute = false,
    .probabilistic = true,
    .elect = random_dictator,
}};

}  // namespace prefero
