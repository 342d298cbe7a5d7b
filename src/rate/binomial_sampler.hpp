#pragma once
// Exact Binomial(n, p) variates in O(1) expected time, from a SeededRng (portable bits):
// inversion (sequential search from 0) when n·min(p, 1 − p) < 10, else Hörmann's (1993)
// transformed rejection with squeeze, BTRS. Both are exact samplers (up to floating point).
#include <cstdint>

#include "rate/seeded_rng.hpp"

namespace prefero::rate {

// n >= 0, p in [0, 1].
int64_t binomial(SeededRng& rng, int64_t n, double p);

}  // namespace prefero::rate
