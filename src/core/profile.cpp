#include "core/profile.hpp"

#include <algorithm>
#include <cstring>

#include "core/error.hpp"

namespace prefero {

std::string_view to_string(BallotKind k) {
  switch (k) {
    case BallotKind::ranking: return "ranking";
    case BallotKind::categorical: return "categorical";
    case BallotKind::scores: return "scores";
  }
  return "?";
}

std::string_view to_string(Unranked u) { return u == Unranked::incomparable ? "incomparable" : "tied_last"; }

std::optional<Unranked> parse_unranked(std::string_view s) {
  if (s == "incomparable") return Unranked::incomparable;
  if (s == "tied_last") return Unranked::tied_last;
  return std::nullopt;
}

std::vector<std::vector<Cand>> Profile::tiers(size_t b) const {
  auto lv = ballot(b);
  int32_t top = -1;
  for (int32_t l : lv) top = std::max(top, l);
  int32_t n = top + 1;
  if (kind == BallotKind::categorical) n = std::max<int32_t>(n, static_cast<int32_t>(category_names.size()));
  std::vector<std::vector<Cand>> out(static_cast<size_t>(n));
  for (Cand c = 0; c < num_candidates(); ++c)
    if (lv[c] != kUnranked) out[lv[c]].push_back(c);
  return out;
}

std::optional<std::string> Profile::meta(std::string_view key) const {
  for (const auto& [k, v] : metadata)
    if (k == key) return v;
  return std::nullopt;
}

ProfileStats stats_of(const Profile& p) {
  ProfileStats s;
  s.voters = p.num_voters;
  s.unique_ballots = p.num_ballots();
  s.candidates = p.num_candidates();
  std::vector<int> seen;
  for (size_t b = 0; b < p.num_ballots(); ++b) {
    auto lv = p.ballot(b);
    bool truncated = false, ties = false, empty = true;
    seen.assign(static_cast<size_t>(p.num_candidates()) + 1, 0);
    for (int32_t l : lv) {
      if (l == kUnranked) {
        truncated = true;
        continue;
      }
      empty = false;
      if (static_cast<size_t>(l) >= seen.size()) seen.resize(static_cast<size_t>(l) + 1, 0);
      if (seen[l]++) ties = true;
    }
    if (truncated) s.voters_truncated += p.counts[b];
    if (ties) s.voters_with_ties += p.counts[b];
    if (empty) s.voters_empty += p.counts[b];
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Builder

namespace {
uint64_t hash_ballot(std::span<const int32_t> lv, std::span<const int64_t> gr) {
  uint64_t h = 1469598103934665603ULL;  // FNV-1a over the raw bytes
  auto mix = [&h](const void* data, size_t n) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < n; ++i) h = (h ^ bytes[i]) * 1099511628211ULL;
  };
  mix(lv.data(), lv.size_bytes());
  if (!gr.empty()) mix(gr.data(), gr.size_bytes());
  return h;
}
}  // namespace

ProfileBuilder::ProfileBuilder(Candidates candidates, BallotKind kind) {
  p_.candidates = std::move(candidates);
  p_.kind = kind;
  buckets_.resize(1024);
}

void ProfileBuilder::set_category_names(std::vector<std::string> names) { p_.category_names = std::move(names); }

void ProfileBuilder::add_metadata(std::string key, std::string value) {
  p_.metadata.emplace_back(std::move(key), std::move(value));
}

size_t ProfileBuilder::slot_for(std::span<const int32_t> lv, std::span<const int64_t> gr) {
  const size_t m = lv.size();
  const uint64_t h = hash_ballot(lv, gr);
  auto& bucket = buckets_[h & (buckets_.size() - 1)];
  for (uint32_t b : bucket) {
    if (std::memcmp(p_.levels.data() + b * m, lv.data(), lv.size_bytes()) != 0) continue;
    if (!gr.empty() && std::memcmp(p_.grades.data() + b * m, gr.data(), gr.size_bytes()) != 0) continue;
    return b;
  }
  const size_t id = p_.counts.size();
  p_.levels.insert(p_.levels.end(), lv.begin(), lv.end());
  if (!gr.empty()) p_.grades.insert(p_.grades.end(), gr.begin(), gr.end());
  p_.counts.push_back(0);
  bucket.push_back(static_cast<uint32_t>(id));
  if (p_.counts.size() > buckets_.size()) {  // keep the load factor at most 1
    std::vector<std::vector<uint32_t>> bigger(buckets_.size() * 4);
    for (size_t b = 0; b < p_.counts.size(); ++b) {
      std::span<const int64_t> g;
      if (!p_.grades.empty()) g = {p_.grades.data() + b * m, m};
      bigger[hash_ballot({p_.levels.data() + b * m, m}, g) & (bigger.size() - 1)].push_back(static_cast<uint32_t>(b));
    }
    buckets_ = std::move(bigger);
  }
  return id;
}

void ProfileBuilder::add_levels(std::span<const int32_t> levels, int64_t count) {
  const int m = p_.num_candidates();
  if (static_cast<int>(levels.size()) != m) throw std::logic_error("ballot size differs from candidate count");
  if (count < 0) throw InputError("negative ballot count");
  if (count == 0) return;
  scratch_.assign(levels.begin(), levels.end());
  if (p_.kind == BallotKind::ranking) {  // compact levels: 0, 1, 2, ... in order
    std::vector<int32_t> used;
    for (int32_t l : scratch_)
      if (l != kUnranked) used.push_back(l);
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    bool compact = used.empty() || used.back() == static_cast<int32_t>(used.size()) - 1;
    if (!compact)
      for (int32_t& l : scratch_)
        if (l != kUnranked) l = static_cast<int32_t>(std::lower_bound(used.begin(), used.end(), l) - used.begin());
  }
  p_.counts[slot_for(scratch_, {})] += count;
  p_.num_voters += count;
}

void ProfileBuilder::add_tiers(const std::vector<std::vector<Cand>>& tiers, int64_t count) {
  std::vector<int32_t> lv(static_cast<size_t>(p_.num_candidates()), kUnranked);
  for (size_t t = 0; t < tiers.size(); ++t)
    for (Cand c : tiers[t]) lv[c] = static_cast<int32_t>(t);
  add_levels(lv, count);
}

void ProfileBuilder::add_grades(std::span<const int64_t> grades, int64_t count) {
  const int m = p_.num_candidates();
  if (static_cast<int>(grades.size()) != m) throw std::logic_error("ballot size differs from candidate count");
  if (count == 0) return;
  // Levels: the weak order the grades induce, highest grade first.
  std::vector<int64_t> distinct;
  for (int64_t g : grades)
    if (g != kNoGrade) distinct.push_back(g);
  std::sort(distinct.begin(), distinct.end(), std::greater<>());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  scratch_.assign(static_cast<size_t>(m), kUnranked);
  for (int c = 0; c < m; ++c)
    if (grades[c] != kNoGrade)
      scratch_[c] = static_cast<int32_t>(std::lower_bound(distinct.begin(), distinct.end(), grades[c], std::greater<>()) -
                                         distinct.begin());
  p_.counts[slot_for(scratch_, grades)] += count;
  p_.num_voters += count;
}

Profile ProfileBuilder::finish() {
  compute_pairwise(p_);
  buckets_.assign(1024, {});
  return std::move(p_);
}

// Both matrices in one pass over the unique ballots. The inner loops run over contiguous
// candidate rows with no branches, so the compiler vectorizes them.
void compute_pairwise(Profile& p) {
  const int m = p.num_candidates();
  p.support_ranked = PairwiseMatrix(m);
  p.support_tied_last = PairwiseMatrix(m);
  std::vector<int32_t> below_if_ranked(static_cast<size_t>(m));   // unranked -> -1: never below
  std::vector<int32_t> below_if_unranked(static_cast<size_t>(m)); // unranked -> max: always below
  for (size_t b = 0; b < p.num_ballots(); ++b) {
    auto lv = p.ballot(b);
    const int64_t w = p.counts[b];
    for (int c = 0; c < m; ++c) {
      below_if_ranked[c] = lv[c];
      below_if_unranked[c] = lv[c] == kUnranked ? INT32_MAX : lv[c];
    }
    for (int a = 0; a < m; ++a) {
      const int32_t la = lv[a];
      if (la == kUnranked) continue;
      int64_t* ranked_row = p.support_ranked.cells.data() + static_cast<size_t>(a) * m;
      int64_t* last_row = p.support_tied_last.cells.data() + static_cast<size_t>(a) * m;
      for (int c = 0; c < m; ++c) {
        ranked_row[c] += w * static_cast<int64_t>(la < below_if_ranked[c]);
        last_row[c] += w * static_cast<int64_t>(la < below_if_unranked[c]);
      }
    }
  }
}

}  // namespace prefero
