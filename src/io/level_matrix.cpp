#include "io/level_matrix.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/compact_levels.hpp"
#include "core/error.hpp"
#include "io/ballot_table.hpp"

namespace prefero {

namespace {

// Ranking levels renumbered 0, 1, 2, ... in order (ProfileBuilder::add_levels' compaction);
// the common case, already compact, is recognised with one pass over a small bitmap.
void compact_ranking(std::span<int32_t> row, std::vector<char>& seen, std::vector<int32_t>& used) {
  const auto m = static_cast<int32_t>(row.size());
  int32_t top = -1;
  for (int32_t l : row) top = std::max(top, l);
  if (top < m) {
    std::fill(seen.begin(), seen.begin() + top + 1, char{0});
    for (int32_t l : row)
      if (l != kUnranked) seen[static_cast<size_t>(l)] = 1;
    if (std::all_of(seen.begin(), seen.begin() + top + 1, [](char s) { return s != 0; })) return;
  }
  compact_levels(row, used);
}

}  // namespace

Profile profile_from_level_matrix(Candidates candidates, BallotKind kind, std::span<const int32_t> levels,
                                  std::span<const int64_t> counts, std::vector<std::string> category_names) {
  if (kind == BallotKind::scores) throw std::logic_error("profile_from_level_matrix: score ballots need grades");
  Profile p;
  p.candidates = std::move(candidates);
  p.kind = kind;
  p.category_names = std::move(category_names);
  const auto m = static_cast<size_t>(p.num_candidates());
  const size_t rows = counts.size();
  if (levels.size() != rows * m) throw std::logic_error("profile_from_level_matrix: levels is not rows x candidates");
  io_detail::BallotTable table(p);
  table.reserve(std::min(rows, (size_t{1} << 24) / std::max<size_t>(m, 1)));  // bounded memory when rows repeat
  std::vector<int32_t> row(m), used;
  std::vector<char> seen(m);
  for (size_t r = 0; r < rows; ++r) {
    if (counts[r] <= 0) throw InputError("ballot " + std::to_string(r) + ": count must be positive");
    const int32_t* src = levels.data() + r * m;
    for (size_t c = 0; c < m; ++c)
      if (src[c] < kUnranked)
        throw InputError("ballot " + std::to_string(r) + ": level " + std::to_string(src[c]) +
                         " (expected >= 0, or -1 for unranked)");
    std::copy(src, src + m, row.begin());
    if (kind == BallotKind::ranking) compact_ranking(row, seen, used);
    table.add(row, counts[r]);
  }
  compute_pairwise(p);
  return p;
}

}  // namespace prefero
