// libFuzzer target: the PrefLib wmd (weighted directed graph) reader. InputError is fine;
// any other exception, a sanitizer report, or a broken invariant is a crash.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string_view>

#include "core/error.hpp"
#include "io/weighted_digraph.hpp"

using namespace prefero;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ReadLimits limits;
  limits.max_alternatives = 64;
  try {
    WeightedDigraph g = read_preflib_wmd(text, "fuzz-input", limits);
    std::set<std::pair<Cand, Cand>> seen;
    for (const auto& e : g.edges) {
      const bool ok = e.src >= 0 && e.src < g.candidates.size() && e.dst >= 0 && e.dst < g.candidates.size() &&
                      std::isfinite(e.weight) && seen.insert({e.src, e.dst}).second;
      if (!ok) {
        std::fprintf(stderr, "fuzz_wmd: invariant broken: edge endpoints, weight or repeat\n");
        std::abort();
      }
    }
  } catch (const InputError&) {
    // bad input, reported properly
  }
  return 0;
}
