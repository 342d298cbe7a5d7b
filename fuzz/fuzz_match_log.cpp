// libFuzzer target: the vote-log reader of `prefero match` (JSONL battles/rankings or CSV).
// InputError is the expected answer to bad input; anything else is a crash.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

#include "core/error.hpp"
#include "rate/match_log.hpp"

using namespace prefero;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 65536) return 0;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  try {
    const Comparisons c = read_match_log(in, "fuzz-input");
    const auto n = static_cast<int>(c.models.size());
    for (const auto& p : c.pairs)
      if (p.a < 0 || p.a >= n || p.b < 0 || p.b >= n || p.a == p.b) std::abort();
    for (const auto& r : c.rankings)
      for (const auto& t : r.tiers)
        for (int m : t)
          if (m < 0 || m >= n) std::abort();
  } catch (const InputError&) {
  }
  return 0;
}
