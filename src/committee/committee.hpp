#pragma once
// What a committee rule returns: every winning committee (irresolute) or one (resolute), whether
// optimality is proven (a time limit may stop an exact solver early), and the rule's explanation.
#include <vector>

#include "core/candidates.hpp"
#include "core/result.hpp"

namespace prefero {

struct CommitteeResult {
  std::vector<std::vector<Cand>> committees;  // each ascending; the list sorted lexicographically
  bool proven = true;                         // false: best found before the time limit
  json explanation = json::object();          // candidates named by external ids
};

}  // namespace prefero
