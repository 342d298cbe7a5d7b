#pragma once
// Reading profiles from files. Every reader reports bad input as an InputError naming the
// file, line and column and what was expected.
#include <istream>
#include <string>

#include "core/profile.hpp"

namespace prefero {

// Reads a profile, choosing the reader by extension: .soc .soi .toc .toi .cat (PrefLib, new or
// old format). Throws InputError for an unreadable file or an unknown extension.
Profile read_profile(const std::string& path);

// PrefLib (new format with `# KEY: value` headers, or the pre-2022 format). `name` is used in
// error messages; `data_type` is the file extension without the dot (soc, soi, toc, toi, cat).
Profile read_preflib(std::istream& in, const std::string& name, const std::string& data_type);

}  // namespace prefero
