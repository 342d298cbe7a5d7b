#pragma once
// The shared body of the comparisons readers' libFuzzer targets (battles JSONL/CSV, pair counts
// JSON, K-wise rankings JSONL): runs one reader on the input with options varied by its size,
// and checks the result's invariants. InputError is the expected answer to bad input; any other
// exception, a sanitizer report, or a broken invariant is a crash.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "io/read_comparisons.hpp"

namespace prefero::fuzz {

using ComparisonsTextReader = Comparisons (*)(std::string_view text, const std::string& name,
                                              const ComparisonsReadOptions& options);

inline int fuzz_comparisons_reader(const uint8_t* data, size_t size, ComparisonsTextReader read, const char* target) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ComparisonsReadOptions opt;
  opt.keep_order = size % 2 == 1;  // exercise both storage modes
  opt.max_models = 1000;
  opt.max_rows = 100000;
  if (size % 3 == 0) opt.covariates = {"x"};
  opt.voters = size % 5 < 2;     // per-voter rows (bt_mixture's input)
  opt.threads = 1 + static_cast<int>(size % 2);  // the JSONL reader's chunked path with 1 and 2 workers
  try {
    Comparisons c = read(text, "fuzz-input", opt);
    for (const auto& r : c.pairs)
      if (r.a < 0 || r.b < 0 || static_cast<size_t>(r.a) >= c.models.size() || static_cast<size_t>(r.b) >= c.models.size() ||
          !(r.count > 0) || (r.covariates >= 0 && static_cast<size_t>(r.covariates) >= c.covariates.size()) ||
          (r.voter >= 0 && static_cast<size_t>(r.voter) >= c.voters.size()) || (!opt.voters && r.voter >= 0)) {
        std::fprintf(stderr, "%s: invariant broken: pair row\n", target);
        std::abort();
      }
    for (const auto& k : c.rankings)
      for (const auto& tier : k.tiers)
        for (int m : tier)
          if (m < 0 || static_cast<size_t>(m) >= c.models.size()) {
            std::fprintf(stderr, "%s: invariant broken: ranking model\n", target);
            std::abort();
          }
  } catch (const InputError&) {
    // bad input, reported properly
  }
  return 0;
}

}  // namespace prefero::fuzz
