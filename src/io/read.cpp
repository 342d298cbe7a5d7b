// read_profile: one entry point for every ballot file, choosing the reader by extension.
#include "io/read.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <sstream>

#include "core/error.hpp"
#include "io/cef_read.hpp"
#include "io/scores_csv.hpp"

namespace prefero {

Profile read_profile(const std::string& path) { return read_profile(path, PreflibDialect::strict); }

Profile read_profile(const std::string& path, PreflibDialect dialect) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  if (!ext.empty()) ext.erase(0, 1);
  if (ext == "soc" || ext == "soi" || ext == "toc" || ext == "toi" || ext == "cat")
    return read_preflib_text(read_whole_file(path), path, ext, {}, dialect);
  if (ext == "wmd")
    throw InputError(SourceLocation{path, 0, 0},
                     ".wmd files hold a weighted graph, not ballots (read them with read_weighted_digraph)");
  if (ext == "cvotes" || ext == "csv") {
    std::istringstream in(read_whole_file(path));
    return ext == "cvotes" ? read_cef(in, path) : read_scores_csv(in, path);
  }
  throw InputError(SourceLocation{path, 0, 0},
                   (ext.empty() ? std::string("no file extension") : "unknown file extension '." + ext + "'") +
                       " (expected .soc, .soi, .toc, .toi, .cat (PrefLib), .cvotes (Condorcet Election Format) or "
                       ".csv (score ballots))");
}

}  // namespace prefero
