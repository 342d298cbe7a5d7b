#pragma once
// TokenSelect's per-head soft vote over cached tokens (Wu et al. 2025, "TokenSelect: Efficient
// Long-Context Inference and Length Extrapolation for LLMs via Dynamic Token-Level KV Cache
// Selection"): each head's softmax(scale * q . k) over tokens is a soft vote; the votes are summed
// over heads and the k tokens with most votes are kept, the first and the last token always.
#include <cstddef>
#include <vector>

namespace prefero {

struct TokenSelectInput {
  int heads = 0, tokens = 0, dim = 0;
  const float* queries = nullptr;  // [heads][dim]
  const float* keys = nullptr;     // [heads][tokens][dim]
  float scale = 0;                 // 0 = 1/sqrt(dim)
};

// The selected token indices, ascending. Ties in the summed vote go to the lower index.
std::vector<int> token_select(const TokenSelectInput& in, int k);

// The summed per-head softmax votes (exposed for tests and benchmarks).
std::vector<float> token_votes(const TokenSelectInput& in);
// The same without SIMD (the reference the benchmark compares against).
std::vector<float> token_votes_scalar(const TokenSelectInput& in);

// The softmax's vectorised exp (AVX2 polynomial with range reduction) on n floats; false, with
// `out` untouched, when the CPU lacks AVX2+FMA. Exposed so a test can check it against std::exp.
bool exp_simd(const float* x, float* out, size_t n);

}  // namespace prefero
