// Stable Voting and Simple Stable Voting: take head-to-head matches from the strongest down and
// elect the winner a of the first match (a, b) such that a still wins once b is removed.
#include <algorithm>
#include <map>

#include "elect/common.hpp"
#include "elect/dominance.hpp"
#include "elect/margin_graph.hpp"
#include "elect/split_cycle.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

struct Match {
  Cand a, b;
  Strength s;
};

// One recursive computation, memoized on candidate subsets. `stable` restricts the first
// element of each match to the Split Cycle winners (Stable Voting); otherwise every candidate
// may win a match (Simple Stable Voting).
struct StableVoting {
  const PairwiseMatrix& s;
  StrengthKind kind;
  bool stable;
  struct Entry {
    std::vector<Cand> winners;
    std::map<Cand, Cand> removed;  // winner a -> the b whose removal witnessed a's win
  };
  std::map<CandidateSet, Entry> memo;

  std::vector<Cand> undefeated(const CandidateSet& cands) const {
    if (!stable) return cands;
    const StrongestPaths sp = strongest_paths(s, kind, cands);
    std::vector<char> defeated(cands.size(), 0);
    for (auto [b, a] : split_cycle_defeats(sp)) defeated[a] = 1;
    std::vector<Cand> out;
    for (size_t i = 0; i < cands.size(); ++i)
      if (!defeated[i]) out.push_back(cands[i]);
    return out;
  }

  const Entry& winners(const CandidateSet& cands) {
    if (auto it = memo.find(cands); it != memo.end()) return it->second;
    Entry e;
    const std::vector<Cand> open = undefeated(cands);
    if (cands.size() == 1 || open.size() == 1) {
      e.winners = open;
    } else if (auto cw = condorcet_winner(s, cands)) {  // both rules are Condorcet consistent
      e.winners = {*cw};
    } else {
      std::vector<Match> matches;
      for (Cand a : open)
        for (Cand b : cands)
          if (a != b) matches.push_back({a, b, strength(s, kind, a, b)});
      std::stable_sort(matches.begin(), matches.end(), [](const Match& x, const Match& y) { return y.s < x.s; });
      const Strength* witness = nullptr;
      for (const Match& m : matches) {
        if (witness && m.s < *witness) break;
        if (std::find(e.winners.begin(), e.winners.end(), m.a) != e.winners.end()) continue;
        const auto& sub = winners(without(cands, {m.b})).winners;
        if (std::find(sub.begin(), sub.end(), m.a) != sub.end()) {
          e.winners.push_back(m.a);
          e.removed[m.a] = m.b;
          witness = &m.s;
        }
      }
      std::sort(e.winners.begin(), e.winners.end());
    }
    return memo.emplace(cands, std::move(e)).first->second;
  }

  // For each winner, the candidates removed on the way down to a one-candidate (or settled) election.
  json eliminations(const Profile& p, const CandidateSet& cands) {
    json out = json::object();
    for (Cand w : winners(cands).winners) {
      json chain = json::array();
      CandidateSet here = cands;
      while (true) {
        const Entry& e = winners(here);
        auto it = e.removed.find(w);
        if (it == e.removed.end()) break;
        chain.push_back(p.id(it->second));
        here = without(here, {it->second});
      }
      out[std::to_string(p.id(w))] = chain;
    }
    return out;
  }
};

ElectionResult stable_voting_run(const Profile& p, const CandidateSet& cands, const Params& params, bool stable) {
  const auto& s = support_of(p, params);
  StableVoting sv{s, strength_of(params), stable, {}};
  ElectionResult r;
  r.winners = sv.winners(cands).winners;
  r.explanation["eliminations"] = sv.eliminations(p, cands);
  r.explanation["subelections_evaluated"] = sv.memo.size();
  if (cands.size() <= kExplainMatrixLimit) r.explanation["margins"] = margins_json(p, s, cands);
  return r;
}

}  // namespace

// Stable Voting (W. H. Holliday and E. Pacuit, "Stable Voting", Constitutional Political Economy
// 34, 2023): matches a vs b taken strongest first, a restricted to the Split Cycle winners.
ElectionResult stable_voting(const Profile& p, const CandidateSet& cands, const Params& params) {
  return stable_voting_run(p, cands, params, true);
}

// Simple Stable Voting (same paper): the same recursion without the Split Cycle restriction.
ElectionResult simple_stable_voting(const Profile& p, const CandidateSet& cands, const Params& params) {
  return stable_voting_run(p, cands, params, false);
}

static const Registration stable_voting_registration{MethodInfo{
    .id = "stable_voting",
    .aliases = {"Stable Voting"},
    .family = "elect",
    .input = "ranking",
    .summary = "strongest match a vs b (a undefeated by Split Cycle) such that a wins without b",
    .citation = "W. H. Holliday, E. Pacuit, Stable Voting, Constitutional Political Economy 34, 2023",
    .params = {unranked_param(), strength_param({"margin", "winning_votes", "ratio"})},
    .elect = stable_voting,
}};

static const Registration simple_stable_voting_registration{MethodInfo{
    .id = "simple_stable_voting",
    .aliases = {"Simple Stable Voting"},
    .family = "elect",
    .input = "ranking",
    .summary = "strongest match a vs b such that a wins the election without b",
    .citation = "W. H. Holliday, E. Pacuit, Stable Voting, Constitutional Political Economy 34, 2023",
    .params = {unranked_param(), strength_param({"margin", "winning_votes", "ratio"})},
    .elect = simple_stable_voting,
}};

}  // namespace prefero
