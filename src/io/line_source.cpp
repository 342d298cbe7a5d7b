#include "io/line_source.hpp"

#include <cerrno>
#include <cstring>

#include "core/error.hpp"

namespace prefero::io_detail {

LineSource::LineSource(const std::string& path, size_t chunk) : name_(path), chunk_(chunk) {
  file_ = std::fopen(path.c_str(), "rb");
  if (!file_) throw InputError(SourceLocation{path, 0, 0}, std::string("cannot open: ") + std::strerror(errno));
  buf_.assign(chunk_ + kLinePadding, '\0');
}

LineSource::LineSource(std::string_view text, std::string name, int first_line)
    : name_(std::move(name)), eof_(true), line_(first_line - 1) {
  buf_.assign(text.size() + kLinePadding, '\0');
  if (!text.empty()) std::memcpy(buf_.data(), text.data(), text.size());
  end_ = text.size();
  if (first_line == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // UTF-8 byte order mark
}

LineSource::~LineSource() {
  if (file_) std::fclose(file_);
}

bool LineSource::refill() {
  if (eof_) return false;
  // Keep the unfinished line, move it to the front, then read more after it.
  size_t keep = end_ - pos_;
  if (keep > 0 && pos_ > 0) std::memmove(buf_.data(), buf_.data() + pos_, keep);
  pos_ = 0;
  end_ = keep;
  if (buf_.size() - kLinePadding - end_ < chunk_ / 2) buf_.resize(end_ + chunk_ + kLinePadding);
  size_t want = buf_.size() - kLinePadding - end_;
  size_t got = std::fread(buf_.data() + end_, 1, want, file_);
  if (got < want) {
    if (std::ferror(file_)) throw InputError(SourceLocation{name_, line_ + 1, 0}, "read error");
    eof_ = true;
  }
  bool first = line_ == 0 && end_ == 0;
  end_ += got;
  std::memset(buf_.data() + end_, 0, kLinePadding);
  if (first && end_ >= 3 && std::memcmp(buf_.data(), "\xEF\xBB\xBF", 3) == 0) pos_ = 3;
  return got > 0;
}

bool LineSource::next(std::string_view& line) {
  for (;;) {
    const char* begin = buf_.data() + pos_;
    const void* nl = std::memchr(begin, '\n', end_ - pos_);
    if (nl || (eof_ && pos_ < end_)) {
      const char* stop = nl ? static_cast<const char*>(nl) : buf_.data() + end_;
      size_t len = static_cast<size_t>(stop - begin);
      pos_ += len + (nl ? 1 : 0);
      if (len > 0 && begin[len - 1] == '\r') --len;
      ++line_;
      line = std::string_view(begin, len);
      return true;
    }
    if (eof_ || !refill()) {
      if (pos_ < end_) continue;  // the last line had no '\n'
      return false;
    }
  }
}

}  // namespace prefero::io_detail
