#pragma once
// Pairwise support matrix: support(a, b) = total weight of voters who strictly prefer a to b.
// The margin is support(a, b) - support(b, a). Pairwise counts do not depend on which other
// candidates are in play, so one matrix serves every candidate subset.
#include <cstdint>
#include <vector>

#include "core/candidates.hpp"

namespace prefero {

struct PairwiseMatrix {
  int m = 0;
  std::vector<int64_t> cells;  // row-major m x m

  PairwiseMatrix() = default;
  explicit PairwiseMatrix(int size) : m(size), cells(static_cast<size_t>(size) * static_cast<size_t>(size), 0) {}

  int64_t operator()(Cand a, Cand b) const { return cells[static_cast<size_t>(a) * m + b]; }
  int64_t& at(Cand a, Cand b) { return cells[static_cast<size_t>(a) * m + b]; }
  int64_t margin(Cand a, Cand b) const { return (*this)(a, b) - (*this)(b, a); }
  // a beats b head to head (strictly positive margin).
  bool beats(Cand a, Cand b) const { return margin(a, b) > 0; }
  bool operator==(const PairwiseMatrix&) const = default;
};

// The margin matrix as a matrix of its own (margin(a, b) = -margin(b, a)).
PairwiseMatrix margins_of(const PairwiseMatrix& support);

}  // namespace prefero
