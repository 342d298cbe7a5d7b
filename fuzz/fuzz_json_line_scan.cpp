// libFuzzer target: the JSON line scan (io/json_line_scan) against simdjson's DOM parser. For
// each line the DOM parses as one object, a scan that answers must give the DOM's last
// top-level string value of every wanted key; a line the DOM rejects may be deferred or, when
// only skipped bytes are wrong, answered, but the scan must stay inside the line.
#include <simdjson.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "io/json_line_scan.hpp"

namespace {

const std::vector<std::string> kWanted = {"model_a", "model_b", "winner", "judge", "x"};

void check_line(const std::string& line, simdjson::dom::parser& parser) {
  static const prefero::io_detail::LineKeys keys(kWanted);
  std::string buf = line + "\n" + std::string(64, ' ');
  prefero::io_detail::LineFields f;
  const char *end, *next;
  auto r = prefero::io_detail::scan_json_line(buf.data(), keys, f, end, next);
  if (end != buf.data() + line.size() || next != end + 1) {
    std::fprintf(stderr, "fuzz_json_line_scan: wrong line end\n");
    std::abort();
  }
  if (r != prefero::io_detail::LineScan::fields) return;
  simdjson::dom::element doc;
  simdjson::dom::object obj;
  if (parser.parse(line).get(doc) || doc.get_object().get(obj)) return;  // invalid JSON in skipped bytes
  std::vector<std::string_view> last(kWanted.size());
  std::vector<bool> seen(kWanted.size(), false);
  for (auto field : obj)
    for (size_t k = 0; k < kWanted.size(); ++k)
      if (field.key == kWanted[k]) {
        seen[k] = true;
        if (field.value.get_string().get(last[k])) last[k] = "<not a string>";
      }
  for (size_t k = 0; k < kWanted.size(); ++k)
    if ((f.value[k].data() != nullptr) != seen[k] || (seen[k] && f.value[k] != last[k])) {
      std::fprintf(stderr, "fuzz_json_line_scan: '%s' differs from the DOM\n", kWanted[k].c_str());
      std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static simdjson::dom::parser parser;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    check_line(std::string(text.substr(start, nl - start)), parser);
    start = nl + 1;
  }
  return 0;
}
