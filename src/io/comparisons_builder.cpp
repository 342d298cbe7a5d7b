#include "io/comparisons_builder.hpp"

#include <cstring>

namespace prefero {

ComparisonsBuilder::ComparisonsBuilder(ComparisonsReadOptions options) : options_(std::move(options)) {}

int ComparisonsBuilder::model(std::string_view name) {
  auto it = model_ids_.find(name);
  if (it != model_ids_.end()) return it->second;
  if (out_.models.size() >= options_.max_models) return -1;
  int id = static_cast<int>(out_.models.size());
  out_.models.emplace_back(name);
  model_ids_.emplace(std::string(name), id);
  return id;
}

int ComparisonsBuilder::covariate_row(const double* cov) {
  size_t k = out_.covariate_names.size();
  if (k == 0) return -1;
  std::string key(reinterpret_cast<const char*>(cov), k * sizeof(double));
  auto [it, fresh] = covariate_rows_.emplace(std::move(key), static_cast<int>(out_.covariates.size()));
  if (fresh) out_.covariates.emplace_back(cov, cov + k);
  return it->second;
}

bool ComparisonsBuilder::add_pair(int a, int b, Outcome outcome, double count, const double* cov) {
  int c = covariate_row(cov);
  if (options_.keep_order) {
    if (out_.pairs.size() >= options_.max_rows) return false;
    out_.pairs.push_back(PairRow{a, b, outcome, count, c});
    return true;
  }
  auto [it, fresh] = pair_rows_.try_emplace(RowKey{a, b, c, outcome}, static_cast<int>(out_.pairs.size()));
  if (!fresh) {
    out_.pairs[static_cast<size_t>(it->second)].count += count;
    return true;
  }
  if (out_.pairs.size() >= options_.max_rows) {
    pair_rows_.erase(it);
    return false;
  }
  out_.pairs.push_back(PairRow{a, b, outcome, count, c});
  return true;
}

bool parse_outcome(std::string_view s, Outcome& out) {
  if (s == "model_a" || s == "left" || s == "a") return out = Outcome::a_wins, true;
  if (s == "model_b" || s == "right" || s == "b") return out = Outcome::b_wins, true;
  if (s == "tie" || s == "draw") return out = Outcome::tie, true;
  if (s == "tie (bothbad)" || s == "bothbad" || s == "both_bad" || s == "tie_bothbad") return out = Outcome::tie_bothbad, true;
  return false;
}

}  // namespace prefero
