#include "core/error.hpp"

namespace prefero {

namespace {
std::string format_location(const SourceLocation& w) {
  std::string s = w.file.empty() ? std::string("<input>") : w.file;
  if (w.line > 0) s += ":" + std::to_string(w.line);
  if (w.line > 0 && w.column > 0) s += ":" + std::to_string(w.column);
  return s;
}
}  // namespace

InputError::InputError(SourceLocation where, const std::string& message)
    : std::runtime_error(where.file.empty() && where.line == 0 ? message
                                                               : format_location(where) + ": " + message),
      where_(std::move(where)),
      detail_(message) {}

}  // namespace prefero
