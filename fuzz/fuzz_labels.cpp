// libFuzzer target: the crowd label reader (judgments, gold, weights). InputError is the
// expected answer to bad input; any other exception, a sanitizer report, or a broken invariant
// is a crash. The input is split at the first two 0x00 bytes into answers / gold / weights; the
// first byte picks the layout options.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "io/labels_read.hpp"

using namespace prefero;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > 65536) return 0;
  std::string_view all(reinterpret_cast<const char*>(data) + 1, size - 1);
  LabelReadOptions o;
  const uint8_t mode = data[0];
  o.dedup = mode % 3 == 0 ? "keep" : mode % 3 == 1 ? "first" : "last";
  if (mode & 4) o.columns = "worker,task,label,gold,-";
  if (mode & 8) o.format = "columns";
  if (mode & 16) o.gold_none = "0";
  size_t a = all.find('\0');
  std::string_view answers = all.substr(0, a), gold, weights;
  if (a != std::string_view::npos) {
    std::string_view rest = all.substr(a + 1);
    size_t b = rest.find('\0');
    gold = rest.substr(0, b);
    if (b != std::string_view::npos) weights = rest.substr(b + 1);
  }
  try {
    LabelData d = read_labels_text(answers, "fuzz-answers", gold, gold.empty() ? "" : "fuzz-gold", weights,
                                   weights.empty() ? "" : "fuzz-weights", o);
    for (const auto& j : d.judgments)
      if (j.task < 0 || j.task >= static_cast<int>(d.tasks.size()) || j.worker < 0 ||
          j.worker >= static_cast<int>(d.workers.size()) || j.label < 0 || j.label >= static_cast<int>(d.labels.size())) {
        std::fprintf(stderr, "fuzz_labels: invariant broken: judgment index out of range\n");
        std::abort();
      }
    if (!d.gold.empty() && d.gold.size() != d.tasks.size()) std::abort();
    if (!d.worker_weights.empty() && d.worker_weights.size() != d.workers.size()) std::abort();
  } catch (const InputError&) {
    // bad input, reported properly
  }
  return 0;
}
