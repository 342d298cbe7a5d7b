// libFuzzer target: the PrefLib ballot reader (new and old format, every ballot data type, both dialects).
// InputError is the expected answer to bad input; any other exception, a sanitizer report, or a
// broken invariant is a crash. Inputs that parse are also written back out and re-read, and
// the round trip must give the same election.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string_view>

#include "core/error.hpp"
#include "io/read.hpp"
#include "io/write.hpp"

using namespace prefero;

namespace {

void require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz_preflib: invariant broken: %s\n", what);
  std::abort();
}

void check_invariants(const Profile& p) {
  const int m = p.num_candidates();
  require(p.levels.size() == p.num_ballots() * static_cast<size_t>(m), "levels size");
  // Rankings are compacted to 0..m-1; categorical levels are category indices.
  const int max_level = p.kind == BallotKind::categorical ? static_cast<int>(p.category_names.size()) : m;
  int64_t total = 0;
  for (size_t b = 0; b < p.num_ballots(); ++b) {
    require(p.counts[b] > 0, "positive counts");
    total += p.counts[b];
    for (int32_t l : p.ballot(b)) require(l == kUnranked || (l >= 0 && l < max_level), "level range");
  }
  require(total == p.num_voters, "num_voters is the sum of counts");
  for (Cand a = 0; a < m; ++a)
    for (Cand b = 0; b < m; ++b) {
      require(p.support_ranked(a, b) <= p.support_tied_last(a, b), "tied_last counts at least the ranked pairs");
      require(p.support_tied_last(a, b) + p.support_tied_last(b, a) <= p.num_voters, "pairwise support <= voters");
    }
}

void check_round_trip(const Profile& p) {
  std::ostringstream out;
  Profile q;
  try {
    write_preflib(p, out);
    q = read_preflib_text(out.str(), "round-trip", preflib_data_type(p));
  } catch (const InputError& e) {
    std::fprintf(stderr, "fuzz_preflib: written profile does not read back: %s\n---\n%s---\n", e.what(), out.str().c_str());
    std::abort();
  }
  require(q.candidates.ids == p.candidates.ids && q.candidates.names == p.candidates.names, "same candidates");
  require(q.num_voters == p.num_voters && q.num_ballots() == p.num_ballots(), "same voters and ballots");
  require(q.support_ranked == p.support_ranked && q.support_tied_last == p.support_tied_last, "same pairwise");
  require(q.category_names == p.category_names, "same categories");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ReadLimits limits;
  limits.max_alternatives = 64;  // keep the m x m matrices small
  for (const char* type : {"", "soc", "soi", "toc", "toi", "cat"}) {
    try {
      Profile p = read_preflib_text(text, "fuzz-input", type, limits);
      check_invariants(p);
      check_round_trip(p);
    } catch (const InputError&) {
      // bad input, reported properly
    }
    try {  // the lenient dialect (abcvoting's files): same invariants; ids may be any declared numbers
      check_invariants(read_preflib_text(text, "fuzz-input", type, limits, PreflibDialect::lenient));
    } catch (const InputError&) {
    }
  }
  return 0;
}
