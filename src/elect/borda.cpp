// Borda count and its variants for ballots with ties and truncation.
#include "core/error.hpp"
#include "elect/fraction.hpp"
#include "elect/common.hpp"
#include "elect/positional.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

// Score of one indifference class on one ballot, from the counts of candidates in play strictly
// above it, in it (tied, c excluded) and strictly below it, unranked candidates counting as one
// class below every ranked one (pref_voting's "extended" preferences).
struct ClassCounts {
  int above = 0, tied = 0, below = 0, ranked_below = 0;
  bool unranked = false;
};

// Twice the points (every variant's points are multiples of 1/2), so sums stay integers.
int64_t twice_borda_points(const std::string& variant, const ClassCounts& k, int64_t base,
                           UnrankedPoints unranked_points) {
  if (variant == "symmetric") return 2 * (k.below - k.above);
  if (variant == "domination") return 2 * k.below;
  if (variant == "weak_domination") return 2 * (k.below + k.tied + 1);  // c itself counts, as in pref_voting
  if (variant == "non_domination") return -2 * k.above;
  if (variant == "modified") {  // only the ranked candidates count as positions
    if (k.unranked) return 0;
    return 2 * (base + k.ranked_below) + k.tied;
  }
  // positional: the average of the points base + (m - pos) over the class's positions
  if (k.unranked && unranked_points == UnrankedPoints::zero) return 0;
  return 2 * (base + k.below) + k.tied;
}

}  // namespace

// Borda count (J.-C. de Borda, Mémoire sur les élections au scrutin, 1781); tie/truncation
// variants from Terzopoulou & Endriss, J. Math. Economics 2021 (as pref_voting) and the modified
// Borda count (Dummett, Voting Procedures, 1984).
ElectionResult borda(const Profile& p, const CandidateSet& cands, const Params& params) {
  const std::string variant = params.text("borda_variant");
  const int64_t base = params.integer("base");
  const auto unranked_points = unranked_points_of(params);
  const bool positional = variant == "positional" || variant == "modified";
  if (!positional && base != 0)
    throw InputError("borda: base applies to borda_variant=positional or modified, not " + variant);
  if (base < -1000000000000 || base > 1000000000000) throw InputError("borda: base must be within +-10^12");
  if (variant != "positional" && params.text("unranked_points") != "share")
    throw InputError("borda: unranked_points applies to borda_variant=positional only");
  const int m = static_cast<int>(cands.size());
  std::vector<int64_t> twice(static_cast<size_t>(p.num_candidates()));
  for_each_class(p, cands, [&](const BallotClass& cls) {
    const int size = static_cast<int>(cls.cands.size());
    ClassCounts k{cls.above, size - 1, m - cls.above - size, cls.ranked - cls.above - size, cls.unranked};
    int64_t pts = 0;
    if (__builtin_mul_overflow(twice_borda_points(variant, k, base, unranked_points), cls.count, &pts))
      throw InputError("borda: scores exceed 64-bit integers");
    for (Cand c : cls.cands)
      if (__builtin_add_overflow(twice[c], pts, &twice[c])) throw InputError("borda: scores exceed 64-bit integers");
  });
  std::vector<Rational> score(static_cast<size_t>(p.num_candidates()));
  for (Cand c : cands) score[c] = fraction(twice[c], 2);
  ElectionResult r;
  r.winners = argmax<Rational>(cands, [&](Cand c) { return score[c]; });
  r.explanation["borda_variant"] = variant;
  if (positional) r.explanation["base"] = base;
  r.explanation["borda_scores"] = scores_json(p, cands, [&](Cand c) { return to_string(score[c]); });
  return r;
}

static const Registration borda_registration{MethodInfo{
    .id = "borda",
    .aliases = {"Borda", "borda_count"},
    .family = "elect",
    .input = "ranking",
    .summary = "scoring rule with m - k points for position k; variants for ties and truncated ballots",
    .citation = "J.-C. de Borda, Memoire sur les elections au scrutin, 1781; tie variants: Z. Terzopoulou, "
                "U. Endriss, The Borda class, J. Mathematical Economics 92, 2021",
    .params = {{"borda_variant", ParamType::choice, "positional",
                "positional (tied candidates share their positions' points: below + tied/2 + base; on strict "
                "complete ballots pref_voting's Borda), symmetric (below - above; pref_voting's default on "
                "ProfileWithTies, same winners as positional), domination (below), weak_domination (below + "
                "tied + 1), non_domination (-above), modified (only ranked candidates are positions: the last "
                "ranked gets base, unranked 0; Dummett's modified Borda with base=1). below/above count "
                "candidates in play, unranked ones below every ranked one",
                {"positional", "symmetric", "domination", "weak_domination", "non_domination", "modified"}},
               {"base", ParamType::integer, "0",
                "points of the last position (0 = pref_voting; 1 = Condorcet PHP); positional and modified only", {}},
               unranked_points_param()},
    .elect = borda,
}};

}  // namespace prefero
