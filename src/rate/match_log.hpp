#pragma once
// A small reader of vote logs for `prefero match` (stop-gap until the arena battle/K-wise
// readers are merged; they accept a superset). Two formats, chosen by the first character:
//   JSONL: one object per line, {"model_a": "x", "model_b": "y", "winner": "model_a"} (winner
//          model_a | model_b | tie | tie (bothbad); missing = tie) or {"ranking": [["a"], ["b", "c"]]}
//          (tiers best first; a plain string is a tier of one);
//   CSV:   a header naming model_a,model_b (or left,right) and optionally winner (model_a/left,
//          model_b/right, tie, tie (bothbad)); no quoting.
// Bad input is an InputError with file:line:column.
#include <istream>
#include <string>

#include "rate/comparisons.hpp"

namespace prefero {

Comparisons read_match_log(std::istream& in, const std::string& file);

}  // namespace prefero
