#pragma once
// Helpers shared by the PrefLib reader/writer tests.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/profile.hpp"

namespace prefero::test {

inline std::filesystem::path preflib_dir() { return std::filesystem::path(PREFERO_SHARED_DIR) / "refdata" / "preflib"; }

// Every data file under `sub` (datasets or datasets_old_format) with one of the extensions.
inline std::vector<std::filesystem::path> preflib_files(const std::string& sub, const std::vector<std::string>& exts) {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(preflib_dir() / sub)) {
    if (!e.is_regular_file()) continue;
    const std::string ext = e.path().extension().string();
    for (const auto& x : exts)
      if (ext == "." + x) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// A profile as a multiset of ballots keyed by external ids: {id -> level} -> count. Independent
// of the order of candidates and of unique ballots.
using BallotMultiset = std::map<std::vector<std::pair<int64_t, int32_t>>, int64_t>;
inline BallotMultiset ballots_by_id(const Profile& p) {
  BallotMultiset out;
  for (size_t b = 0; b < p.num_ballots(); ++b) {
    std::vector<std::pair<int64_t, int32_t>> key;
    for (Cand c = 0; c < p.num_candidates(); ++c) key.emplace_back(p.id(c), p.ballot(b)[c]);
    std::sort(key.begin(), key.end());
    out[key] += p.counts[b];
  }
  return out;
}

// Pairwise support agrees cell by cell once candidates are matched by external id.
inline bool same_pairwise_by_id(const Profile& a, const Profile& b, Unranked u) {
  if (a.num_candidates() != b.num_candidates()) return false;
  std::map<int64_t, Cand> in_b;
  for (Cand c = 0; c < b.num_candidates(); ++c) in_b[b.id(c)] = c;
  std::vector<Cand> to_b(static_cast<size_t>(a.num_candidates()));
  for (Cand c = 0; c < a.num_candidates(); ++c) {
    auto it = in_b.find(a.id(c));
    if (it == in_b.end()) return false;
    to_b[c] = it->second;
  }
  for (Cand x = 0; x < a.num_candidates(); ++x)
    for (Cand y = 0; y < a.num_candidates(); ++y)
      if (a.support(u)(x, y) != b.support(u)(to_b[x], to_b[y])) return false;
  return true;
}

inline std::map<int64_t, std::string> names_by_id(const Profile& p) {
  std::map<int64_t, std::string> out;
  for (Cand c = 0; c < p.num_candidates(); ++c) out[p.id(c)] = p.name(c);
  return out;
}

// Same election: candidates, ballots with counts, pairwise matrices, kind and categories.
inline void expect_same_profile(const Profile& a, const Profile& b, const std::string& what) {
  EXPECT_EQ(a.kind, b.kind) << what;
  EXPECT_EQ(names_by_id(a), names_by_id(b)) << what;
  EXPECT_EQ(a.num_voters, b.num_voters) << what;
  EXPECT_EQ(a.num_ballots(), b.num_ballots()) << what;
  EXPECT_TRUE(ballots_by_id(a) == ballots_by_id(b)) << what;
  EXPECT_TRUE(same_pairwise_by_id(a, b, Unranked::incomparable)) << what;
  EXPECT_TRUE(same_pairwise_by_id(a, b, Unranked::tied_last)) << what;
  EXPECT_EQ(a.category_names, b.category_names) << what;
}

}  // namespace prefero::test
