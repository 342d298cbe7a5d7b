#include "core/error.hpp"

#include <fmt/format.h>

namespace prefero {

namespace {
std::string format_location(const SourceLocation& w) {
  const std::string file = w.file.empty() ? std::string("<input>") : w.file;
  if (w.line > 0 && w.column > 0) return fmt::format("{}:{}:{}", file, w.line, w.column);
  if (w.line > 0) return fmt::format("{}:{}", file, w.line);
  return file;
}
}  // namespace

InputError::InputError(SourceLocation where, const std::string& message)
    : std::runtime_error(where.file.empty() && where.line == 0 ? message
                                                               : format_location(where) + ": " + message),
      where_(std::move(where)),
      detail_(message) {}

}  // namespace prefero
