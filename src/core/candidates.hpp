#pragma once
// Candidates (alternatives) of an election. Internally a candidate is a dense 0-based index
// `Cand`; externally it keeps the id and name the input file gave it (PrefLib ids are 1-based).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace prefero {

using Cand = int;

struct Candidates {
  std::vector<int64_t> ids;       // external id of candidate c (as in the input file)
  std::vector<std::string> names; // display name of candidate c

  int size() const { return static_cast<int>(ids.size()); }
  // Index of the candidate with external id `id`, if any.
  std::optional<Cand> find_id(int64_t id) const;
  // Index of the candidate whose name or external id (as text) is `key`, if any.
  std::optional<Cand> find(const std::string& key) const;
  // Candidates 1..m named "1".."m" (PrefLib's convention when names are missing).
  static Candidates numbered(int m);
};

// The candidates a rule is restricted to (pref_voting's `curr_cands`): sorted, no repeats.
// Every rule takes one, which makes iterative rules short and rules composable.
using CandidateSet = std::vector<Cand>;

// All candidates 0..m-1.
CandidateSet all_candidates(int m);
// Membership mask of size m for a set.
std::vector<char> mask_of(const CandidateSet& set, int m);

}  // namespace prefero
