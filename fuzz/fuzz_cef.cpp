// libFuzzer target: the Condorcet Election Format reader (.cvotes). InputError is the expected
// answer to bad input; any other exception, a sanitizer report, or a broken invariant is a crash.
// (Built only when src/io/cef_read.hpp is in the tree: see CMakeLists.txt.)
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

#include "core/error.hpp"
#include "io/cef_read.hpp"

using namespace prefero;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;  // candidate lists grow the m x m matrices; keep inputs small
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  try {
    Profile p = read_cef(in, "fuzz-input");
    int64_t total = 0;
    for (int64_t c : p.counts) total += c;
    if (total != p.num_voters || p.levels.size() != p.num_ballots() * static_cast<size_t>(p.num_candidates())) {
      std::fprintf(stderr, "fuzz_cef: invariant broken: counts or level storage\n");
      std::abort();
    }
  } catch (const InputError&) {
    // bad input, reported properly
  }
  return 0;
}
