#pragma once
// A weighted directed graph over alternatives: PrefLib's `wmd` data type (weighted matching
// data, e.g. kidney exchange compatibility graphs). Not ballots, so not a Profile.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/candidates.hpp"
#include "io/read.hpp"

namespace prefero {

struct WeightedEdge {
  Cand src = 0;  // internal index; external id is candidates.ids[src]
  Cand dst = 0;
  double weight = 0;
};

struct WeightedDigraph {
  Candidates candidates;
  std::vector<WeightedEdge> edges;  // in file order; each (src, dst) pair at most once
  std::vector<std::pair<std::string, std::string>> metadata;  // header fields, in file order
};

// Reads a PrefLib .wmd file (new format: `# KEY: value` headers, then `src,dst,weight` lines).
WeightedDigraph read_weighted_digraph(const std::string& path);
WeightedDigraph read_preflib_wmd(std::string_view text, const std::string& name, const ReadLimits& limits = {});

}  // namespace prefero
