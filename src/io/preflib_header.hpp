#pragma once
// The `# KEY: value` header of PrefLib's new format (shared by the ballot and graph readers).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/candidates.hpp"
#include "io/read.hpp"
#include "io/text_scanner.hpp"

namespace prefero::io_detail {

struct HeaderField {
  std::string key;    // upper case, single spaces: "ALTERNATIVE NAME 3"
  std::string value;  // trimmed
  int line = 0;
  int value_column = 0;
};

struct PreflibHeader {
  std::string file;
  std::vector<HeaderField> fields;  // in file order
  int end_line = 1;                 // first line after the header (where missing fields are reported)

  const HeaderField* find(std::string_view key) const;
  [[noreturn]] void fail(const HeaderField& f, const std::string& message) const;
  // For a missing field: reported at the end of the header.
  [[noreturn]] void fail_missing(const std::string& message) const;
  // A non-negative integer field, if present (InputError if present but not a number).
  std::optional<int64_t> count(std::string_view key) const;
};

// Reads header lines from the scanner's current line (which starts with '#') on. Returns with
// the scanner on the first line after the header; `has_data` tells whether there is one.
PreflibHeader read_header(TextScanner& s, bool& has_data);

// Alternatives 1..m from NUMBER ALTERNATIVES and ALTERNATIVE NAME i (name "i" when missing).
Candidates header_candidates(const PreflibHeader& h, const ReadLimits& limits);

// The data type the file holds: the header's DATA TYPE checked against the extension's.
std::string header_data_type(const PreflibHeader& h, const std::string& from_extension);

// Checks that a header count (e.g. NUMBER VOTERS) matches what the data held.
void check_header_count(const PreflibHeader& h, std::string_view key, int64_t actual, std::string_view what);

// Header fields worth keeping as profile metadata: all but the per-alternative and
// per-category names (those live in Candidates and category_names).
std::vector<std::pair<std::string, std::string>> header_metadata(const PreflibHeader& h);

}  // namespace prefero::io_detail
