#pragma once
// Pabulib participatory-budgeting files (.pb; Faliszewski et al., "Participatory Budgeting: Data,
// Tools, and Analysis", IJCAI 2023, arXiv:2305.11035), approval part, as abcvoting reads them
// (fileio.read_pabulib_file via pabutools' parse_pabulib):
//
//   META                      section markers (any case), each followed by a header row
//   key;value
//   budget;417000             ...; vote_type must be approval
//   PROJECTS
//   project_id;cost;...       first column = project id; cost required
//   VOTES
//   voter_id;...;vote         `vote` = comma-separated project ids (one voter per row)
//
// Fields are ';'-separated with CSV quoting ("a;b", "" for a quote); blank lines are skipped; a
// UTF-8 BOM is accepted; the value None (any case) is an absent field. Differences from
// pabutools, on purpose: candidates keep the PROJECTS order (pabutools' Instance is a set, so
// abcvoting's candidate order is Python's set order); an empty or None vote is an empty ballot
// (pabutools fails); num_projects / num_votes, when given, must match the data; a row must have
// as many fields as its header; a project repeated in one vote counts once (as pabutools).
// abcvoting uses int(budget) as the committee size; here the budget is kept in the metadata
// and the committee size is the caller's.
#include <string>
#include <string_view>
#include <vector>

#include "core/profile.hpp"
#include "core/rational.hpp"
#include "io/read.hpp"

namespace prefero {

struct PabulibInstance {
  // Categorical: category 0 = approved, 1 = not approved. Candidate c = the c-th project of the
  // PROJECTS section: id c + 1, name = its project_id.
  Profile profile;
  std::vector<std::pair<std::string, std::string>> meta;  // META section in file order
  std::vector<Rational> costs;                            // per candidate
  Rational budget;                                        // META budget
};

PabulibInstance read_pabulib(const std::string& path);
PabulibInstance read_pabulib_text(std::string_view text, const std::string& name, const ReadLimits& limits = {});
// True for a path ending in .pb (any case).
bool is_pabulib_path(const std::string& path);

}  // namespace prefero
