#pragma once
// An anonymized profile: the unique ballots with their multiplicities, and the pairwise
// support matrices computed once when the profile is built (sufficient statistics first).
//
// Every ballot is stored as one `level` per candidate: 0 is the top tier, 1 the next, ...;
// equal levels are ties; kUnranked marks a candidate the voter left out. That one form holds
// strict orders, weak orders, truncated orders, categorical ballots (level = category index,
// 0 = first category; PrefLib .cat approval: level 0 = approved) and score ballots (which also
// keep their grades; levels are then the weak order the grades induce, highest grade first).
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/candidates.hpp"
#include "core/pairwise.hpp"

namespace prefero {

inline constexpr int32_t kUnranked = -1;
inline constexpr int64_t kNoGrade = INT64_MIN;

enum class BallotKind { ranking, categorical, scores };

// What a voter means by leaving a candidate unranked.
//   incomparable: nothing is said about that candidate (pref_voting's default)
//   tied_last:    every unranked candidate is tied below every ranked one (Condorcet PHP
//                 "implicit" mode, PrefLib's "imbued" files)
enum class Unranked { incomparable, tied_last };

std::string_view to_string(BallotKind k);
std::string_view to_string(Unranked u);
std::optional<Unranked> parse_unranked(std::string_view s);

struct Profile {
  Candidates candidates;
  BallotKind kind = BallotKind::ranking;
  std::vector<std::string> category_names;  // categorical only: name of category 0, 1, ...
  std::vector<int32_t> levels;              // unique ballot b, candidate c at [b * m + c]
  std::vector<int64_t> grades;              // scores only, same layout; kNoGrade = not graded
  std::vector<int64_t> counts;              // multiplicity of unique ballot b (> 0)
  int64_t num_voters = 0;                   // sum of counts
  PairwiseMatrix support_ranked;            // a > b counted only if the voter ranked both
  PairwiseMatrix support_tied_last;         // also counts ranked a over unranked b
  std::vector<std::pair<std::string, std::string>> metadata;  // header fields, in file order

  int num_candidates() const { return candidates.size(); }
  size_t num_ballots() const { return counts.size(); }  // unique ballots
  std::span<const int32_t> ballot(size_t b) const {
    return {levels.data() + b * static_cast<size_t>(num_candidates()), static_cast<size_t>(num_candidates())};
  }
  std::span<const int64_t> ballot_grades(size_t b) const {
    return {grades.data() + b * static_cast<size_t>(num_candidates()), static_cast<size_t>(num_candidates())};
  }
  const PairwiseMatrix& support(Unranked u) const {
    return u == Unranked::incomparable ? support_ranked : support_tied_last;
  }
  int64_t id(Cand c) const { return candidates.ids[c]; }
  const std::string& name(Cand c) const { return candidates.names[c]; }
  // Ballot b as indifference classes, best first (unranked candidates omitted). Categorical
  // ballots keep empty categories so that class i is category i.
  std::vector<std::vector<Cand>> tiers(size_t b) const;
  // Value of metadata field `key`, if present.
  std::optional<std::string> meta(std::string_view key) const;
};

// Summary statistics of a profile (the `prefero profile` command).
struct ProfileStats {
  int64_t voters = 0;
  size_t unique_ballots = 0;
  int candidates = 0;
  int64_t voters_truncated = 0;  // ballots leaving at least one candidate unranked
  int64_t voters_with_ties = 0;  // ballots with two candidates at one level
  int64_t voters_empty = 0;      // ballots ranking nobody
};
ProfileStats stats_of(const Profile& p);

// Builds a profile ballot by ballot, merging identical ballots (first appearance keeps its
// position, so the result does not depend on hashing) and computing the pairwise matrices.
class ProfileBuilder {
 public:
  ProfileBuilder(Candidates candidates, BallotKind kind);
  // levels: one entry per candidate (kUnranked allowed). For rankings, levels are compacted to
  // 0, 1, 2, ... so that equal weak orders merge; categorical levels are kept as given.
  void add_levels(std::span<const int32_t> levels, int64_t count);
  // Ballot given as indifference classes, best first.
  void add_tiers(const std::vector<std::vector<Cand>>& tiers, int64_t count);
  // Score ballot: one grade per candidate (kNoGrade allowed); higher is better.
  void add_grades(std::span<const int64_t> grades, int64_t count);
  void set_category_names(std::vector<std::string> names);
  void add_metadata(std::string key, std::string value);
  Profile finish();

 private:
  size_t slot_for(std::span<const int32_t> levels, std::span<const int64_t> grades);
  Profile p_;
  std::vector<int32_t> scratch_;
  std::vector<int32_t> used_levels_;
  std::vector<std::vector<uint32_t>> buckets_;  // open hash table: bucket -> unique ballot ids
};

// Recomputes both pairwise matrices from the ballots (used by finish() and by tests).
void compute_pairwise(Profile& p);

}  // namespace prefero
