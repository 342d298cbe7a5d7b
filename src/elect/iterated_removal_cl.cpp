// Iterated removal of Condorcet losers, and Daunou's rule built on it.
#include "elect/common.hpp"
#include "elect/dominance.hpp"
#include "elect/elimination.hpp"
#include "elect/plurality.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

// Removes Condorcet losers one at a time until none is left; returns the survivors and notes
// the order of removal in `removed`.
CandidateSet remove_condorcet_losers(const PairwiseMatrix& s, CandidateSet remaining, std::vector<Cand>& removed) {
  while (remaining.size() > 1) {
    auto loser = condorcet_loser(s, remaining);
    if (!loser) break;
    removed.push_back(*loser);
    remaining = without(remaining, {*loser});
  }
  return remaining;
}

}  // namespace

// Iterated removal of Condorcet losers (pref_voting iterated_removal_cl).
ElectionResult iterated_removal_cl(const Profile& p, const CandidateSet& cands, const Params& params) {
  std::vector<Cand> removed;
  ElectionResult r;
  r.winners = remove_condorcet_losers(support_of(p, params), cands, removed);
  r.explanation["condorcet_losers_removed"] = ids_json(p, removed);
  return r;
}

// Daunou: the Condorcet winner if there is one; otherwise remove Condorcet losers iteratively and
// elect the plurality winners among the survivors (P. C. F. Daunou, 1803; see Fischer, Hudry and
// Monjardet, via pref_voting daunou).
ElectionResult daunou(const Profile& p, const CandidateSet& cands, const Params& params) {
  const PairwiseMatrix& s = support_of(p, params);
  ElectionResult r;
  if (auto cw = condorcet_winner(s, cands)) {
    r.winners = {*cw};
    r.explanation["condorcet_winner"] = p.id(*cw);
    return r;
  }
  std::vector<Cand> removed;
  CandidateSet survivors = remove_condorcet_losers(s, cands, removed);
  auto score = plurality_scores(p, survivors, params.text("top_ties"));
  r.winners = argmax<Rational>(survivors, [&](Cand c) { return score[c]; });
  r.explanation["condorcet_winner"] = nullptr;
  r.explanation["condorcet_losers_removed"] = ids_json(p, removed);
  r.explanation["plurality_scores"] = rational_scores_json(p, survivors, score);
  return r;
}

static const Registration iterated_removal_cl_registration{MethodInfo{
    .id = "iterated_removal_cl",
    .aliases = {"Iterated Removal Condorcet Loser"},
    .family = "elect",
    .input = "ranking",
    .summary = "remove Condorcet losers one at a time until there is none",
    .citation = "pref_voting iterated_removal_cl",
    .params = {unranked_param()},
    .elect = iterated_removal_cl,
}};

static const Registration daunou_registration{MethodInfo{
    .id = "daunou",
    .aliases = {"Daunou"},
    .family = "elect",
    .input = "ranking",
    .summary = "the Condorcet winner, else the plurality winners after iteratively removing Condorcet losers",
    .citation = "P. C. F. Daunou, Memoire sur les elections au scrutin, 1803; F. Brandt et al., "
                "Soc. Choice Welf. 2021 (doi:10.1007/s00355-020-01276-w); pref_voting daunou",
    .params = {unranked_param(), top_ties_param()},
    .elect = daunou,
}};

}  // namespace prefero
