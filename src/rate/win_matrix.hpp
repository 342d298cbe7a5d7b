#pragma once
// The win and tie matrices of pairwise battles (evalica's `matrices`): W[i][j] = weight of i's
// wins over j; T[i][j] = T[j][i] = weight of ties between i and j (both tie kinds count).
#include <vector>

#include "rate/comparisons.hpp"
#include "registry/params.hpp"

namespace prefero {

struct WinTie {
  size_t n = 0;
  std::vector<double> W, T;  // row-major n x n
  double w(size_t i, size_t j) const { return W[i * n + j]; }
  double t(size_t i, size_t j) const { return T[i * n + j]; }
};

// What K-wise rankings count for in the matrices.
enum class KwisePairs {
  refuse,   // InputError when there are rankings but no battles (the pairwise models)
  implied,  // each ranking counts as its implied pairwise outcomes, with its count: every model
            // of a tier beats every model of each lower tier (W), and every two models of one
            // tier tie (T, both directions); models a ranking leaves out count for nothing
};

// `method` names the caller in errors (K-wise rankings are refused by default: the matrix
// models are defined on pairs).
WinTie win_tie_matrices(const Comparisons& c, const char* method, KwisePairs kwise = KwisePairs::refuse);

// M = win_weight * W + tie_weight * T, row-major.
std::vector<double> weighted_win_matrix(const WinTie& m, double win_weight, double tie_weight);

// The common parameters of evalica's matrix models.
std::vector<ParamSpec> win_weight_params();
std::vector<ParamSpec> iteration_params();
// win_weight / tie_weight, checked finite and non-negative.
std::vector<double> weighted_win_matrix(const WinTie& m, const Params& p, const char* method);
// tolerance / limit, checked.
void iteration_settings(const Params& p, const char* method, double& tolerance, int& limit);

}  // namespace prefero
