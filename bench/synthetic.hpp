#pragma once
// Synthetic profiles for benchmarks: impartial culture (every strict ranking equally likely),
// drawn with a fixed seed so every run measures the same input.
#include <algorithm>
#include <cstdint>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/profile.hpp"

namespace prefero::bench {

// n rankings over m candidates, each one level vector.
inline std::vector<std::vector<int32_t>> impartial_culture(int m, int64_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<int32_t> perm(static_cast<size_t>(m));
  std::vector<std::vector<int32_t>> out;
  out.reserve(static_cast<size_t>(n));
  for (int64_t v = 0; v < n; ++v) {
    for (int i = 0; i < m; ++i) perm[i] = i;
    for (int i = m - 1; i > 0; --i) std::swap(perm[i], perm[rng() % static_cast<uint64_t>(i + 1)]);
    std::vector<int32_t> levels(static_cast<size_t>(m));
    for (int pos = 0; pos < m; ++pos) levels[perm[pos]] = pos;
    out.push_back(std::move(levels));
  }
  return out;
}

inline Profile build(int m, const std::vector<std::vector<int32_t>>& ballots) {
  ProfileBuilder b(Candidates::numbered(m), BallotKind::ranking);
  for (const auto& lv : ballots) b.add_levels(lv, 1);
  return b.finish();
}

// The same ballots as PrefLib .soc text (one line per voter, count 1), for parser benchmarks.
inline std::string as_soc(int m, const std::vector<std::vector<int32_t>>& ballots) {
  std::ostringstream out;
  out << "# FILE NAME: synthetic.soc\n# DATA TYPE: soc\n# NUMBER ALTERNATIVES: " << m << "\n";
  out << "# NUMBER VOTERS: " << ballots.size() << "\n";
  // unique orders are counted by the reader; the header value must agree, so count them here
  std::vector<std::vector<int32_t>> sorted = ballots;
  std::sort(sorted.begin(), sorted.end());
  size_t unique = static_cast<size_t>(std::unique(sorted.begin(), sorted.end()) - sorted.begin());
  out << "# NUMBER UNIQUE ORDERS: " << unique << "\n";
  for (int c = 1; c <= m; ++c) out << "# ALTERNATIVE NAME " << c << ": c" << c << "\n";
  // merge identical ballots as PrefLib files do
  std::vector<std::vector<int32_t>> s2 = ballots;
  std::sort(s2.begin(), s2.end());
  std::vector<int32_t> order(static_cast<size_t>(m));
  for (size_t i = 0; i < s2.size();) {
    size_t j = i;
    while (j < s2.size() && s2[j] == s2[i]) ++j;
    for (int c = 0; c < m; ++c) order[s2[i][c]] = c + 1;
    out << (j - i) << ": ";
    for (int pos = 0; pos < m; ++pos) out << (pos ? "," : "") << order[pos];
    out << "\n";
    i = j;
  }
  return out.str();
}

}  // namespace prefero::bench
