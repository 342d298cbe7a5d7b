#include "elect/majority_graph.hpp"

#include <bit>

#include "elect/common.hpp"

namespace prefero {

bool Bitset::any() const {
  for (uint64_t w : words)
    if (w) return true;
  return false;
}

int Bitset::count() const {
  int n = 0;
  for (uint64_t w : words) n += std::popcount(w);
  return n;
}

bool Bitset::subset_of(const Bitset& other) const {
  for (size_t k = 0; k < words.size(); ++k)
    if (words[k] & ~other.words[k]) return false;
  return true;
}

Bitset& Bitset::operator&=(const Bitset& other) {
  for (size_t k = 0; k < words.size(); ++k) words[k] &= other.words[k];
  return *this;
}

Bitset& Bitset::operator|=(const Bitset& other) {
  for (size_t k = 0; k < words.size(); ++k) words[k] |= other.words[k];
  return *this;
}

std::vector<int> Bitset::members() const {
  std::vector<int> out;
  for (size_t k = 0; k < words.size(); ++k)
    for (uint64_t w = words[k]; w; w &= w - 1) out.push_back(static_cast<int>(k * 64) + std::countr_zero(w));
  return out;
}

MajorityGraph majority_graph(const PairwiseMatrix& s, const CandidateSet& cands) {
  MajorityGraph g;
  g.cands = cands;
  const int n = g.size();
  g.beats.assign(static_cast<size_t>(n), Bitset(n));
  g.beaten_by.assign(static_cast<size_t>(n), Bitset(n));
  g.tied.assign(static_cast<size_t>(n), Bitset(n));
  for (int i = 0; i < n; ++i)
    for (int j = i + 1; j < n; ++j) {
      int64_t m = s.margin(cands[i], cands[j]);
      if (m > 0) {
        g.beats[i].set(j), g.beaten_by[j].set(i);
      } else if (m < 0) {
        g.beats[j].set(i), g.beaten_by[i].set(j);
      } else {
        g.tied[i].set(j), g.tied[j].set(i);
      }
    }
  return g;
}

json positions_json(const Profile& p, const MajorityGraph& g, const std::vector<int>& positions) {
  json a = json::array();
  for (int i : positions) a.push_back(p.id(g.cands[i]));
  return a;
}

json majority_graph_json(const Profile& p, const MajorityGraph& g) {
  if (g.size() > kExplainGraphLimit)
    return "not listed for more than " + std::to_string(kExplainGraphLimit) + " candidates";
  json o = json::object();
  for (int i = 0; i < g.size(); ++i) o[std::to_string(p.id(g.cands[i]))] = positions_json(p, g, g.beats[i].members());
  return o;
}

}  // namespace prefero
