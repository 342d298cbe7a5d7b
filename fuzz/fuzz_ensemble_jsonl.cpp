// libFuzzer target: the ensemble JSONL reader must either read the input or throw InputError.
#include <sstream>
#include <string>

#include "core/error.hpp"
#include "io/ensemble_jsonl.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  try {
    prefero::VoteTensor t = prefero::read_vote_tensor(in, "fuzz.jsonl");
    if (t.scores.size() != static_cast<size_t>(t.samples) * static_cast<size_t>(t.models) * static_cast<size_t>(t.classes)) __builtin_trap();
  } catch (const prefero::InputError&) {
  }
  return 0;
}
