#include "core/profile.hpp"

#include <algorithm>
#include <cstring>

#include "core/compact_levels.hpp"
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

namespace {

// total + count of voters; bad input (not undefined behaviour) when it passes 2^63 - 1.
int64_t add_voter_count(int64_t total, int64_t count) {
  int64_t sum = 0;
  if (__builtin_add_overflow(total, count, &sum)) throw InputError("the ballot counts add up to more than 2^63 - 1");
  return sum;
}

}  // namespace

void ProfileBuilder::add_levels(std::span<const int32_t> levels, int64_t count) {
  const int m = p_.num_candidates();
  if (static_cast<int>(levels.size()) != m) throw std::logic_error("ballot size differs from candidate count");
  if (count < 0) throw InputError("negative ballot count");
  if (count == 0) return;
  scratch_.assign(levels.begin(), levels.end());
  if (p_.kind == BallotKind::ranking) compact_levels(scratch_, used_levels_);
  p_.num_voters = add_voter_count(p_.num_voters, count);  // counts[b] <= num_voters: no overflow below
  p_.counts[slot_for(scratch_, {})] += count;
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
  p_.num_voters = add_voter_count(p_.num_voters, count);
  p_.counts[slot_for(scratch_, grades)] += count;
}

Profile ProfileBuilder::finish() {
  compute_pairwise(p_);
  buckets_.assign(1024, {});
  return std::move(p_);
}

namespace {

// row[c] += w for every c the voter ranks below level `la` (unranked c has level -1: never below).
// 32-bit lanes so the loop vectorizes 8 wide where AVX2 exists (chosen at run time).
__attribute__((target_clones("avx2", "default"))) void add_row(int32_t* row, const int32_t* below, int32_t la,
                                                              int32_t w, int m) {
  for (int c = 0; c < m; ++c) row[c] += (la < below[c]) ? w : 0;
}

void flush(std::vector<int32_t>& block, PairwiseMatrix& into) {
  for (size_t i = 0; i < block.size(); ++i) into.cells[i] += block[i];
  std::fill(block.begin(), block.end(), 0);
}

}  // namespace

// Both matrices in one pass over the unique ballots. support_ranked counts a > b when the voter
// ranks a above b; support_tied_last adds a > b for every ranked a and unranked b. Counts are
// gathered in a 32-bit block (flushed into the 64-bit matrix before it could overflow) so the
// inner loop runs on wide vectors.
void compute_pairwise(Profile& p) {
  const int m = p.num_candidates();
  const size_t mm = static_cast<size_t>(m) * static_cast<size_t>(m);
  p.support_ranked = PairwiseMatrix(m);
  PairwiseMatrix extra(m);  // ranked over unranked
  std::vector<int32_t> block(mm, 0);
  int64_t block_weight = 0;
  std::vector<Cand> ranked, unranked;
  for (size_t b = 0; b < p.num_ballots(); ++b) {
    auto lv = p.ballot(b);
    const int64_t w = p.counts[b];
    ranked.clear();
    unranked.clear();
    for (Cand c = 0; c < m; ++c) (lv[c] == kUnranked ? unranked : ranked).push_back(c);
    for (Cand a : ranked)
      for (Cand c : unranked) extra.at(a, c) += w;
    if (w > INT32_MAX) {  // a huge weight: count it straight into the 64-bit matrix
      for (Cand a : ranked)
        for (Cand c = 0; c < m; ++c)
          if (lv[a] < lv[c]) p.support_ranked.at(a, c) += w;
      continue;
    }
    if (block_weight + w > INT32_MAX) {
      flush(block, p.support_ranked);
      block_weight = 0;
    }
    block_weight += w;
    for (Cand a : ranked)
      add_row(block.data() + static_cast<size_t>(a) * m, lv.data(), lv[a], static_cast<int32_t>(w), m);
  }
  flush(block, p.support_ranked);
  p.support_tied_last = p.support_ranked;
  for (size_t i = 0; i < mm; ++i) p.support_tied_last.cells[i] += extra.cells[i];
}

}  // namespace prefero
