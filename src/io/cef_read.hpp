#pragma once
// Condorcet Election Format (CEF, .cvotes), version 1 (J. Boudry, github.com/CondorcetVote/
// CondorcetElectionFormat, 2022): parameter lines `#/Name: value` first (Candidates, Number of
// Seats, Implicit Ranking, Weight Allowed; names case-insensitive), then one vote per line
// `tags || A > B = C ^weight * quantity`, `#` comments, `/EMPTY/` (or `/EMPTY_RANKING/`) blank votes.
//
// Candidates get external ids 1..m in the order of `#/Candidates` (or of first appearance in the
// votes when that parameter is absent) and keep their names. Unranked candidates stay unranked in
// the profile; the file's `Implicit Ranking` (default true = tied last) is kept in the metadata so
// that rules can be run with unranked=tied_last (implicit) or unranked=incomparable (explicit).
// As the spec requires, a vote naming a candidate not in `#/Candidates` ignores that name (counted
// in the metadata field "Ignored Candidate Names"), and `^weight` is ignored unless
// `#/Weight Allowed: true` (then a vote counts `weight` times). Tags are ignored.
#include <istream>
#include <string>

#include "core/profile.hpp"

namespace prefero {

// Throws InputError naming `name`, the line and the column for malformed input.
Profile read_cef(std::istream& in, const std::string& name);

}  // namespace prefero
