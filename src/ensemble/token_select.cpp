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

// exp for 8 floats (Cephes expf scheme): x = n ln2 + r with n = round(x log2 e) and |r| <= ln2/2,
// ln2 split in two parts so r is exact to float precision, e^r by a degree-6 polynomial, 2^n put in
// the exponent bits. Inputs below -87.33 (where expf underflows to denormals) give 0, above 88.37
// they are clamped. Accuracy against std::exp is checked in tests/unit/test_token_select.cpp.
__attribute__((target("avx2,fma"))) __m256 exp_avx2(__m256 x) {
  const __m256 hi = _mm256_set1_ps(88.3762626647949f), lo = _mm256_set1_ps(-87.3365478515625f);
  const __m256 underflow = _mm256_cmp_ps(x, lo, _CMP_LT_OQ);
  x = _mm256_max_ps(_mm256_min_ps(x, hi), lo);
  const __m256 n = _mm256_round_ps(_mm256_mul_ps(x, _mm256_set1_ps(1.44269504088896341f)),
                                   _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693359375f), x);
  r = _mm256_fnmadd_ps(n, _mm256_set1_ps(-2.12194440e-4f), r);
  __m256 p = _mm256_set1_ps(1.9875691500e-4f);
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.3981999507e-3f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(8.3334519073e-3f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(4.1665795894e-2f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.6666665459e-1f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(5.0000001201e-1f));
  const __m256 r2 = _mm256_mul_ps(r, r);
  const __m256 y = _mm256_add_ps(_mm256_fmadd_ps(p, r2, r), _mm256_set1_ps(1.0f));
  const __m256i e = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
  return _mm256_andnot_ps(underflow, _mm256_mul_ps(y, _mm256_castsi256_ps(e)));
}

using DotFn = float (*)(const float*, const float*, int);
// Turns logits[0..n) into exp(logit - max) and adds logits/sum into votes.
using SoftmaxAddFn = void (*)(float* logits, size_t n, float* votes);

void softmax_add_scalar(float* x, size_t n, float* votes) {
  const float mx = *std::max_element(x, x + n);
  float sum = 0;
  for (size_t t = 0; t < n; ++t) sum += x[t] = std::exp(x[t] - mx);
  const float inv = 1.0f / sum;
  for (size_t t = 0; t < n; ++t) votes[t] += x[t] * inv;
}

__attribute__((target("avx2,fma"))) void softmax_add_avx2(float* x, size_t n, float* votes) {
  __m256 vmax = _mm256_set1_ps(-INFINITY);
  size_t m = 0;
  for (; m + 8 <= n; m += 8) vmax = _mm256_max_ps(vmax, _mm256_loadu_ps(x + m));
  alignas(32) float top[8];
  _mm256_store_ps(top, vmax);
  float mx = *std::max_element(top, top + 8);
  for (; m < n; ++m) mx = std::max(mx, x[m]);
  const __m256 vmx = _mm256_set1_ps(mx);
  __m256 acc = _mm256_setzero_ps();
  size_t t = 0;
  for (; t + 8 <= n; t += 8) {
    const __m256 v = exp_avx2(_mm256_sub_ps(_mm256_loadu_ps(x + t), vmx));
    _mm256_storeu_ps(x + t, v);
    acc = _mm256_add_ps(acc, v);
  }
  alignas(32) float lanes[8];
  _mm256_store_ps(lanes, acc);
  float sum = 0;
  for (float l : lanes) sum += l;
  for (; t < n; ++t) sum += x[t] = std::exp(x[t] - mx);
  const float inv = 1.0f / sum;
  const __m256 vinv = _mm256_set1_ps(inv);
  t = 0;
  for (; t + 8 <= n; t += 8)
    _mm256_storeu_ps(votes + t, _mm256_fmadd_ps(_mm256_loadu_ps(x + t), vinv, _mm256_loadu_ps(votes + t)));
  for (; t < n; ++t) votes[t] += x[t] * inv;
}

__attribute__((target("avx2,fma"))) void exp_simd_avx2(const float* x, float* out, size_t n) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) _mm256_storeu_ps(out + i, exp_avx2(_mm256_loadu_ps(x + i)));
  if (i < n) {  // the tail through one padded vector, so every value uses the same kernel
    alignas(32) float tail[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    std::copy(x + i, x + n, tail);
    _mm256_store_ps(tail, exp_avx2(_mm256_load_ps(tail)));
    std::copy(tail, tail + (n - i), out + i);
  }
}

void check(const TokenSelectInput& in) {
  if (in.heads < 1 || in.tokens < 1 || in.dim < 1 || !in.queries || !in.keys)
    throw InputError("token_select: needs heads, tokens and dim >= 1 and both queries and keys");
}

// Adds each head's softmax over tokens into `votes`.
std::vector<float> votes_with(const TokenSelectInput& in, DotFn dot, SoftmaxAddFn softmax_add) {
  check(in);
  const float scale = in.scale != 0 ? in.scale : 1.0f / std::sqrt(static_cast<float>(in.dim));
  const auto n = static_cast<size_t>(in.tokens), d = static_cast<size_t>(in.dim);
  std::vector<float> votes(n, 0.0f), logits(n);
  for (size_t h = 0; h < static_cast<size_t>(in.heads); ++h) {
    const float* q = in.queries + h * d;
    const float* keys = in.keys + h * n * d;
    for (size_t t = 0; t < n; ++t) logits[t] = scale * dot(q, keys + t * d, in.dim);
    softmax_add(logits.data(), n, votes.data());
  }
  return votes;
}

bool has_avx2() {
  static const bool avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  return avx2;
}

}  // namespace

std::vector<float> token_votes_scalar(const TokenSelectInput& in) {
  return votes_with(in, dot_scalar, softmax_add_scalar);
}

std::vector<float> token_votes(const TokenSelectInput& in) {
  return has_avx2() ? votes_with(in, dot_avx2, softmax_add_avx2) : votes_with(in, dot_scalar, softmax_add_scalar);
}

bool exp_simd(const float* x, float* out, size_t n) {
  if (!has_avx2()) return false;
  exp_simd_avx2(x, out, n);
  return true;
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
