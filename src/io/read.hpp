#pragma once
// Reading profiles from files. Every reader reports bad input as an InputError naming the
// file, line and column and what was expected.
#include <istream>
#include <string>
#include <string_view>

#include "core/profile.hpp"

namespace prefero {

// Bounds a reader enforces before allocating, so a hostile header cannot exhaust memory
// (the pairwise matrices take 16 * m^2 bytes). Real PrefLib files stay far below the default.
struct ReadLimits {
  int max_alternatives = 10000;
};

// PrefLib dialect: strict follows the format specification (and checks it); lenient also accepts
// what preflibtools (so abcvoting) accepts in new-format files: alternatives numbered as the
// ALTERNATIVE NAME lines say, ballot entries naming undeclared alternatives (dropped), trailing
// commas, cat lines with fewer categories than named (see preflib_read.cpp).
enum class PreflibDialect { strict, lenient };

// Reads a profile, choosing the reader by extension: .soc .soi .toc .toi .cat (PrefLib, new or
// old format), .cvotes (Condorcet Election Format), .csv (score ballots). Throws InputError for
// an unreadable file or an unknown extension.
Profile read_profile(const std::string& path);
Profile read_profile(const std::string& path, PreflibDialect dialect);

// PrefLib (new format with `# KEY: value` headers, or the pre-2022 format). `name` is used in
// error messages; `data_type` is the file extension without the dot (soc, soi, toc, toi, cat),
// or empty to take it from the `# DATA TYPE` header (old-format files need it).
Profile read_preflib(std::istream& in, const std::string& name, const std::string& data_type);
// The same on text already in memory (the fast path: read_profile uses it).
Profile read_preflib_text(std::string_view text, const std::string& name, const std::string& data_type,
                          const ReadLimits& limits = {}, PreflibDialect dialect = PreflibDialect::strict);

// The whole content of a file; InputError if it cannot be read.
std::string read_whole_file(const std::string& path);

}  // namespace prefero
