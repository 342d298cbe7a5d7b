#include "ensemble/token_select.hpp"

#include <immintrin.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/error.hpp"

namespace prefero {

namespace {

float dot_scalar(const float* a, const float* b, int n) {
  float s = 0;
  for (int i = 0; i < n; ++i) s += a[i] * b[i];
  return s;
}

__attribute__((target("avx2,fma"))) float dot_avx2(const float* a, const float* b, int n) {
  __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
  int i = 0;
  for (; i + 16 <= n; i += 16) {
    acc0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), acc0);
    acc1 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i + 8), _mm256_loadu_ps(b + i + 8), acc1);
  }
  for (; i + 8 <= n; i += 8) acc0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), acc0);
  __m256 acc = _mm256_add_ps(acc0, acc1);
  __m128 lo = _mm256_castps256_ps128(acc), hi = _mm256_extractf128_ps(acc, 1);
  __m128 s = _mm_add_ps(lo, hi);
  s = _mm_hadd_ps(s, s);
  s = _mm_hadd_ps(s, s);
  float total = _mm_cvtss_f32(s);
  for (; i < n; ++i) total += a[i] * b[i];
  return total;
}

using DotFn = float (*)(const float*, const float*, int);

void check(const TokenSelectInput& in) {
  if (in.heads < 1 || in.tokens < 1 || in.dim < 1 || !in.queries || !in.keys)
    throw InputError("token_select: needs heads, tokens and dim >= 1 and both queries and keys");
}

// Adds each head's softmax over tokens into `votes`.
std::vector<float> votes_with(const TokenSelectInput& in, DotFn dot) {
  check(in);
  const float scale = in.scale != 0 ? in.scale : 1.0f / std::sqrt(static_cast<float>(in.dim));
  const auto n = static_cast<size_t>(in.tokens), d = static_cast<size_t>(in.dim);
  std::vector<float> votes(n, 0.0f), logits(n);
  for (size_t h = 0; h < static_cast<size_t>(in.heads); ++h) {
    const float* q = in.queries + h * d;
    const float* keys = in.keys + h * n * d;
    for (size_t t = 0; t < n; ++t) logits[t] = scale * dot(q, keys + t * d, in.dim);
    const float mx = *std::max_element(logits.begin(), logits.end());
    float sum = 0;
    for (float& x : logits) sum += x = std::exp(x - mx);
    const float inv = 1.0f / sum;
    for (size_t t = 0; t < n; ++t) votes[t] += logits[t] * inv;
  }
  return votes;
}

}  // namespace

std::vector<float> token_votes_scalar(const TokenSelectInput& in) { return votes_with(in, dot_scalar); }

std::vector<float> token_votes(const TokenSelectInput& in) {
  static const bool avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  return votes_with(in, avx2 ? dot_avx2 : dot_scalar);
}

std::vector<int> token_select(const TokenSelectInput& in, int k) {
  std::vector<float> votes = token_votes(in);
  std::vector<int> all(votes.size());
  std::iota(all.begin(), all.end(), 0);
  if (k >= in.tokens) return all;
  if (k < 2) throw InputError("token_select: k = " + std::to_string(k) + " but the first and the last token are always kept (k >= 2)");
  votes.front() = votes.back() = INFINITY;
  auto better = [&](int a, int b) {
    float va = votes[static_cast<size_t>(a)], vb = votes[static_cast<size_t>(b)];
    return va != vb ? va > vb : a < b;
  };
  std::nth_element(all.begin(), all.begin() + k, all.end(), better);
  all.resize(static_cast<size_t>(k));
  std::sort(all.begin(), all.end());
  return all;
}

}  // namespace prefero
