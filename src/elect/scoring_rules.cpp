// Fixed-vector scoring rules: anti-plurality, Dowdall (Nauru), positive-negative voting.
// Ties inside a ballot and unranked candidates are scored as in positional.hpp.
#include "elect/fraction.hpp"
#include "elect/common.hpp"
#include "elect/positional.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {
ElectionResult best_by_score(const Profile& p, const CandidateSet& cands, const std::vector<Rational>& score,
                             const char* key) {
  ElectionResult r;
  r.winners = argmax<Rational>(cands, [&](Cand c) { return score[c]; });
  r.explanation[key] = scores_json(p, cands, [&](Cand c) { return to_string(score[c]); });
  return r;
}
}  // namespace

// Anti-plurality (veto): fewest last places (Saari, "Basic Geometry of Voting", 1995; pref_voting's Anti-Plurality).
ElectionResult anti_plurality(const Profile& p, const CandidateSet& cands, const Params&) {
  auto score = positional_scores(p, cands, [](int m, int pos) { return Rational(pos == m ? -1 : 0); },
                                 UnrankedPoints::share);
  ElectionResult r;
  r.winners = argmax<Rational>(cands, [&](Cand c) { return score[c]; });
  r.explanation["last_place_scores"] = scores_json(p, cands, [&](Cand c) { return to_string(-score[c]); });
  return r;
}

// Dowdall: position k scores 1/k (Fraenkel & Grofman, Australian J. Political Science 49(2), 2014; used in Nauru).
ElectionResult dowdall(const Profile& p, const CandidateSet& cands, const Params& params) {
  auto score = positional_scores(p, cands, [](int, int pos) { return fraction(1, pos); }, unranked_points_of(params));
  return best_by_score(p, cands, score, "dowdall_scores");
}

// Positive-negative voting: +1 for a first place, -1 for a last place (Economic Inquiry, doi:10.1111/ecin.12929).
ElectionResult positive_negative_voting(const Profile& p, const CandidateSet& cands, const Params&) {
  auto score = positional_scores(
      p, cands, [](int m, int pos) { return Rational(pos == 1 ? 1 : (pos == m ? -1 : 0)); }, UnrankedPoints::share);
  return best_by_score(p, cands, score, "positive_negative_scores");
}

static const Registration anti_plurality_registration{MethodInfo{
    .id = "anti_plurality",
    .aliases = {"Anti-Plurality", "veto", "antiplurality"},
    .family = "elect",
    .input = "ranking",
    .summary = "the candidates ranked last by the fewest voters (tied last places split; unranked candidates "
               "share the last place)",
    .citation = "D. G. Saari, Basic Geometry of Voting, Springer 1995",
    .params = {},
    .elect = anti_plurality,
}};

static const Registration dowdall_registration{MethodInfo{
    .id = "dowdall",
    .aliases = {"Dowdall", "nauru", "borda_nauru"},
    .family = "elect",
    .input = "ranking",
    .summary = "scoring rule with 1/k points for position k (tied candidates share their positions' points)",
    .citation = "J. Fraenkel, B. Grofman, The Borda Count and its real-world alternatives, Australian Journal of "
                "Political Science 49(2), 2014",
    .params = {unranked_points_param()},
    .elect = dowdall,
}};

static const Registration positive_negative_registration{MethodInfo{
    .id = "positive_negative_voting",
    .aliases = {"Positive-Negative Voting"},
    .family = "elect",
    .input = "ranking",
    .summary = "scoring rule with +1 for a first place and -1 for a last place",
    .citation = "Economic Inquiry, doi:10.1111/ecin.12929 (as cited by pref_voting)",
    .params = {},
    .elect = positive_negative_voting,
}};

}  // namespace prefero
