#include "core/candidates.hpp"

#include <numeric>

namespace prefero {

std::optional<Cand> Candidates::find_id(int64_t id) const {
  for (Cand c = 0; c < size(); ++c)
    if (ids[c] == id) return c;
  return std::nullopt;
}

std::optional<Cand> Candidates::find(const std::string& key) const {
  for (Cand c = 0; c < size(); ++c)
    if (names[c] == key) return c;
  for (Cand c = 0; c < size(); ++c)
    if (std::to_string(ids[c]) == key) return c;
  return std::nullopt;
}

Candidates Candidates::numbered(int m) {
  Candidates cs;
  for (int i = 1; i <= m; ++i) {
    cs.ids.push_back(i);
    cs.names.push_back(std::to_string(i));
  }
  return cs;
}

CandidateSet all_candidates(int m) {
  CandidateSet s(static_cast<size_t>(m));
  std::iota(s.begin(), s.end(), 0);
  return s;
}

std::vector<char> mask_of(const CandidateSet& set, int m) {
  std::vector<char> mask(static_cast<size_t>(m), 0);
  for (Cand c : set) mask[c] = 1;
  return mask;
}

}  // namespace prefero
