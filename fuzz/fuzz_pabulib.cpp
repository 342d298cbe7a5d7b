// libFuzzer target: the Pabulib (.pb) approval reader. InputError is the expected answer to bad
// input; any other exception, a sanitizer report, or a broken invariant is a crash.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/error.hpp"
#include "io/pabulib.hpp"

using namespace prefero;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ReadLimits limits;
  limits.max_alternatives = 200;  // keep the m x m pairwise matrices small
  try {
    PabulibInstance inst = read_pabulib_text(text, "fuzz-input", limits);
    const Profile& p = inst.profile;
    int64_t total = 0;
    for (int64_t c : p.counts) total += c;
    if (total != p.num_voters || inst.costs.size() != static_cast<size_t>(p.num_candidates()) || inst.budget < 0) {
      std::fprintf(stderr, "fuzz_pabulib: invariant broken\n");
      std::abort();
    }
    for (size_t b = 0; b < p.num_ballots(); ++b)
      for (int32_t l : p.ballot(b))
        if (l != 0 && l != 1) {
          std::fprintf(stderr, "fuzz_pabulib: level is not approved/not approved\n");
          std::abort();
        }
  } catch (const InputError&) {
    // bad input, reported properly
  }
  return 0;
}
