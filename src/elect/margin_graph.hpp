#pragma once
// The weighted majority graph shared by the margin-based rules (minimax, beat path, split cycle,
// ranked pairs, river, stable voting ...): the `strength` parameter, exact edge strengths, and
// widest (strongest) paths.
#include <cstdint>
#include <string>
#include <vector>

#include "core/profile.hpp"
#include "core/result.hpp"
#include "registry/params.hpp"

namespace prefero {

// How strong the win of a over b is:
//   margin:              support(a, b) - support(b, a)
//   winning_votes:       support(a, b)
//   ratio:               support(a, b) / support(b, a) (infinite when nobody prefers b)
//   pairwise_opposition: support(a, b), counted for every pair (minimax only)
enum class StrengthKind { margin, winning_votes, ratio, pairwise_opposition };

// The `strength` parameter with the given choices (first choice = default).
ParamSpec strength_param(const std::vector<std::string>& choices);
StrengthKind strength_of(const Params& params);

// An exact strength num/den (den = 0: infinite). Compared exactly.
struct Strength {
  int64_t num = 0;
  int64_t den = 1;
};
bool operator<(const Strength& x, const Strength& y);
bool operator==(const Strength& x, const Strength& y);
inline bool operator>(const Strength& x, const Strength& y) { return y < x; }
inline bool operator<=(const Strength& x, const Strength& y) { return !(y < x); }
inline bool operator>=(const Strength& x, const Strength& y) { return !(x < y); }
inline bool operator!=(const Strength& x, const Strength& y) { return !(x == y); }
json to_json_value(const Strength& s);

// Strength of a's result against b (meaningful for a majority win or a tie).
Strength strength(const PairwiseMatrix& support, StrengthKind kind, Cand a, Cand b);

// Widest paths in the majority graph on `cands` (edges: a beats b, weight strength(a, b)).
// Strengths are replaced by their rank among the distinct edge strengths (1 = weakest; 0 = no
// edge / no path), so the O(n^3) Floyd-Warshall runs on small integers.
struct StrongestPaths {
  size_t n = 0;
  std::vector<Strength> levels;  // levels[r - 1] is the strength of rank r
  std::vector<int32_t> edge;     // n x n: rank of the edge i -> j (0 if i does not beat j)
  std::vector<int32_t> path;     // n x n: rank of the strongest path i -> j (0 if none)
  int32_t edge_rank(size_t i, size_t j) const { return edge[i * n + j]; }
  int32_t path_rank(size_t i, size_t j) const { return path[i * n + j]; }
};
StrongestPaths strongest_paths(const PairwiseMatrix& support, StrengthKind kind, const CandidateSet& cands);

// Sum of the margins by which rivals in `cands` beat c (simplified Dodgson, loss trimmer).
int64_t total_margin_of_loss(const PairwiseMatrix& support, const CandidateSet& cands, Cand c);

// Explanations list matrices only up to this many candidates (they grow as n^2).
inline constexpr size_t kExplainMatrixLimit = 60;

// {"candidates": [...], "<name>": n x n matrix of strengths from `rank` (null = none)}.
json rank_matrix_json(const Profile& p, const CandidateSet& cands, const StrongestPaths& sp, bool paths);

}  // namespace prefero
