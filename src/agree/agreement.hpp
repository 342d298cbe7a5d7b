#pragma once
// Inter-rater agreement: chance-corrected agreement between raters who label the same units, and
// rank correlation between judges' rankings.
#include <string>
#include <vector>

#include "crowd/labels.hpp"

namespace prefero {

// Cohen (1960): kappa of two raters' labels on the same units (entries < 0 are missing; only
// units both labelled count).
double cohen_kappa(const std::vector<int>& a, const std::vector<int>& b);

// Fleiss (1971): kappa from per-unit category counts; every unit needs the same number of ratings.
double fleiss_kappa(const std::vector<std::vector<int>>& counts);

enum class Level { nominal, ordinal, interval };
// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": units x coders matrix of
// values, NaN = missing. Units with fewer than two values are not pairable and are ignored.
double krippendorff_alpha(const std::vector<std::vector<double>>& units, Level level);

// Kendall's tau-b (ties in either ranking corrected) and Spearman's rho (Pearson on mid-ranks).
double kendall_tau_b(const std::vector<double>& x, const std::vector<double>& y);
double spearman_rho(const std::vector<double>& x, const std::vector<double>& y);

// Units x coders matrix from crowd judgments (label index per cell, NaN where missing); with
// numeric = true the labels' names are parsed as numbers (for ordinal and interval levels).
std::vector<std::vector<double>> rating_matrix(const LabelData& data, bool numeric);

// How well one rater (e.g. an LLM judge) agrees with the majority label of the others per task
// (GenAI-Arena's judge-vs-human agreement): tasks compared, agreement rate and Cohen's kappa.
struct JudgeAgreement {
  int tasks = 0;
  double agreement = 0;
  double kappa = 0;
};
JudgeAgreement judge_agreement(const LabelData& data, const std::string& judge);

}  // namespace prefero
