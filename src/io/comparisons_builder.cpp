#include "io/comparisons_builder.hpp"

#include <bit>
#include <cstring>

namespace prefero {

namespace {
uint64_t mix64(uint64_t x) {  // splitmix64's finalizer: every input bit reaches every output bit
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}
// A cheap hash of a short name (model names are 5–60 bytes): its length and its first and last
// 8 bytes (or its bytes, when shorter), mixed; collisions only cost a string compare.
uint64_t name_hash(std::string_view s) {
  uint64_t lo = 0, hi = 0;
  if (s.size() >= 8) {
    std::memcpy(&lo, s.data(), 8);
    std::memcpy(&hi, s.data() + s.size() - 8, 8);
  } else if (!s.empty()) {
    std::memcpy(&lo, s.data(), s.size());
  }
  return mix64(lo ^ std::rotl(hi, 29) ^ (s.size() * 0x9E3779B97F4A7C15ULL));
}
// a == b for names (inline: the library call costs more than the compare for short names).
bool same_name(std::string_view a, std::string_view b) {
  size_t n = a.size();
  if (n != b.size()) return false;
  if (n < 8) {
    for (size_t i = 0; i < n; ++i)
      if (a[i] != b[i]) return false;
    return true;
  }
  uint64_t x, y;
  for (size_t i = 0; i + 8 < n; i += 8) {
    std::memcpy(&x, a.data() + i, 8);
    std::memcpy(&y, b.data() + i, 8);
    if (x != y) return false;
  }
  std::memcpy(&x, a.data() + n - 8, 8);
  std::memcpy(&y, b.data() + n - 8, 8);
  return x == y;
}
}  // namespace

ComparisonsBuilder::ComparisonsBuilder(ComparisonsReadOptions options) : options_(std::move(options)) {}

int ComparisonsBuilder::intern(std::string_view name, std::vector<NameSlot>& slots, std::vector<std::string>& names,
                               size_t max) {
  if (4 * (names.size() + 1) > slots.size()) {  // grow (and rehash) to keep the table at most a quarter full
    std::vector<NameSlot> old = std::move(slots);
    slots.assign(std::max<size_t>(256, old.size() * 2), NameSlot{});
    size_t mask = slots.size() - 1;
    for (const NameSlot& o : old)
      if (o.id >= 0) {
        size_t i = static_cast<size_t>(o.hash) & mask;
        while (slots[i].id >= 0) i = (i + 1) & mask;
        slots[i] = o;
      }
  }
  uint64_t h = name_hash(name);
  size_t mask = slots.size() - 1;
  for (size_t i = static_cast<size_t>(h) & mask;; i = (i + 1) & mask) {
    NameSlot& s = slots[i];
    if (s.id < 0) {
      if (names.size() >= max) return -1;
      s = NameSlot{h, static_cast<int>(names.size())};
      names.emplace_back(name);
      return s.id;
    }
    if (s.hash == h && same_name(names[static_cast<size_t>(s.id)], name)) return s.id;
  }
}

int ComparisonsBuilder::model(std::string_view name) {
  return intern(name, model_slots_, out_.models, options_.max_models);
}

int ComparisonsBuilder::voter(std::string_view name) {
  return intern(name, voter_slots_, out_.voters, std::min<size_t>(options_.max_voters, (size_t{1} << 30) - 2));
}

int ComparisonsBuilder::covariate_row(const double* cov) {
  size_t k = out_.covariate_names.size();
  if (k == 0) return -1;
  std::string key(reinterpret_cast<const char*>(cov), k * sizeof(double));
  auto [it, fresh] = covariate_rows_.emplace(std::move(key), static_cast<int>(out_.covariates.size()));
  if (fresh) out_.covariates.emplace_back(cov, cov + k);
  return it->second;
}

bool ComparisonsBuilder::add_pair(int a, int b, Outcome outcome, double count, const double* cov, int voter) {
  int c = covariate_row(cov);
  if (options_.keep_order) {
    if (out_.pairs.size() >= options_.max_rows) return false;
    out_.pairs.push_back(PairRow{a, b, outcome, count, c, voter});
    return true;
  }
  if (dense_ && (c != -1 || voter != -1 || a >= kDenseModels || b >= kDenseModels)) leave_dense();
  if (dense_) {
    int64_t d = dense_row(a, b, outcome);
    int32_t& slot = dense_rows_[static_cast<size_t>(d)];
    if (slot >= 0) {
      counts_[static_cast<size_t>(slot)] += count;
      return true;
    }
    if (out_.pairs.size() >= options_.max_rows) return false;
    slot = static_cast<int32_t>(out_.pairs.size());
    out_.pairs.push_back(PairRow{a, b, outcome, count, c, voter});
    counts_.push_back(count);
    return true;
  }
  uint64_t ab = static_cast<uint64_t>(static_cast<uint32_t>(a)) << 32 | static_cast<uint32_t>(b);
  uint64_t co = static_cast<uint64_t>(static_cast<uint32_t>(voter)) << 34 |
                static_cast<uint64_t>(static_cast<uint32_t>(c)) << 2 | static_cast<uint64_t>(outcome);
  int64_t row = find_or_add_row(ab, co);
  if (row >= 0) {
    counts_[static_cast<size_t>(row)] += count;
    return true;
  }
  if (out_.pairs.size() >= options_.max_rows) return false;
  // A new row: claim the slot that the search ended on (row = -(slot + 2)).
  slots_[static_cast<size_t>(-row - 2)] = RowSlot{ab, co, static_cast<int64_t>(out_.pairs.size())};
  ++used_;
  out_.pairs.push_back(PairRow{a, b, outcome, count, c, voter});
  counts_.push_back(count);
  return true;
}

std::string ComparisonsBuilder::merge(const Comparisons& part) {
  std::vector<int> mid(part.models.size()), vid(part.voters.size());
  for (size_t i = 0; i < mid.size(); ++i)
    if ((mid[i] = model(part.models[i])) < 0) return "too many distinct models";
  for (size_t i = 0; i < vid.size(); ++i)
    if ((vid[i] = voter(part.voters[i])) < 0) return "too many distinct voters";
  for (const PairRow& r : part.pairs) {
    const double* cov = r.covariates >= 0 ? part.covariates[static_cast<size_t>(r.covariates)].data() : nullptr;
    int v = r.voter >= 0 ? vid[static_cast<size_t>(r.voter)] : -1;
    if (!add_pair(mid[static_cast<size_t>(r.a)], mid[static_cast<size_t>(r.b)], r.outcome, r.count, cov, v))
      return "too many distinct battle rows";
  }
  for (const KwiseRow& k : part.rankings) {
    KwiseRow m{k.tiers, k.count};
    for (auto& tier : m.tiers)
      for (int& x : tier) x = mid[static_cast<size_t>(x)];
    out_.rankings.push_back(std::move(m));
  }
  return "";
}


// Index of (a, b, o) in dense_rows_, growing the array (and re-indexing the rows) when a model
// index is beyond it.
int64_t ComparisonsBuilder::dense_row(int a, int b, Outcome o) {
  if (a >= dense_n_ || b >= dense_n_) {
    dense_n_ = std::min(kDenseModels, (std::max(a, b) / 64 + 1) * 64);  // in steps of 64: small, stays in cache
    dense_rows_.assign(static_cast<size_t>(dense_n_) * static_cast<size_t>(dense_n_) * 4, -1);
    for (size_t r = 0; r < out_.pairs.size(); ++r) {
      const PairRow& p = out_.pairs[r];
      dense_rows_[(static_cast<size_t>(p.a) * static_cast<size_t>(dense_n_) + static_cast<size_t>(p.b)) * 4 +
                  static_cast<size_t>(p.outcome)] = static_cast<int32_t>(r);
    }
  }
  return (static_cast<int64_t>(a) * dense_n_ + b) * 4 + static_cast<int64_t>(o);
}

void ComparisonsBuilder::leave_dense() {
  dense_ = false;
  dense_rows_ = {};
  dense_n_ = 0;
  for (size_t r = 0; r < out_.pairs.size(); ++r) {
    const PairRow& p = out_.pairs[r];
    uint64_t ab = static_cast<uint64_t>(static_cast<uint32_t>(p.a)) << 32 | static_cast<uint32_t>(p.b);
    uint64_t co = static_cast<uint64_t>(static_cast<uint32_t>(p.voter)) << 34 |
                  static_cast<uint64_t>(static_cast<uint32_t>(p.covariates)) << 2 | static_cast<uint64_t>(p.outcome);
    int64_t at = find_or_add_row(ab, co);
    slots_[static_cast<size_t>(-at - 2)] = RowSlot{ab, co, static_cast<int64_t>(r)};
    ++used_;
  }
}

void ComparisonsBuilder::reset() {
  std::vector<std::string> names = std::move(out_.covariate_names);
  out_.models.clear();
  out_.pairs.clear();
  out_.rankings.clear();
  out_.covariates.clear();
  out_.voters.clear();
  out_.covariate_names = std::move(names);
  counts_.clear();
  std::fill(slots_.begin(), slots_.end(), RowSlot{});
  used_ = 0;
  std::fill(model_slots_.begin(), model_slots_.end(), NameSlot{});
  std::fill(voter_slots_.begin(), voter_slots_.end(), NameSlot{});
  covariate_rows_.clear();
  dense_ = true;
  std::fill(dense_rows_.begin(), dense_rows_.end(), -1);
}

// The row of (ab, co), or -(slot + 2) for the empty slot where it would go.
int64_t ComparisonsBuilder::find_or_add_row(uint64_t ab, uint64_t co) {
  if (2 * (used_ + 1) > slots_.size()) {  // grow (and rehash) to keep the table at most half full
    std::vector<RowSlot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(1024, old.size() * 2), RowSlot{});
    used_ = 0;
    for (const RowSlot& s : old)
      if (s.row >= 0) {
        int64_t at = find_or_add_row(s.ab, s.co);
        slots_[static_cast<size_t>(-at - 2)] = s;
        ++used_;
      }
  }
  size_t mask = slots_.size() - 1;
  for (size_t i = static_cast<size_t>(mix64(ab ^ mix64(co))) & mask;; i = (i + 1) & mask) {
    const RowSlot& s = slots_[i];
    if (s.row < 0) return -static_cast<int64_t>(i) - 2;
    if (s.ab == ab && s.co == co) return s.row;
  }
}

bool parse_outcome(std::string_view s, Outcome& out) {
  if (s.size() == 7 && s.substr(0, 6) == "model_" && (s[6] == 'a' || s[6] == 'b'))  // the common case first
    return out = s[6] == 'a' ? Outcome::a_wins : Outcome::b_wins, true;
  if (s == "model_a" || s == "left" || s == "a") return out = Outcome::a_wins, true;
  if (s == "model_b" || s == "right" || s == "b") return out = Outcome::b_wins, true;
  if (s == "tie" || s == "draw") return out = Outcome::tie, true;
  if (s == "tie (bothbad)" || s == "bothbad" || s == "both_bad" || s == "tie_bothbad") return out = Outcome::tie_bothbad, true;
  return false;
}

}  // namespace prefero
