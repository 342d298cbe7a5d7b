#pragma once
// abcvoting's `.abc.yaml` instances (martinlackner/abcvoting, fileio.read_abcvoting_yaml_file):
//
//   description: "..."              optional
//   profile: [[0, 2], [1], {3, 4}]  one approval set per voter (lists or YAML sets), candidates 0-based
//   num_cand: 6                     optional (default: largest candidate + 1)
//   voter_weights: [1, 2.5, ...]    optional, one positive number per voter
//   committeesize: 3                optional
//   compute:                        optional: rule runs with their expected results
//   - rule_id: pav                  required
//     resolute: false               optional
//     result: [[0, 3, 5], ...]      optional; null = unknown
//     <kwarg>: <value>              any other rule argument (algorithm, max_num_of_committees, ...)
//
// Any other top-level key is an error (as upstream). The profile is categorical: category 0 =
// approved, category 1 = not approved; candidate ids are the file's 0-based numbers. Weights are
// exact decimals or fractions, scaled by the least common denominator to integer multiplicities
// (every ABC rule is invariant under scaling all weights; `weight_scale` in the metadata says by
// how much they were scaled).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/profile.hpp"
#include "io/read.hpp"

namespace prefero {

struct AbcCompute {
  std::string rule_id;
  std::optional<bool> resolute;
  std::optional<std::vector<std::vector<Cand>>> result;  // nullopt: absent or null (unknown)
  std::vector<std::pair<std::string, std::string>> kwargs;  // other keys, values as YAML text
  SourceLocation where;
};

struct AbcInstance {
  Profile profile;
  std::optional<int> committee_size;
  std::string description;
  std::vector<AbcCompute> compute;
};

// Reads a file; InputError (file:line:column) for malformed YAML or content.
AbcInstance read_abc_yaml(const std::string& path);
// The same on text in memory; `name` is used in error messages.
AbcInstance read_abc_yaml_text(std::string_view text, const std::string& name, const ReadLimits& limits = {});
// True if the path names an abcvoting YAML file (.abc.yaml, .yaml, .yml).
bool is_abc_yaml_path(const std::string& path);

}  // namespace prefero
