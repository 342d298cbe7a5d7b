#pragma once
// Score ballots from CSV: a header row of candidate names (optionally preceded by a `count` or
// `weight` column), then one row per voter (or per group of identical voters) of integer grades;
// an empty cell means "not graded". Higher grades are better.
//
//   count,Memphis,Nashville,Chattanooga,Knoxville
//   42,5,2,1,0
//   26,0,5,3,2
//
// Blank lines are skipped; cells may be double-quoted ("" inside quotes is a quote). Every bad
// cell is an InputError at file:line:column.
#include <istream>
#include <string>

#include "core/profile.hpp"

namespace prefero {

Profile read_scores_csv(std::istream& in, const std::string& name);

}  // namespace prefero
