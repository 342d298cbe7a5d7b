#pragma once
// Spectral (method-of-moments) start for Dawid–Skene: Zhang, Chen, Zhou & Jordan, "Spectral
// Methods meet EM: A Provably Optimal Algorithm for Crowdsourcing", NIPS 2014 / JMLR 17 2016.
#include <vector>

#include "core/result.hpp"
#include "crowd/answers.hpp"

namespace prefero::crowd {

struct SpectralStart {
  std::vector<double> errors;  // [(w*K + given)*K + truth] = P(given | truth), columns sum to 1
  std::vector<double> prior;   // class weights recovered with the confusion matrices
};

// Workers are split into three groups by index (w+1) mod 3 (the authors' mod(1:m,3)+1). For each
// group c, the other two groups' aggregates are symmetrised into views with c's conditional mean,
// the second and third moments are whitened and decomposed by the robust tensor power method
// (100 starts x 100 iterations, seed fixed), giving c's aggregate confusion and the class
// weights. Each worker's confusion is then x_i x_alt^T/n (diag(w) mu_alt^T)^-1 from the other two
// groups, floored at 1e-6 and column-normalised. Returns false, with `why`, when the moments are
// degenerate (singular cross-moments, non-positive whitening eigenvalues).
bool spectral_start(const Answers& a, SpectralStart& out, std::string& why);

}  // namespace prefero::crowd
