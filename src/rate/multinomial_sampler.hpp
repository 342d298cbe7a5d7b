#pragma once
// Exact Multinomial(N, w / Σw) draws for many rounds over the same weights (the count-space
// bootstrap). Poissonisation: X_i ~ Poisson(λ·π_i) independently with λ = N − 3√N; given
// S = ΣX_i = s the X are Multinomial(s, π), so a round with S > N is redrawn (that event
// depends on S only) and the remaining N − S items are drawn one by one from π with an alias
// table (Walker 1977; Vose 1991). The per-row Poisson constants are computed once, which is what
// makes this faster than conditional binomials (whose parameters change every draw).
#include <cstdint>
#include <vector>

namespace prefero::rate {

class MultinomialSampler {
 public:
  // N = round(Σ weights); weights <= 0 never receive counts.
  explicit MultinomialSampler(const std::vector<double>& weights);
  // Round `round` of the stream `seed` (SeededRng(seed, round)): counts summing to N.
  std::vector<double> draw(uint64_t seed, uint64_t round) const;

 private:
  struct Row {
    double mu = 0;  // Poisson mean λ·π_i
    // PTRS constants (mu >= 10) or e^{-mu} (inversion, mu < 10)
    double b = 0, a = 0, inv_alpha = 0, v_r = 0, log_mu = 0, exp_neg_mu = 0;
  };
  int64_t n_ = 0;
  std::vector<Row> rows_;
  std::vector<uint32_t> index_;  // rows with a positive weight (the alias table's domain)
  std::vector<double> alias_prob_;
  std::vector<uint32_t> alias_;
};

}  // namespace prefero::rate
