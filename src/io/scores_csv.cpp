// Score ballots from CSV (see scores_csv.hpp).
#include "io/scores_csv.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>
#include <vector>

#include "core/error.hpp"
#include "io/read.hpp"

namespace prefero {

namespace {

struct Cell {
  std::string text;  // without quotes, surrounding blanks trimmed (unquoted cells)
  int column = 0;    // 1-based column of the cell's first character
};

bool blank(char ch) { return ch == ' ' || ch == '\t'; }

std::string trim(const std::string& s) {
  size_t a = 0, b = s.size();
  while (a < b && blank(s[a])) ++a;
  while (b > a && blank(s[b - 1])) --b;
  return s.substr(a, b - a);
}

// Splits one line into cells (RFC 4180 quoting, no line breaks inside quotes).
std::vector<Cell> split_cells(const std::string& line, const SourceLocation& where) {
  std::vector<Cell> cells;
  size_t i = 0;
  while (true) {
    Cell cell;
    size_t start = i;
    while (i < line.size() && blank(line[i])) ++i;
    cell.column = static_cast<int>(start) + 1;
    if (i < line.size() && line[i] == '"') {
      const size_t open = i++;
      bool closed = false;
      while (i < line.size()) {
        if (line[i] == '"' && i + 1 < line.size() && line[i + 1] == '"') {
          cell.text += '"';
          i += 2;
        } else if (line[i] == '"') {
          closed = true;
          ++i;
          break;
        } else {
          cell.text += line[i++];
        }
      }
      if (!closed)
        throw InputError({where.file, where.line, static_cast<int>(open) + 1}, "unterminated quoted cell");
      while (i < line.size() && blank(line[i])) ++i;
      if (i < line.size() && line[i] != ',')
        throw InputError({where.file, where.line, static_cast<int>(i) + 1},
                         "expected ',' or end of line after a quoted cell");
    } else {
      size_t end = line.find(',', i);
      if (end == std::string::npos) end = line.size();
      cell.text = trim(line.substr(start, end - start));
      i = end;
    }
    cells.push_back(std::move(cell));
    if (i >= line.size()) break;
    ++i;  // the comma
  }
  return cells;
}

bool iequals(const std::string& a, const char* b) {
  std::string l = a;
  std::transform(l.begin(), l.end(), l.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return l == b;
}

int64_t parse_integer(const Cell& cell, const SourceLocation& where, const char* what) {
  int64_t value = 0;
  const char* first = cell.text.data();
  const char* last = first + cell.text.size();
  if (first != last && *first == '+') ++first;
  auto [ptr, ec] = std::from_chars(first, last, value);
  if (ec == std::errc::result_out_of_range || (ec == std::errc() && ptr == last && value == kNoGrade))
    throw InputError({where.file, where.line, cell.column}, std::string(what) + " '" + cell.text + "' is out of range");
  if (ec != std::errc() || ptr != last || first == last)
    throw InputError({where.file, where.line, cell.column},
                     std::string(what) + " must be an integer, got '" + cell.text + "'");
  return value;
}

}  // namespace

Profile read_scores_csv(std::istream& in, const std::string& name) {
  std::string line;
  int line_no = 0;
  std::vector<Cell> header;
  auto next_line = [&]() -> bool {
    while (std::getline(in, line)) {
      ++line_no;
      if (line_no == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // UTF-8 byte order mark
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!trim(line).empty()) return true;
    }
    return false;
  };
  if (!next_line()) throw InputError({name, line_no, 0}, "empty file: expected a header row of candidate names");
  header = split_cells(line, {name, line_no, 0});
  const bool has_count = iequals(header[0].text, "count") || iequals(header[0].text, "weight");
  const size_t first = has_count ? 1 : 0;
  if (header.size() <= first) throw InputError({name, line_no, 0}, "the header names no candidate");
  const int m = static_cast<int>(header.size() - first);
  if (m > ReadLimits{}.max_alternatives)
    throw InputError({name, line_no, 0}, "too many candidates (" + std::to_string(m) + ", limit " +
                                             std::to_string(ReadLimits{}.max_alternatives) + ")");
  Candidates cands = Candidates::numbered(m);
  std::set<std::string> seen;
  for (size_t k = first; k < header.size(); ++k) {
    const Cell& cell = header[k];
    if (cell.text.empty()) throw InputError({name, line_no, cell.column}, "empty candidate name");
    if (!seen.insert(cell.text).second)
      throw InputError({name, line_no, cell.column}, "candidate '" + cell.text + "' appears twice in the header");
    cands.names[k - first] = cell.text;
  }
  ProfileBuilder builder(std::move(cands), BallotKind::scores);
  std::vector<int64_t> grades(static_cast<size_t>(m));
  int64_t voters = 0;
  while (next_line()) {
    const SourceLocation where{name, line_no, 0};
    auto cells = split_cells(line, where);
    if (cells.size() < header.size())
      throw InputError({name, line_no, static_cast<int>(line.size()) + 1},
                       "expected " + std::to_string(header.size()) + " cells, found " + std::to_string(cells.size()));
    if (cells.size() > header.size())
      throw InputError({name, line_no, cells[header.size()].column},
                       "expected " + std::to_string(header.size()) + " cells, found " + std::to_string(cells.size()));
    int64_t count = 1;
    if (has_count) {
      count = parse_integer(cells[0], where, header[0].text.c_str());
      if (count < 0) throw InputError({name, line_no, cells[0].column}, "a count cannot be negative");
      if (__builtin_add_overflow(voters, count, &voters))
        throw InputError({name, line_no, cells[0].column}, "the total count overflows");
    }
    for (int c = 0; c < m; ++c) {
      const Cell& cell = cells[first + static_cast<size_t>(c)];
      grades[c] = cell.text.empty() ? kNoGrade : parse_integer(cell, where, "grade");
    }
    builder.add_grades(grades, count);
  }
  return builder.finish();
}

}  // namespace prefero
