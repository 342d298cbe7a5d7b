#pragma once
// Dawid–Skene EM shared by dawid_skene, one_coin_dawid_skene and fast_dawid_skene.
#include <cstdint>
#include <string>
#include <vector>

#include "crowd/answers.hpp"

namespace prefero::crowd {

struct DsOptions {
  int64_t n_iter = 100;
  double tol = 1e-5;
  std::string stop = "elbo";  // elbo | prior | fixed
  std::string init = "mv";    // mv | mv_hard | zheng | spectral
  double init_quality = 0.7;
  double smoothing = 0;
  bool use_gold = false;
  bool one_coin = false;
  bool hard = false;  // classification EM (Fast DS)
  int threads = 1;    // 0 = all cores; results do not depend on it
};

InferenceResult dawid_skene_em(const LabelData& d, const DsOptions& o);

}  // namespace prefero::crowd
