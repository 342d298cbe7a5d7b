#pragma once
// A line scanner over a whole file held in memory, for the hand-written readers. It walks the
// text with raw pointers (no iostream per character) and turns every problem into an InputError
// naming the file, the 1-based line and column, and what was expected there.
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace prefero::io_detail {

inline bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

class TextScanner {
 public:
  TextScanner(std::string_view text, std::string name) : text_(text), name_(std::move(name)) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);  // UTF-8 byte order mark
    next_ = text_.data();
  }

  const std::string& name() const { return name_; }

  // Moves to the next line; false at the end of the text.
  bool next_line() {
    const char* end = text_.data() + text_.size();
    if (next_ >= end) return false;
    begin_ = next_;
    const void* nl = memchr_(begin_, end);
    end_ = nl ? static_cast<const char*>(nl) : end;
    next_ = nl ? end_ + 1 : end;
    p_ = begin_;
    ++line_;
    return true;
  }
  // True when only whitespace remains after the current line.
  bool rest_is_blank() const {
    const char* end = text_.data() + text_.size();
    for (const char* q = next_; q < end; ++q)
      if (!is_blank(*q) && *q != '\n') return false;
    return true;
  }

  // Number of lines from the current one to the end (a bound for reserving memory).
  size_t text_size() const { return text_.size(); }
  size_t lines_left() const {
    return 1 + static_cast<size_t>(std::count(next_, text_.data() + text_.size(), '\n'));
  }

  std::string_view line() const { return {begin_, static_cast<size_t>(end_ - begin_)}; }
  int line_number() const { return line_; }
  bool line_is_blank() const { return trim(line()).empty(); }

  // --- cursor inside the current line ---
  const char* pos() const { return p_; }
  void skip_blanks() {
    while (p_ < end_ && is_blank(*p_)) ++p_;
  }
  // After skipping blanks: nothing left on the line?
  bool at_eol() {
    skip_blanks();
    return p_ >= end_;
  }
  char peek() {
    skip_blanks();
    return p_ < end_ ? *p_ : '\0';
  }
  bool eat(char c) {
    if (peek() != c) return false;
    ++p_;
    return true;
  }
  void expect(char c, std::string_view what) {
    if (!eat(c)) fail_here("expected " + std::string(what) + ", found " + found());
  }
  void expect_eol(std::string_view what) {
    if (!at_eol()) fail_here("expected " + std::string(what) + ", found " + found());
  }
  // The rest of the line, trimmed (moves to the end of the line).
  std::string_view rest() {
    skip_blanks();
    std::string_view r = trim(std::string_view(p_, static_cast<size_t>(end_ - p_)));
    p_ = end_;
    return r;
  }

  // A non-negative integer. `what` names it for the message ("a ballot count").
  int64_t read_count(std::string_view what) {
    skip_blanks();
    if (p_ < end_ && *p_ == '-') fail_here("expected " + std::string(what) + " (a non-negative integer), found a negative number");
    return read_int(what, "a non-negative integer");
  }
  // An integer that may be negative (alternative ids are checked against the header later).
  int64_t read_signed(std::string_view what) {
    skip_blanks();
    return read_int(what, "an integer");
  }
  // A finite decimal number.
  double read_number(std::string_view what) {
    skip_blanks();
    double v = 0;
    const char* start = p_;
    auto [ptr, ec] = std::from_chars(p_, end_, v);
    if (ec != std::errc() || ptr == start || !(v - v == 0))  // v - v != 0 for inf and nan
      fail_here("expected " + std::string(what) + " (a finite number), found " + found());
    p_ = ptr;
    return v;
  }

  // Description of what sits at the cursor, for messages.
  std::string found() const {
    if (p_ >= end_) return "end of line";
    const char* q = p_;
    while (q < end_ && q - p_ < 12 && !is_blank(*q) && *q != ',' && *q != ':' && *q != '{' && *q != '}') ++q;
    if (q == p_) q = p_ + 1;
    return "'" + std::string(p_, q) + "'";
  }

  [[noreturn]] void fail_at(const char* at, const std::string& message) const {
    throw InputError(SourceLocation{name_, line_, static_cast<int>(at - begin_) + 1}, message);
  }
  [[noreturn]] void fail_here(const std::string& message) const { fail_at(p_, message); }
  [[noreturn]] void fail_line(const std::string& message) const {
    throw InputError(SourceLocation{name_, line_, 1}, message);
  }
  // A problem with the file as a whole (reported at 1:1).
  [[noreturn]] void fail_whole_file(const std::string& message) const {
    throw InputError(SourceLocation{name_, 1, 1}, message);
  }
  int column_of(const char* at) const { return static_cast<int>(at - begin_) + 1; }

 private:
  static const void* memchr_(const char* from, const char* end) {
    return std::memchr(from, '\n', static_cast<size_t>(end - from));
  }
  int64_t read_int(std::string_view what, std::string_view kind) {
    int64_t v = 0;
    const char* start = p_;
    if (p_ >= end_ || !(is_digit(*p_) || *p_ == '-'))
      fail_here("expected " + std::string(what) + " (" + std::string(kind) + "), found " + found());
    auto [ptr, ec] = std::from_chars(p_, end_, v);
    if (ec == std::errc::result_out_of_range) fail_here(std::string(what) + " is too large");
    if (ec != std::errc() || ptr == start)
      fail_here("expected " + std::string(what) + " (" + std::string(kind) + "), found " + found());
    // "12abc" is not a number: the token must end at a delimiter.
    if (ptr < end_ && !is_blank(*ptr) && *ptr != ',' && *ptr != ':' && *ptr != '}' && *ptr != '{')
      fail_here("expected " + std::string(what) + " (" + std::string(kind) + "), found " + found());
    p_ = ptr;
    return v;
  }

  std::string_view text_;
  std::string name_;
  const char* next_ = nullptr;
  const char* begin_ = nullptr;
  const char* end_ = nullptr;
  const char* p_ = nullptr;
  int line_ = 0;
};

}  // namespace prefero::io_detail
