// Copeland with its ties broken by Borda or Minimax, scored among the Copeland winners only
// (local) or among every candidate in play (global). pref_voting's combined methods.
#include <algorithm>

#include "elect/common.hpp"
#include "elect/copeland.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

// Symmetric Borda score among `among`: for each voter, candidates ranked below c minus those
// ranked above c, with a ranked candidate above an unranked one (pref_voting's Borda for
// truncated ballots). On complete strict rankings this orders candidates exactly as Borda.
int64_t symmetric_borda(const Profile& p, const CandidateSet& among, Cand c) {
  int64_t score = 0;
  for (Cand b : among)
    if (b != c) score += p.support_tied_last.margin(c, b);
  return score;
}

// Minimax score among `among`: the largest margin by which someone beats c (0 if unbeaten).
int64_t worst_defeat(const PairwiseMatrix& s, const CandidateSet& among, Cand c) {
  int64_t worst = 0;
  for (Cand b : among) worst = std::max(worst, s.margin(b, c));
  return worst;
}

enum class Scope { local, global };

ElectionResult copeland_then_borda(const Profile& p, const CandidateSet& cands, const Params& params, Scope scope) {
  auto cw = copeland_winners(support_of(p, params), cands);
  const CandidateSet& among = scope == Scope::local ? cw : cands;
  auto score = [&](Cand c) { return symmetric_borda(p, among, c); };
  ElectionResult r;
  r.winners = argmax<int64_t>(cw, score);
  r.explanation["copeland_winners"] = ids_json(p, cw);
  r.explanation["borda_among"] = ids_json(p, among);
  r.explanation["symmetric_borda_scores"] = scores_json(p, cw, score);
  return r;
}

ElectionResult copeland_then_minimax(const Profile& p, const CandidateSet& cands, const Params& params, Scope scope) {
  const auto& s = support_of(p, params);
  auto cw = copeland_winners(s, cands);
  const CandidateSet& among = scope == Scope::local ? cw : cands;
  auto score = [&](Cand c) { return worst_defeat(s, among, c); };
  ElectionResult r;
  r.winners = argmin<int64_t>(cw, score);
  r.explanation["copeland_winners"] = ids_json(p, cw);
  r.explanation["minimax_among"] = ids_json(p, among);
  r.explanation["worst_defeat_margins"] = scores_json(p, cw, score);
  return r;
}

}  // namespace

// Copeland, ties broken by Borda among the Copeland winners (pref_voting's copeland_local_borda).
ElectionResult copeland_local_borda(const Profile& p, const CandidateSet& cands, const Params& params) {
  return copeland_then_borda(p, cands, params, Scope::local);
}
// Copeland, ties broken by Borda among all candidates in play.
ElectionResult copeland_global_borda(const Profile& p, const CandidateSet& cands, const Params& params) {
  return copeland_then_borda(p, cands, params, Scope::global);
}
// Copeland, ties broken by Minimax among the Copeland winners.
ElectionResult copeland_local_minimax(const Profile& p, const CandidateSet& cands, const Params& params) {
  return copeland_then_minimax(p, cands, params, Scope::local);
}
// Copeland, ties broken by Minimax among all candidates in play.
ElectionResult copeland_global_minimax(const Profile& p, const CandidateSet& cands, const Params& params) {
  return copeland_then_minimax(p, cands, params, Scope::global);
}

namespace {
const char* const kCitation =
    "W. H. Holliday and E. Pacuit, pref_voting: combined_methods (Copeland with Borda / Minimax tie-breaking), "
    "2022-";
const char* const kBordaNote =
    "; Borda here is the symmetric Borda score (below minus above, ranked above unranked), pref_voting's Borda for "
    "truncated ballots";
}  // namespace

static const Registration copeland_local_borda_registration{MethodInfo{
    .id = "copeland_local_borda",
    .aliases = {"Copeland-Local-Borda"},
    .family = "elect",
    .input = "ranking",
    .summary = std::string("the Copeland winners with the highest Borda score in the election restricted to them") +
               kBordaNote,
    .citation = kCitation,
    .params = {unranked_param()},
    .elect = copeland_local_borda,
}};

static const Registration copeland_global_borda_registration{MethodInfo{
    .id = "copeland_global_borda",
    .aliases = {"Copeland-Global-Borda"},
    .family = "elect",
    .input = "ranking",
    .summary = std::string("the Copeland winners with the highest Borda score among all candidates in play") +
               kBordaNote,
    .citation = kCitation,
    .params = {unranked_param()},
    .elect = copeland_global_borda,
}};

static const Registration copeland_local_minimax_registration{MethodInfo{
    .id = "copeland_local_minimax",
    .aliases = {"Copeland-Local-Minimax"},
    .family = "elect",
    .input = "ranking",
    .summary = "the Copeland winners whose largest head-to-head defeat margin, against the other Copeland winners, "
               "is smallest",
    .citation = kCitation,
    .params = {unranked_param()},
    .elect = copeland_local_minimax,
}};

static const Registration copeland_global_minimax_registration{MethodInfo{
    .id = "copeland_global_minimax",
    .aliases = {"Copeland-Global-Minimax"},
    .family = "elect",
    .input = "ranking",
    .summary = "the Copeland winners whose largest head-to-head defeat margin, against any candidate in play, is "
               "smallest",
    .citation = kCitation,
    .params = {unranked_param()},
    .elect = copeland_global_minimax,
}};

}  // namespace prefero
