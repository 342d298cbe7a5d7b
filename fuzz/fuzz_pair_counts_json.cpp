// libFuzzer target: read_pair_counts_json_text (the shared body is in comparisons_reader_fuzz.hpp).
#include "io/read_comparisons.hpp"
#include "comparisons_reader_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return prefero::fuzz::fuzz_comparisons_reader(data, size, prefero::read_pair_counts_json_text, "fuzz_pair_counts_json");
}
