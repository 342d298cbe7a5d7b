#pragma once
// The top-level string fields of a one-object JSON line, found without building a DOM: each
// 64-byte block is classified with SIMD compares (quotes, backslashes, colons, brackets, the
// newline), strings are masked out by a prefix XOR of the quotes (the stage-1 idea of Langdale &
// Lemire, "Parsing gigabytes of JSON per second", VLDB J. 2019), and only the colons at depth 1
// are looked at. A line the scanner cannot settle on its own (a backslash anywhere, a wanted key
// whose value is not a plain string, anything but one object, a line over 4 KB) is deferred to a
// full JSON parser, which also reports the errors. Like simdjson's On-Demand front end, the scan
// checks the structure of the line (one object; quotes, brackets and braces balanced; nothing
// outside it) and every value it returns, but not the bytes of the values it skips.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace prefero::io_detail {

// The keys a reader wants from each line: at most kMaxKeys, each 1–31 bytes.
class LineKeys {
 public:
  static constexpr size_t kMaxKeys = 8;
  explicit LineKeys(const std::vector<std::string>& keys);
  // Index of the key spelled s[0, n), or -1.
  int find(const char* s, size_t n) const;
  // The same for a key of at most 7 bytes whose closing quote is at `close`, from the 8 bytes
  // before it (readable); -1 also when no short key matches.
  int find_short(const char* close) const;
  size_t size() const { return keys_.size(); }
  size_t length(int id) const { return keys_[static_cast<size_t>(id)].size(); }
  // Every key has at most 7 bytes (find_short tells them all apart).
  bool all_short() const { return short_.size() == keys_.size(); }

 private:
  std::vector<std::string> keys_;
  std::array<std::vector<int>, 32> by_length_;
  // For each key of at most 7 bytes: its opening quote and bytes as the top bytes of a
  // little-endian word, and the mask of those bytes.
  struct Short {
    uint64_t bytes, mask;
    int id;
  };
  std::vector<Short> short_;
};

enum class LineScan {
  fields,  // one object; `value` holds the wanted keys' string values
  blank,   // only spaces, tabs or '\r'
  defer,   // give the line to a full JSON parser
};

// The wanted keys' values in one line (data() == nullptr: the key is absent). A key seen twice
// keeps its last value, as a DOM walk would.
struct LineFields {
  std::array<std::string_view, LineKeys::kMaxKeys> value;
};

// True when s is valid UTF-8 without control bytes (< 0x20): the bytes of a JSON string that
// holds no escape.
bool plain_json_text(std::string_view s);

// Scans the line that starts at `p`. The buffer holds a '\n' at or after p (the reader appends
// one after the last line), and 64 bytes past that '\n' may be read. Sets `next` to the byte
// after that '\n' and `line_end` to the '\n'.
LineScan scan_json_line(const char* p, const LineKeys& keys, LineFields& out, const char*& line_end,
                        const char*& next);

// The instruction sets the scan is compiled for; scan_json_line uses the best this CPU runs.
// Tests run each one.
enum class ScanKernel { portable, avx2, avx512 };
bool scan_kernel_runs(ScanKernel k);
LineScan scan_json_line_with(ScanKernel k, const char* p, const LineKeys& keys, LineFields& out,
                             const char*& line_end, const char*& next);

}  // namespace prefero::io_detail
