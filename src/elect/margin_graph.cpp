#include "elect/margin_graph.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "elect/common.hpp"

namespace prefero {

__extension__ typedef __int128 Wide;

ParamSpec strength_param(const std::vector<std::string>& choices) {
  return {"strength", ParamType::choice, choices.front(),
          "strength of a pairwise win: margin (a's support minus b's), winning_votes (a's support), "
          "ratio (a's support over b's), pairwise_opposition (minimax: a's support against every rival)",
          choices};
}

StrengthKind strength_of(const Params& params) {
  const std::string& s = params.text("strength");
  if (s == "margin") return StrengthKind::margin;
  if (s == "winning_votes") return StrengthKind::winning_votes;
  if (s == "ratio") return StrengthKind::ratio;
  if (s == "pairwise_opposition") return StrengthKind::pairwise_opposition;
  throw InputError("strength: unknown value '" + s + "'");
}

bool operator<(const Strength& x, const Strength& y) {
  if (x.den == 1 && y.den == 1) return x.num < y.num;
  if (x.den == 0) return false;  // infinity is below nothing
  if (y.den == 0) return true;
  return static_cast<Wide>(x.num) * y.den < static_cast<Wide>(y.num) * x.den;
}

bool operator==(const Strength& x, const Strength& y) { return !(x < y) && !(y < x); }

json to_json_value(const Strength& s) {
  if (s.den == 1) return s.num;
  if (s.den == 0) return "inf";
  return to_string(Rational(s.num, s.den));
}

Strength strength(const PairwiseMatrix& support, StrengthKind kind, Cand a, Cand b) {
  switch (kind) {
    case StrengthKind::margin:
      return {support.margin(a, b), 1};
    case StrengthKind::winning_votes:
    case StrengthKind::pairwise_opposition:
      return {support(a, b), 1};
    case StrengthKind::ratio: {
      const int64_t for_a = support(a, b), for_b = support(b, a);
      if (for_a == for_b) return {1, 1};
      if (for_b == 0) return {1, 0};
      return {for_a, for_b};
    }
  }
  return {};
}

namespace {

// Floyd-Warshall for widest paths on an n x n rank matrix: path[i][j] = max(path[i][j],
// min(path[i][k], path[k][j])). Compiled twice (AVX2 and baseline), picked at run time.
__attribute__((target_clones("avx2", "default"))) void widest_paths(int32_t* path, size_t n) {
  for (size_t k = 0; k < n; ++k) {
    const int32_t* __restrict row_k = path + k * n;
    for (size_t i = 0; i < n; ++i) {
      const int32_t via = path[i * n + k];
      if (via == 0 || i == k) continue;
      int32_t* __restrict row_i = path + i * n;
      for (size_t j = 0; j < n; ++j) row_i[j] = std::max(row_i[j], std::min(via, row_k[j]));
    }
  }
  for (size_t i = 0; i < n; ++i) path[i * n + i] = 0;
}

}  // namespace

StrongestPaths strongest_paths(const PairwiseMatrix& support, StrengthKind kind, const CandidateSet& cands) {
  StrongestPaths sp;
  const size_t n = cands.size();
  sp.n = n;
  std::vector<Strength> raw(n * n);
  std::vector<char> has(n * n, 0);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < n; ++j)
      if (i != j && support.beats(cands[i], cands[j])) {
        raw[i * n + j] = strength(support, kind, cands[i], cands[j]);
        has[i * n + j] = 1;
        sp.levels.push_back(raw[i * n + j]);
      }
  std::sort(sp.levels.begin(), sp.levels.end());
  sp.levels.erase(std::unique(sp.levels.begin(), sp.levels.end()), sp.levels.end());
  sp.edge.assign(n * n, 0);
  for (size_t k = 0; k < n * n; ++k)
    if (has[k])
      sp.edge[k] = static_cast<int32_t>(std::lower_bound(sp.levels.begin(), sp.levels.end(), raw[k]) - sp.levels.begin()) + 1;
  sp.path = sp.edge;
  widest_paths(sp.path.data(), n);
  return sp;
}

int64_t total_margin_of_loss(const PairwiseMatrix& support, const CandidateSet& cands, Cand c) {
  int64_t total = 0;
  for (Cand b : cands)
    if (support.beats(b, c)) total += support.margin(b, c);
  return total;
}

json rank_matrix_json(const Profile& p, const CandidateSet& cands, const StrongestPaths& sp, bool paths) {
  json rows = json::array();
  for (size_t i = 0; i < sp.n; ++i) {
    json row = json::array();
    for (size_t j = 0; j < sp.n; ++j) {
      const int32_t r = paths ? sp.path_rank(i, j) : sp.edge_rank(i, j);
      row.push_back(r == 0 ? json() : to_json_value(sp.levels[static_cast<size_t>(r - 1)]));
    }
    rows.push_back(row);
  }
  return {{"candidates", ids_json(p, cands)}, {paths ? "strongest_paths" : "strengths", rows}};
}

}  // namespace prefero
