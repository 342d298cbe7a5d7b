#include "core/pairwise.hpp"

namespace prefero {

PairwiseMatrix margins_of(const PairwiseMatrix& support) {
  PairwiseMatrix out(support.m);
  for (Cand a = 0; a < support.m; ++a)
    for (Cand b = 0; b < support.m; ++b) out.at(a, b) = support.margin(a, b);
  return out;
}

}  // namespace prefero
