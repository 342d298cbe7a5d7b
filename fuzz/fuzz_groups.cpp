// libFuzzer target: the groups file reader and the bounds SPEC parser (committee fairness bounds).
// Input: a groups file, then a line "---", then a bounds SPEC. InputError is the expected answer to
// bad input; any other exception, a sanitizer report, or a broken invariant is a crash.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

#include "committee/fairness_bounds.hpp"
#include "core/error.hpp"

using namespace prefero;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto split = text.find("\n---\n");
  std::istringstream in(text.substr(0, split));
  const std::string spec = split == std::string::npos ? "" : text.substr(split + 5);
  const Candidates cands = Candidates::numbered(6);
  try {
    const Groups groups = read_groups(in, "fuzz-input", cands);
    for (const auto& members : groups.members)
      for (Cand c : members)
        if (c < 0 || c >= cands.size()) {
          std::fprintf(stderr, "fuzz_groups: member out of range\n");
          std::abort();
        }
    const GroupBounds bounds = parse_bounds(spec, groups, 3);
    if (bounds.size() <= 4) check_bounds_feasible(groups, bounds, cands.size(), 3);
  } catch (const InputError&) {
    // bad input, reported properly
  }
  return 0;
}
