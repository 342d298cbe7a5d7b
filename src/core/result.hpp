#pragma once
// What a single-winner rule returns: the irresolute winner set, optionally a lottery, and
// the rule's own explanation (margins, rounds, paths, locked pairs ...) as JSON. Explanations
// name candidates by their external ids, as the output does.
#include <nlohmann/json.hpp>

#include <utility>
#include <vector>

#include "core/candidates.hpp"
#include "core/rational.hpp"

namespace prefero {

using json = nlohmann::ordered_json;

struct ElectionResult {
  std::vector<Cand> winners;                        // ascending, never empty for m >= 1
  std::vector<std::pair<Cand, Rational>> lottery;   // probabilistic rules only
  json explanation = json::object();
};

}  // namespace prefero
