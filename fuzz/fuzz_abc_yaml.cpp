// libFuzzer target: abcvoting's YAML reader (.abc.yaml). InputError is the expected answer to bad
// input; any other exception, a sanitizer report, or a broken invariant is a crash.
// (Built only when src/io/abc_yaml.hpp is in the tree: see CMakeLists.txt.)
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/error.hpp"
#include "io/abc_yaml.hpp"

using namespace prefero;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 8192) return 0;  // yaml-cpp recurses on nesting; keep inputs small
  std::string text(reinterpret_cast<const char*>(data), size);
  ReadLimits limits;
  limits.max_alternatives = 200;  // the m x m pairwise matrices stay small
  try {
    AbcInstance inst = read_abc_yaml_text(text, "fuzz-input", limits);
    int64_t total = 0;
    for (int64_t c : inst.profile.counts) total += c;
    if (total != inst.profile.num_voters || inst.profile.num_candidates() < 1 ||
        (inst.committee_size && (*inst.committee_size < 1 || *inst.committee_size > inst.profile.num_candidates()))) {
      std::fprintf(stderr, "fuzz_abc_yaml: invariant broken\n");
      std::abort();
    }
  } catch (const InputError&) {
    // bad input, reported properly
  }
  return 0;
}
