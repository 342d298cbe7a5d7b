#pragma once
// Plackett-Luce maximum likelihood for K-wise and top-k rankings (and pairwise battles as
// 2-item rankings) by the MM algorithm of D. R. Hunter, MM algorithms for generalized
// Bradley-Terry models, Annals of Statistics 32(1), 2004.
#include <string>
#include <vector>

#include "rate/comparisons.hpp"

namespace prefero {

// How a tier of d tied models is scored at its stage (the set R of models not yet placed):
//   split:   each tied model counts as 1/d of one choice from R (pairwise: a tie is half a win
//            for each side, FastChat's convention);
//   breslow: each tied model counts as a full choice from R (pairwise: a tie is a win for each
//            side; N. Breslow, Biometrics 30, 1974 / choix's suggested workaround).
enum class PlTies { split, breslow };

struct PlSettings {
  PlTies ties = PlTies::split;
  bool last_tier_unranked = false;  // top-k: the last tier lists shown-but-unranked models
  double prior = 0;                 // virtual tied comparisons of every model with a reference of strength 1
  double tolerance = 1e-10;         // stop when max |change of log strength| is below this
  int limit = 10000;
};

struct PlFit {
  std::vector<double> log_strength;  // natural log, mean 0
  double log_likelihood = 0;
  int iterations = 0;
  bool converged = false;
};

// One stage of the likelihood: the models still in play and the chosen ones with their weight.
struct PlStage {
  std::vector<int> remaining;
  std::vector<std::pair<int, double>> chosen;
};

std::vector<PlStage> plackett_luce_stages(const Comparisons& c, const PlSettings& s);

// Log-likelihood of `log_strength` (natural log) under the stages, including the prior.
double plackett_luce_log_likelihood(const std::vector<PlStage>& stages, const std::vector<double>& log_strength,
                                    double prior);

// The MLE; an InputError names the models when it does not exist (comparison graph not
// strongly connected: someone never loses or never wins against the rest) and prior == 0.
PlFit plackett_luce_mle(const Comparisons& c, const PlSettings& s);

}  // namespace prefero
