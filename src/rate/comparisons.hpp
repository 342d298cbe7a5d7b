#pragma once
// Inputs of rating models: pairwise battles reduced to their sufficient statistics (one row per
// unique (model_a, model_b, outcome, covariates), with a count) and K-wise rankings (tiers).
// Results: one rating per model with an interval, rank_ub and votes.
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace prefero {

enum class Outcome : uint8_t { a_wins, b_wins, tie, tie_bothbad };

struct PairRow {
  int a = 0, b = 0;  // model indices
  Outcome outcome = Outcome::tie;
  double count = 0;  // how many battles share this row (weights allowed)
  int covariates = -1;  // row index into Comparisons::covariates, or -1 when there are none
  int voter = -1;       // index into Comparisons::voters (the battle's judge), or -1 when unknown
};

struct KwiseRow {
  std::vector<std::vector<int>> tiers;  // best first; models in one tier are tied
  double count = 1;
};

struct Comparisons {
  std::vector<std::string> models;  // index -> name
  std::vector<PairRow> pairs;       // file order kept (online models such as Elo need it)
  std::vector<KwiseRow> rankings;
  std::vector<std::string> covariate_names;
  std::vector<std::vector<double>> covariates;  // per distinct covariate vector
  // Voter (judge) ids, read only when asked for (ComparisonsReadOptions::voters); rows are then
  // distinct per voter, so pairs hold per-voter pair×outcome counts.
  std::vector<std::string> voters;
};

struct ModelRating {
  int model = 0;
  double rating = 0;
  double ci_low = 0, ci_high = 0;  // equal to rating when no interval was asked for
  int rank_ub = 1;                 // 1 + number of models whose ci_low > this ci_high
  double votes = 0;                // battles (or rankings) this model took part in
};

struct RatingResult {
  std::vector<ModelRating> ratings;  // sorted by rating, best first
  json explanation = json::object();
};

}  // namespace prefero
