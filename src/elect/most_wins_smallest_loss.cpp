// Most Wins, Smallest Loss: the best Copeland record, ties broken by the smallest worst defeat.
#include <algorithm>

#include "elect/common.hpp"
#include "registry/registry.hpp"

namespace prefero {

// Most Wins, Smallest Loss (pref_voting's most_wins_smallest_loss): head-to-head wins minus losses,
// then among the best the smallest largest margin of defeat.
ElectionResult most_wins_smallest_loss(const Profile& p, const CandidateSet& cands, const Params& params) {
  const auto& s = support_of(p, params);
  const size_t m = static_cast<size_t>(p.num_candidates());
  std::vector<int64_t> record(m, 0), worst_loss(m, 0);
  for (Cand a : cands) {
    bool first = true;
    for (Cand b : cands) {
      if (a == b) continue;
      record[a] += s.beats(a, b) ? 1 : s.beats(b, a) ? -1 : 0;
      worst_loss[a] = first ? s.margin(b, a) : std::max(worst_loss[a], s.margin(b, a));
      first = false;
    }
  }
  const auto most_wins = argmax<int64_t>(cands, [&](Cand c) { return record[c]; });
  ElectionResult r;
  r.winners = argmin<int64_t>(most_wins, [&](Cand c) { return worst_loss[c]; });
  r.explanation["wins_minus_losses"] = scores_json(p, cands, [&](Cand c) { return record[c]; });
  r.explanation["most_wins"] = ids_json(p, most_wins);
  r.explanation["largest_margin_of_loss"] = scores_json(p, most_wins, [&](Cand c) { return worst_loss[c]; });
  return r;
}

static const Registration most_wins_smallest_loss_registration{MethodInfo{
    .id = "most_wins_smallest_loss",
    .aliases = {"Most Wins, Smallest Loss"},
    .family = "elect",
    .input = "ranking",
    .summary = "most head-to-head wins minus losses; ties broken by the smallest largest defeat",
    .citation = "pref_voting (Holliday & Pacuit), margin_based_methods.most_wins_smallest_loss",
    .params = {unranked_param()},
    .elect = most_wins_smallest_loss,
}};

}  // namespace prefero
