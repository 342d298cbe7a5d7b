// Condorcet and weak Condorcet: the candidates no one beats head to head, or everyone when
// there is none (pref_voting's convention, so that the rule always elects someone).
#include "elect/common.hpp"
#include "elect/dominance.hpp"
#include "elect/majority_graph.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

json margins_or_note(const Profile& p, const PairwiseMatrix& s, const CandidateSet& cands) {
  if (static_cast<int>(cands.size()) > kExplainGraphLimit)
    return "not listed for more than " + std::to_string(kExplainGraphLimit) + " candidates";
  return margins_json(p, s, cands);
}

}  // namespace

// Condorcet winner (Condorcet, "Essai sur l'application de l'analyse...", 1785), else all candidates.
ElectionResult condorcet(const Profile& p, const CandidateSet& cands, const Params& params) {
  const auto& s = support_of(p, params);
  auto cw = condorcet_winner(s, cands);
  ElectionResult r;
  r.winners = cw ? std::vector<Cand>{*cw} : cands;
  r.explanation["condorcet_winner"] = cw ? json(p.id(*cw)) : json(nullptr);
  if (!cw) r.explanation["note"] = "no candidate beats every other one head to head: every candidate wins";
  r.explanation["margins"] = margins_or_note(p, s, cands);
  return r;
}

// Weak Condorcet winners (beaten by no one head to head), else all candidates.
ElectionResult weak_condorcet(const Profile& p, const CandidateSet& cands, const Params& params) {
  const auto& s = support_of(p, params);
  auto weak = weak_condorcet_winners(s, cands);
  ElectionResult r;
  r.explanation["weak_condorcet_winners"] = ids_json(p, weak);
  if (weak.empty()) {
    weak = cands;
    r.explanation["note"] = "every candidate is beaten head to head by someone: every candidate wins";
  }
  r.winners = weak;
  r.explanation["margins"] = margins_or_note(p, s, cands);
  return r;
}

// Condorcet loser (beaten head to head by every other candidate), else all candidates. Not a
// voting rule: it reports the candidate Condorcet-consistent rules must never elect, in the same
// shape as `condorcet` (Condorcet PHP reports it beside the winner).
ElectionResult condorcet_loser_rule(const Profile& p, const CandidateSet& cands, const Params& params) {
  const auto& s = support_of(p, params);
  auto cl = condorcet_loser(s, cands);
  ElectionResult r;
  r.winners = cl ? std::vector<Cand>{*cl} : cands;
  r.explanation["condorcet_loser"] = cl ? json(p.id(*cl)) : json(nullptr);
  if (!cl) r.explanation["note"] = "no candidate loses to every other one head to head: every candidate is returned";
  r.explanation["margins"] = margins_or_note(p, s, cands);
  return r;
}

static const Registration condorcet_loser_registration{MethodInfo{
    .id = "condorcet_loser",
    .aliases = {"Condorcet Loser"},
    .family = "elect",
    .input = "ranking",
    .summary = "reports the Condorcet loser (beaten head to head by every other candidate) if there is one, else "
               "every candidate; an analysis, not a voting rule",
    .citation = "M. de Condorcet, Essai sur l'application de l'analyse a la probabilite des decisions rendues a la "
                "pluralite des voix, 1785",
    .params = {unranked_param()},
    .elect = condorcet_loser_rule,
}};

static const Registration condorcet_registration{MethodInfo{
    .id = "condorcet",
    .aliases = {"Condorcet"},
    .family = "elect",
    .input = "ranking",
    .summary = "the Condorcet winner (beats every other candidate head to head) if there is one, else every candidate",
    .citation = "M. de Condorcet, Essai sur l'application de l'analyse a la probabilite des decisions rendues a la "
                "pluralite des voix, 1785",
    .params = {unranked_param()},
    .elect = condorcet,
}};

static const Registration weak_condorcet_registration{MethodInfo{
    .id = "weak_condorcet",
    .aliases = {"Weak Condorcet"},
    .family = "elect",
    .input = "ranking",
    .summary = "every weak Condorcet winner (beaten by no one head to head) if there is one, else every candidate",
    .citation = "M. de Condorcet, 1785; see F. Brandt et al., Handbook of Computational Social Choice, ch. 3, 2016",
    .params = {unranked_param()},
    .elect = weak_condorcet,
}};

}  // namespace prefero
