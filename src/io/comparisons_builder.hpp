#pragma once
// Builds a Comparisons while a reader streams battles: interns model names, and (unless file
// order is asked for) compresses battles into unique (model_a, model_b, outcome, covariates)
// rows with a count, so memory grows with the number of distinct rows, not with the file.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rate/comparisons.hpp"

namespace prefero {

// Options shared by every comparisons reader.
struct ComparisonsReadOptions {
  // false (default): one PairRow per distinct (a, b, outcome, covariates), rows in order of first
  // appearance, `count` = how many battles share it; online models (Elo, Weng–Lin) must not use
  // this. true: one PairRow per battle in file order (count 1, or the row's weight); memory then
  // grows with the file.
  bool keep_order = false;
  // Numeric battle fields read as per-battle covariates (style control), in this order. Empty:
  // none are read.
  std::vector<std::string> covariates;
  // true: read each battle's voter (a `judge` or `voter` field/column) into PairRow::voter and
  // keep rows distinct per voter (bt_mixture needs it); false (default): the field is ignored.
  bool voters = false;
  // Bounds checked before anything grows, so hostile input cannot exhaust memory.
  size_t max_models = 100000;
  size_t max_rows = 200'000'000;
  size_t max_voters = 100'000'000;  // < 2^30: voter ids share a 64-bit row key
  // Reader threads (JSONL battles: chunks parsed in parallel, merged in chunk order, so the
  // result is the same for any count); 0 = the hardware's.
  int threads = 0;
};

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class ComparisonsBuilder {
 public:
  explicit ComparisonsBuilder(ComparisonsReadOptions options);

  // The index of a model, adding it on first sight; -1 when max_models would be exceeded.
  int model(std::string_view name);
  // The index of a voter, adding it on first sight; -1 when max_voters would be exceeded.
  int voter(std::string_view name);
  // One battle (or `count` identical ones). `cov` has covariate_names.size() values (or is empty
  // when there are none). Returns false when max_rows would be exceeded.
  // `voter`: index from voter(), or -1 when unknown.
  bool add_pair(int a, int b, Outcome outcome, double count, const double* cov, int voter = -1);
  // Adds every row of `part` (finished by another builder with the same options, e.g. for one
  // chunk of a file) after this builder's rows, mapping its models, voters and covariate rows
  // to this builder's; "" or what bound was exceeded.
  std::string merge(const Comparisons& part);
  void add_ranking(KwiseRow row) { out_.rankings.push_back(std::move(row)); }
  void set_covariate_names(std::vector<std::string> names) { out_.covariate_names = std::move(names); }

  size_t num_rows() const { return out_.pairs.size(); }
  size_t num_models() const { return out_.models.size(); }
  size_t num_voters() const { return out_.voters.size(); }
  const ComparisonsReadOptions& options() const { return options_; }
  Comparisons finish() {
    for (size_t r = 0; r < counts_.size(); ++r) out_.pairs[r].count = counts_[r];
    return std::move(out_);
  }
  // What finish() would return, kept in the builder (for merge(); then reset()).
  const Comparisons& view() {
    for (size_t r = 0; r < counts_.size(); ++r) out_.pairs[r].count = counts_[r];
    return out_;
  }
  // Empty again (same options and covariate names), keeping the memory of the tables.
  void reset();

 private:
  int covariate_row(const double* cov);

  ComparisonsReadOptions options_;
  Comparisons out_;
  // Names -> index (models, voters): open addressing over (hash, index) with the names kept in
  // out_.models / out_.voters; a lookup per battle side is the reader's hottest path.
  struct NameSlot {
    uint64_t hash = 0;
    int id = -1;  // -1: empty
  };
  static int intern(std::string_view name, std::vector<NameSlot>& slots, std::vector<std::string>& names, size_t max);
  std::vector<NameSlot> model_slots_, voter_slots_;
  // (a, b, outcome, covariate row) -> row, open addressing with linear probing in one flat
  // array (a node-based map costs a cache miss per battle on large files).
  struct RowSlot {
    uint64_t ab = 0;    // a << 32 | b
    uint64_t co = 0;    // voter << 34 | covariate row << 2 | outcome (32-bit two's complement fields)
    int64_t row = -1;   // -1: empty
  };
  int64_t find_or_add_row(uint64_t ab, uint64_t co);
  std::vector<RowSlot> slots_;  // size a power of two, at most half full
  // While every row has no covariates and no voter and there are at most kDenseModels models,
  // rows are found by direct index (a·dense_n_ + b)·4 + outcome instead (one small array that
  // stays in cache); the first row that does not fit moves them into slots_.
  static constexpr int kDenseModels = 512;
  bool dense_ = true;
  int dense_n_ = 0;
  std::vector<int32_t> dense_rows_;  // row or -1
  int64_t dense_row(int a, int b, Outcome o);
  void leave_dense();
  size_t used_ = 0;
  std::vector<double> counts_;  // per compressed row while reading (small and hot; copied into pairs by finish)
  std::unordered_map<std::string, int> covariate_rows_;    // raw bytes of a covariate vector -> row
};

// Outcome spelled the FastChat way (model_a, model_b, tie, tie (bothbad)) or evalica's way
// (left, right, tie, both/bothbad); false when `s` is neither.
bool parse_outcome(std::string_view s, Outcome& out);

}  // namespace prefero
