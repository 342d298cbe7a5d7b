// Preliminary Weighted Condorcet: the first candidates of the orders maximizing the sum, over
// ordered pairs, of margin times both candidates' plurality scores.
#include <numeric>

#include "core/error.hpp"
#include "elect/common.hpp"
#include "elect/plurality.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

__extension__ typedef __int128 Wide;

constexpr size_t kMaxCandidates = 20;  // dynamic programme over subsets: 2^n n^2 steps

std::string wide_string(Wide v) {
  if (v == 0) return "0";
  const bool neg = v < 0;
  std::string out;
  for (; v != 0; v /= 10) out.insert(out.begin(), static_cast<char>('0' + (neg ? -(v % 10) : v % 10)));
  return neg ? "-" + out : out;
}

}  // namespace

// Preliminary Weighted Condorcet rule (T. N. Tideman, "Collective Decisions and Voting", 2006,
// p. 223; pref_voting's preliminary_weighted_condorcet). Plurality scores count first places
// among `cands`; a tied top tier splits the ballot.
ElectionResult preliminary_weighted_condorcet(const Profile& p, const CandidateSet& cands, const Params& params) {
  const size_t n = cands.size();
  if (n > kMaxCandidates)
    throw InputError("preliminary_weighted_condorcet: at most " + std::to_string(kMaxCandidates) +
                     " candidates (exact optimisation over orders)");
  const auto& s = support_of(p, params);
  const auto plurality = plurality_scores(p, cands, "split");
  long scale = 1;  // common denominator, so that the weights are integers
  for (Cand c : cands) scale = std::lcm(scale, plurality[c].get_den().get_si());
  std::vector<Wide> score(n);
  for (size_t i = 0; i < n; ++i) {
    Rational x = plurality[cands[i]] * scale;
    score[i] = static_cast<Wide>(x.get_num().get_si());
  }
  auto weight = [&](size_t i, size_t j) { return score[i] * score[j] * static_cast<Wide>(s.margin(cands[i], cands[j])); };
  // best[S]: the largest total weight of an order of the candidates in S.
  const size_t full = (size_t{1} << n) - 1;
  std::vector<Wide> best(full + 1, 0);
  auto gain = [&](size_t c, size_t rest) {  // c placed above every candidate of `rest`
    Wide g = 0;
    for (size_t d = 0; d < n; ++d)
      if (rest >> d & 1) g += weight(c, d);
    return g;
  };
  for (size_t set = 1; set <= full; ++set) {
    bool first = true;
    for (size_t c = 0; c < n; ++c) {
      if (!(set >> c & 1)) continue;
      const size_t rest = set & ~(size_t{1} << c);
      const Wide v = gain(c, rest) + best[rest];
      if (first || v > best[set]) best[set] = v, first = false;
    }
  }
  ElectionResult r;
  for (size_t c = 0; c < n; ++c) {
    const size_t rest = full & ~(size_t{1} << c);
    if (gain(c, rest) + best[rest] == best[full]) r.winners.push_back(cands[c]);
  }
  r.explanation["plurality_scores"] = scores_json(p, cands, [&](Cand c) { return to_string(plurality[c]); });
  r.explanation["best_order_score"] = wide_string(best[full]);
  if (scale != 1) r.explanation["score_scale"] = scale;
  return r;
}

static const Registration preliminary_weighted_condorcet_registration{MethodInfo{
    .id = "preliminary_weighted_condorcet",
    .aliases = {"Preliminary Weighted Condorcet"},
    .family = "elect",
    .input = "ranking",
    .summary = "top of the orders maximizing the sum of margins weighted by both candidates' plurality scores",
    .citation = "T. N. Tideman, Collective Decisions and Voting, Ashgate, 2006, p. 223",
    .params = {unranked_param()},
    .elect = preliminary_weighted_condorcet,
}};

}  // namespace prefero
