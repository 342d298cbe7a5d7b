#include "elect/elimination.hpp"

#include <algorithm>
#include <map>

#include "core/error.hpp"
#include "elect/common.hpp"

namespace prefero {

ParamSpec elimination_ties_param(const std::vector<std::string>& choices) {
  return {"elimination_ties", ParamType::choice, choices.front(),
          "candidates tied for elimination: simultaneous (all go at once; pref_voting's plain rule), "
          "put (parallel-universe tie-breaking: union of winners over every way of breaking the ties; "
          "pref_voting's *_put), fixed (remove the tied candidate listed first in tie_break_order, "
          "default lowest id; pref_voting's *_tb)",
          choices};
}

EliminationTies elimination_ties_of(const Params& params) {
  const std::string& v = params.text("elimination_ties");
  if (v == "put") return EliminationTies::put;
  if (v == "fixed") return EliminationTies::fixed;
  return EliminationTies::simultaneous;
}

int64_t pairwise_borda(const PairwiseMatrix& s, const CandidateSet& cands, Cand c) {
  int64_t total = 0;
  for (Cand d : cands)
    if (d != c) total += s(c, d);
  return total;
}

int64_t active_ballots(const Profile& p, const CandidateSet& cands) {
  int64_t n = 0;
  for (size_t b = 0; b < p.num_ballots(); ++b) {
    auto lv = p.ballot(b);
    if (std::any_of(cands.begin(), cands.end(), [&](Cand c) { return lv[c] != kUnranked; })) n += p.counts[b];
  }
  return n;
}

json rational_scores_json(const Profile& p, const CandidateSet& cands, const std::vector<Rational>& score) {
  return scores_json(p, cands, [&](Cand c) -> json {
    if (score[c].get_den() == 1 && score[c].get_num().fits_slong_p()) return score[c].get_num().get_si();
    return to_string(score[c]);
  });
}

std::vector<Cand> union_of(std::vector<Cand> a, const std::vector<Cand>& b) {
  a.insert(a.end(), b.begin(), b.end());
  std::sort(a.begin(), a.end());
  a.erase(std::unique(a.begin(), a.end()), a.end());
  return a;
}

namespace {

constexpr size_t kMaxExplainedUniverses = 500;

const std::vector<Cand>& field_of(const EliminationStep& st, const CandidateSet& remaining) {
  return st.field.empty() ? remaining : st.field;
}

json round_json(const Profile& p, const CandidateSet& remaining, const EliminationStep& st) {
  json r = {{"remaining", ids_json(p, remaining)}};
  if (!st.field.empty() && st.field != remaining) r["field"] = ids_json(p, st.field);
  if (!st.scores.empty()) r["scores"] = st.scores;
  return r;
}

// simultaneous and fixed: one line of rounds.
ElectionResult run_sequential(const Profile& p, CandidateSet remaining, const EliminationRound& round,
                              EliminationTies ties, const std::vector<Cand>& order) {
  ElectionResult res;
  json rounds = json::array();
  while (true) {
    if (remaining.size() <= 1) {
      res.winners = remaining;
      res.explanation["stopped"] = "one candidate remains";
      break;
    }
    EliminationStep st = round(remaining);
    json r = round_json(p, remaining, st);
    if (!st.winners.empty()) {
      res.winners = st.winners;
      res.explanation["stopped"] = st.reason;
      rounds.push_back(r);
      break;
    }
    const std::vector<Cand>& field = field_of(st, remaining);
    if (st.losers.empty()) throw std::logic_error("elimination round named no loser");
    if (ties == EliminationTies::simultaneous && st.losers.size() == field.size()) {
      res.winners = field;
      r["tied"] = ids_json(p, st.losers);
      res.explanation["stopped"] = "every candidate of the round is tied";
      rounds.push_back(r);
      break;
    }
    std::vector<Cand> out = st.losers;
    if (ties == EliminationTies::fixed && out.size() > 1) {
      r["tied"] = ids_json(p, st.losers);
      Cand first = *std::find_if(order.begin(), order.end(), [&](Cand c) {
        return std::find(st.losers.begin(), st.losers.end(), c) != st.losers.end();
      });
      out = {first};
    }
    r["eliminated"] = ids_json(p, out);
    rounds.push_back(r);
    remaining = without(remaining, out);
  }
  std::sort(res.winners.begin(), res.winners.end());
  res.explanation["rounds"] = rounds;
  return res;
}

// put: winners(S) = union over tied losers y of winners(S \ {y}), memoized on S.
struct ParallelUniverses {
  const Profile& p;
  const EliminationRound& round;
  std::map<CandidateSet, std::vector<Cand>> memo;
  json states = json::array();

  std::vector<Cand> winners(const CandidateSet& remaining) {
    if (remaining.size() <= 1) return remaining;
    if (auto it = memo.find(remaining); it != memo.end()) return it->second;
    EliminationStep st = round(remaining);
    json r = round_json(p, remaining, st);
    std::vector<Cand> w;
    if (!st.winners.empty()) {
      w = st.winners;
      std::sort(w.begin(), w.end());
      r["stopped"] = st.reason;
    } else {
      if (st.losers.empty()) throw std::logic_error("elimination round named no loser");
      r["eliminate_one_of"] = ids_json(p, st.losers);
      for (Cand y : st.losers) w = union_of(w, winners(without(remaining, {y})));
    }
    r["winners"] = ids_json(p, w);
    if (states.size() < kMaxExplainedUniverses) states.push_back(r);
    memo.emplace(remaining, w);
    return w;
  }
};

}  // namespace

ElectionResult run_elimination(const Profile& p, const CandidateSet& cands, const EliminationRound& round,
                               EliminationTies ties, const std::vector<Cand>& tie_break_order) {
  if (ties != EliminationTies::put) return run_sequential(p, cands, round, ties, tie_break_order);
  ParallelUniverses put{p, round, {}, json::array()};
  ElectionResult res;
  res.winners = put.winners(cands);
  res.explanation["universes_visited"] = put.memo.size();
  if (put.memo.size() > kMaxExplainedUniverses) res.explanation["universes_shown"] = kMaxExplainedUniverses;
  // states were recorded as each finished (deepest first); show them from the start.
  json states = json::array();
  for (auto it = put.states.rbegin(); it != put.states.rend(); ++it) states.push_back(*it);
  res.explanation["universes"] = states;
  return res;
}

}  // namespace prefero
