// Multinomial by Poissonisation with exact top-up; Poisson variates by inversion (small means)
// or Hörmann's PTRS. Hörmann, W. (1993). The transformed rejection method for generating Poisson
// random variables. Insurance: Mathematics and Economics 12, 39–45.
#include "rate/multinomial_sampler.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "rate/seeded_rng.hpp"

namespace prefero::rate {

namespace {

constexpr double kHalfLog2Pi = 0.91893853320467274178;

// log k! by Stirling's formula with its exact error term fc(k) (a table for k <= 9, the series
// 1/12 − 1/360 + 1/1260 in 1/(k+1) beyond, accurate to ~1e-11).
double log_factorial(double k) {
  static const std::array<double, 10> table = [] {
    std::array<double, 10> t{};
    double lf = 0;  // log k!
    for (int i = 0; i < 10; ++i) {
      if (i > 0) lf += std::log(static_cast<double>(i));
      t[static_cast<size_t>(i)] = lf;
    }
    return t;
  }();
  if (k <= 9) return table[static_cast<size_t>(k)];
  double kp1 = k + 1, sq = kp1 * kp1;
  double fc = (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / sq) / sq) / kp1;
  return (k + 0.5) * std::log(kp1) - kp1 + kHalfLog2Pi + fc;
}

}  // namespace

MultinomialSampler::MultinomialSampler(const std::vector<double>& weights) {
  double total = 0;
  for (double w : weights) total += w > 0 ? w : 0;
  n_ = static_cast<int64_t>(std::llround(total));
  rows_.resize(weights.size());
  if (!(total > 0) || n_ <= 0) return;
  const double nd = static_cast<double>(n_);
  const double lambda = std::max(0.0, nd - 3 * std::sqrt(nd));
  for (size_t i = 0; i < weights.size(); ++i) {
    Row& r = rows_[i];
    r.mu = weights[i] > 0 ? lambda * weights[i] / total : 0;
    if (r.mu < 10) {
      r.exp_neg_mu = std::exp(-r.mu);
      continue;
    }
    double smu = std::sqrt(r.mu);
    r.log_mu = std::log(r.mu);
    r.b = 0.931 + 2.53 * smu;
    r.a = -0.059 + 0.02483 * r.b;
    r.inv_alpha = 1.1239 + 1.1328 / (r.b - 3.4);
    r.v_r = 0.9277 - 3.6224 / (r.b - 2);
  }
  // Vose's alias table over π, on the rows with a positive weight.
  for (size_t i = 0; i < weights.size(); ++i)
    if (weights[i] > 0) index_.push_back(static_cast<uint32_t>(i));
  const size_t k = index_.size();
  alias_prob_.assign(k, 1.0);
  alias_.assign(k, 0);
  std::vector<double> scaled(k);
  std::vector<uint32_t> small, large;
  for (uint32_t j = 0; j < k; ++j) {
    scaled[j] = weights[index_[j]] / total * static_cast<double>(k);
    alias_[j] = j;
    (scaled[j] < 1 ? small : large).push_back(j);
  }
  while (!small.empty() && !large.empty()) {
    uint32_t s = small.back(), l = large.back();
    small.pop_back();
    alias_prob_[s] = scaled[s];
    alias_[s] = l;
    scaled[l] = (scaled[l] + scaled[s]) - 1;
    if (scaled[l] < 1) {
      large.pop_back();
      small.push_back(l);
    }
  }
  // Whatever is left (rounding) keeps probability 1 of itself.
}

std::vector<double> MultinomialSampler::draw(uint64_t seed, uint64_t round) const {
  std::vector<double> out(rows_.size(), 0.0);
  if (n_ <= 0 || alias_.empty()) return out;
  SeededRng rng(seed, round);
  for (;;) {
    int64_t sum = 0;
    for (size_t i = 0; i < rows_.size(); ++i) {
      const Row& r = rows_[i];
      int64_t x = 0;
      if (r.mu <= 0) {
        x = 0;
      } else if (r.mu < 10) {  // inversion
        const double bound = r.mu + 20 * std::sqrt(r.mu) + 20;
        for (;;) {
          double u = rng.uniform(), p = r.exp_neg_mu;
          int64_t k = 0;
          while (u > p && static_cast<double>(k) <= bound) {
            u -= p;
            ++k;
            p *= r.mu / static_cast<double>(k);
          }
          if (static_cast<double>(k) <= bound) {
            x = k;
            break;
          }
        }
      } else {  // PTRS
        for (;;) {
          double u = rng.uniform() - 0.5, v = rng.uniform();
          double us = 0.5 - std::abs(u);
          double k = std::floor((2 * r.a / us + r.b) * u + r.mu + 0.43);
          if (us >= 0.07 && v <= r.v_r) {
            x = static_cast<int64_t>(k);
            break;
          }
          if (k < 0 || (us < 0.013 && v > us) || !(v > 0)) continue;
          if (std::log(v * r.inv_alpha / (r.a / (us * us) + r.b)) <= -r.mu + k * r.log_mu - log_factorial(k)) {
            x = static_cast<int64_t>(k);
            break;
          }
        }
      }
      out[i] = static_cast<double>(x);
      sum += x;
    }
    if (sum > n_) {  // redraw: exact, the event depends on the total only
      std::fill(out.begin(), out.end(), 0.0);
      continue;
    }
    const uint64_t k = alias_.size();
    for (int64_t t = sum; t < n_; ++t) {
      uint64_t j = rng.below(k);
      out[index_[rng.uniform() < alias_prob_[j] ? j : alias_[j]]] += 1;
    }
    return out;
  }
}

}  // namespace prefero::rate
