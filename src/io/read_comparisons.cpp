// read_comparisons: one entry point for battles, pair counts and K-wise rankings, choosing the
// reader by extension (and, for JSON lines, by the first record's fields).
#include "io/read_comparisons.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "core/error.hpp"
#include "io/line_source.hpp"
#include "io/read.hpp"

namespace prefero {

namespace {

// True when the first non-blank line of a JSON-lines file has a "ranking" key.
bool jsonl_holds_rankings(const std::string& path) {
  io_detail::LineSource src(path, size_t{1} << 16);
  std::string_view line;
  while (src.next(line))
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) return line.find("\"ranking\"") != std::string_view::npos;
  return false;
}

}  // namespace

Comparisons read_comparisons(const std::string& path, const ComparisonsReadOptions& options) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  if (ext == ".jsonl" || ext == ".ndjson")
    return jsonl_holds_rankings(path) ? read_rankings_jsonl(path, options) : read_battles_jsonl(path, options);
  if (ext == ".csv") return read_battles_csv(path, options);
  if (ext == ".json") return read_pair_counts_json_text(read_whole_file(path), path, options);
  throw InputError(SourceLocation{path, 0, 0},
                   (ext.empty() ? std::string("no file extension") : "unknown file extension '" + ext + "'") +
                       " (expected .jsonl/.ndjson (battles or K-wise rankings), .csv (battles: model_a,model_b,winner "
                       "or left,right,winner) or .json (pair counts: models, X, Y))");
}

}  // namespace prefero
