// libFuzzer target: the score-ballot CSV reader. InputError is the expected answer to bad input;
// any other exception, a sanitizer report, or a broken invariant is a crash.
// (Built only when src/io/scores_csv.hpp is in the tree: see CMakeLists.txt.)
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

#include "core/error.hpp"
#include "io/scores_csv.hpp"

using namespace prefero;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;  // the header row sets m; keep the m x m matrices small
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  try {
    Profile p = read_scores_csv(in, "fuzz-input");
    int64_t total = 0;
    for (int64_t c : p.counts) total += c;
    if (total != p.num_voters || p.grades.size() != p.levels.size()) {
      std::fprintf(stderr, "fuzz_scores_csv: invariant broken: counts or grade storage\n");
      std::abort();
    }
  } catch (const InputError&) {
    // bad input, reported properly
  }
  return 0;
}
