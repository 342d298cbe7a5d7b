#pragma once
// Streams the lines of a file (or of text in memory) in fixed-size chunks, so a reader's memory
// does not grow with the file. Every line handed out is followed by at least `kLinePadding`
// readable bytes (simdjson reads ahead), and knows its 1-based line number.
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace prefero::io_detail {

inline constexpr size_t kLinePadding = 64;

class LineSource {
 public:
  // Lines of a file, read `chunk` bytes at a time (a line longer than a chunk grows the buffer).
  // Throws InputError if the file cannot be opened.
  LineSource(const std::string& path, size_t chunk = size_t{1} << 24);
  // Lines of text held in memory (copied once into a padded buffer), numbered from first_line.
  LineSource(std::string_view text, std::string name, int first_line = 1);
  ~LineSource();
  LineSource(const LineSource&) = delete;
  LineSource& operator=(const LineSource&) = delete;

  // The next line without its '\n' (and without a trailing '\r'); false at the end.
  bool next(std::string_view& line);
  int line_number() const { return line_; }
  const std::string& name() const { return name_; }
  // Bytes after line.data() that may be read (>= line.size() + kLinePadding).
  size_t capacity_after(std::string_view line) const {
    return static_cast<size_t>(buf_.data() + buf_.size() - line.data());
  }

 private:
  bool refill();

  std::string name_;
  std::FILE* file_ = nullptr;
  size_t chunk_ = 0;
  std::vector<char> buf_;  // data [0, end_) + padding
  size_t pos_ = 0, end_ = 0;
  bool eof_ = false;
  int line_ = 0;
};

}  // namespace prefero::io_detail
