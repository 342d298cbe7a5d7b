#include "elect/dominance.hpp"

#include <algorithm>

namespace prefero {

std::optional<Cand> condorcet_winner(const PairwiseMatrix& s, const CandidateSet& cands) {
  for (Cand a : cands) {
    bool wins = true;
    for (Cand b : cands) wins = wins && (a == b || s.beats(a, b));
    if (wins) return a;
  }
  return std::nullopt;
}

std::vector<Cand> weak_condorcet_winners(const PairwiseMatrix& s, const CandidateSet& cands) {
  std::vector<Cand> out;
  for (Cand a : cands) {
    bool ok = true;
    for (Cand b : cands) ok = ok && (a == b || s.margin(a, b) >= 0);
    if (ok) out.push_back(a);
  }
  return out;
}

std::optional<Cand> condorcet_loser(const PairwiseMatrix& s, const CandidateSet& cands) {
  if (cands.size() < 2) return std::nullopt;
  for (Cand a : cands) {
    bool loses = true;
    for (Cand b : cands) loses = loses && (a == b || s.beats(b, a));
    if (loses) return a;
  }
  return std::nullopt;
}

namespace {

// reach[a][b]: b reachable from a along edges `edge(x, y)` (Floyd-Warshall closure).
template <class Edge>
std::vector<std::vector<char>> closure(const CandidateSet& cands, Edge edge) {
  const size_t n = cands.size();
  std::vector<std::vector<char>> reach(n, std::vector<char>(n, 0));
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < n; ++j) reach[i][j] = i == j || edge(cands[i], cands[j]);
  for (size_t k = 0; k < n; ++k)
    for (size_t i = 0; i < n; ++i)
      if (reach[i][k])
        for (size_t j = 0; j < n; ++j) reach[i][j] = reach[i][j] || reach[k][j];
  return reach;
}

}  // namespace

// a is in the Smith set iff a reaches every candidate along "beats or ties" edges.
CandidateSet smith_set(const PairwiseMatrix& s, const CandidateSet& cands) {
  auto reach = closure(cands, [&](Cand a, Cand b) { return s.margin(a, b) >= 0; });
  CandidateSet out;
  for (size_t i = 0; i < cands.size(); ++i)
    if (std::all_of(reach[i].begin(), reach[i].end(), [](char r) { return r != 0; })) out.push_back(cands[i]);
  return out;
}

// a is in the Schwartz set iff every b that reaches a along "beats" edges is reached back by a.
CandidateSet schwartz_set(const PairwiseMatrix& s, const CandidateSet& cands) {
  auto reach = closure(cands, [&](Cand a, Cand b) { return s.beats(a, b); });
  CandidateSet out;
  for (size_t i = 0; i < cands.size(); ++i) {
    bool maximal = true;
    for (size_t j = 0; j < cands.size() && maximal; ++j) maximal = !(reach[j][i] && !reach[i][j]);
    if (maximal) out.push_back(cands[i]);
  }
  return out;
}

}  // namespace prefero
