#pragma once
// The majority graph of a profile restricted to a candidate set, as bitsets over local
// positions 0..n-1 (position i = cands[i]). Rules that only look at who beats whom (C1 rules:
// uncovered sets, Banks, Copeland, ...) work on this form; set inclusion tests are word-wide,
// so the covering relations cost O(n^3 / 64).
#include <cstdint>
#include <vector>

#include "core/pairwise.hpp"
#include "core/profile.hpp"
#include "core/result.hpp"

namespace prefero {

// A fixed-size set of positions 0..n-1.
struct Bitset {
  std::vector<uint64_t> words;

  Bitset() = default;
  explicit Bitset(int n) : words((static_cast<size_t>(n) + 63) / 64, 0) {}
  bool test(int i) const { return (words[static_cast<size_t>(i) / 64] >> (i % 64)) & 1U; }
  void set(int i) { words[static_cast<size_t>(i) / 64] |= uint64_t{1} << (i % 64); }
  void reset(int i) { words[static_cast<size_t>(i) / 64] &= ~(uint64_t{1} << (i % 64)); }
  bool any() const;
  int count() const;
  bool subset_of(const Bitset& other) const;  // every member of *this is in other
  Bitset& operator&=(const Bitset& other);
  Bitset& operator|=(const Bitset& other);
  bool operator==(const Bitset&) const = default;
  // Positions in the set, ascending.
  std::vector<int> members() const;
};

struct MajorityGraph {
  CandidateSet cands;            // position i is candidate cands[i]
  std::vector<Bitset> beats;     // beats[i]: positions j with margin(i, j) > 0
  std::vector<Bitset> beaten_by; // beaten_by[i]: positions j with margin(j, i) > 0 (i's dominators)
  std::vector<Bitset> tied;      // tied[i]: positions j != i with margin(i, j) == 0

  int size() const { return static_cast<int>(cands.size()); }
};

MajorityGraph majority_graph(const PairwiseMatrix& support, const CandidateSet& cands);

// Explanations list the majority graph ({"<id>": [ids it beats]}) only up to this many
// candidates, so that explaining a 1,000-candidate election does not dominate its run time.
inline constexpr int kExplainGraphLimit = 60;
// {"<id>": [ids of the candidates it beats]}, or a note when the graph is too large to list.
json majority_graph_json(const Profile& p, const MajorityGraph& g);
// Candidate ids of the given positions.
json positions_json(const Profile& p, const MajorityGraph& g, const std::vector<int>& positions);

}  // namespace prefero
