// Loss-Trimmer Voting: drop the candidate with the largest total margin of defeat until a
// (weak) Condorcet winner appears; ties between the biggest losers go to every universe.
#include <map>

#include "elect/common.hpp"
#include "elect/dominance.hpp"
#include "elect/margin_graph.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

struct Trimmer {
  const Profile& p;
  const PairwiseMatrix& s;
  std::map<CandidateSet, std::vector<Cand>> memo;
  json rounds = json::array();

  std::vector<Cand> winners(const CandidateSet& cands) {
    if (auto it = memo.find(cands); it != memo.end()) return it->second;
    std::vector<Cand> out = weak_condorcet_winners(s, cands);
    if (out.empty()) {
      auto losers = argmax<int64_t>(cands, [&](Cand c) { return total_margin_of_loss(s, cands, c); });
      rounds.push_back({{"candidates", ids_json(p, cands)},
                        {"total_margin_of_loss", scores_json(p, cands, [&](Cand c) { return total_margin_of_loss(s, cands, c); })},
                        {"trimmed", ids_json(p, losers)}});
      std::vector<char> in(static_cast<size_t>(p.num_candidates()), 0);
      for (Cand loser : losers)
        for (Cand w : winners(without(cands, {loser}))) in[w] = 1;
      for (Cand c : cands)
        if (in[c]) out.push_back(c);
    }
    memo.emplace(cands, out);
    return out;
  }
};

}  // namespace

// Loss-Trimmer Voting (R. B. Darlington, "The Case for the Loss-Trimmer Voting System", 2021;
// pref_voting's loss_trimmer, parallel-universe tie-breaking).
ElectionResult loss_trimmer(const Profile& p, const CandidateSet& cands, const Params& params) {
  Trimmer t{p, support_of(p, params), {}, json::array()};
  ElectionResult r;
  r.winners = t.winners(cands);
  r.explanation["rounds"] = t.rounds;
  return r;
}

static const Registration loss_trimmer_registration{MethodInfo{
    .id = "loss_trimmer",
    .aliases = {"Loss-Trimmer Voting", "Loss-Trimmer"},
    .family = "elect",
    .input = "ranking",
    .summary = "eliminate the largest total margin of defeat until a weak Condorcet winner remains",
    .citation = "R. B. Darlington, The Case for the Loss-Trimmer Voting System, arXiv:2106.05248, 2021",
    .params = {unranked_param()},
    .elect = loss_trimmer,
}};

}  // namespace prefero
