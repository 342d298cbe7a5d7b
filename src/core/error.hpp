#pragma once
// Typed errors. InputError = the user's data or arguments are wrong (CLI exit code 2);
// anything else escaping to the CLI is an internal failure (exit code 1).
#include <stdexcept>
#include <string>

namespace prefero {

// Where in an input a problem sits. line/column are 1-based; 0 means "not applicable".
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

class InputError : public std::runtime_error {
 public:
  InputError(SourceLocation where, const std::string& message);
  explicit InputError(const std::string& message) : InputError(SourceLocation{}, message) {}
  const SourceLocation& where() const { return where_; }
  // The message without the "file:line:column: " prefix.
  const std::string& detail() const { return detail_; }

 private:
  SourceLocation where_;
  std::string detail_;
};

}  // namespace prefero
