// Benchmark score tables (see benchmark_table.hpp).
#include "io/benchmark_table.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>

#include "core/error.hpp"

namespace prefero {

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
constexpr size_t kMaxCells = 50'000'000;  // dense instance-level storage bound (400 MB of doubles)

struct Cell {
  std::string text;
  int column = 0;  // 1-based column of the cell's first character
};

bool blank(char ch) { return ch == ' ' || ch == '\t' || ch == '\r'; }

std::string trim(std::string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && blank(s[a])) ++a;
  while (b > a && blank(s[b - 1])) --b;
  return std::string(s.substr(a, b - a));
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// One CSV line into cells (RFC 4180 quotes inside one line).
std::vector<Cell> split_cells(const std::string& line, const std::string& file, int line_no) {
  std::vector<Cell> cells;
  size_t i = 0;
  while (true) {
    Cell cell;
    const size_t start = i;
    while (i < line.size() && blank(line[i])) ++i;
    cell.column = static_cast<int>(i) + 1;
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
      if (!closed) throw InputError({file, line_no, static_cast<int>(open) + 1}, "unterminated quoted cell");
      while (i < line.size() && blank(line[i])) ++i;
      if (i < line.size() && line[i] != ',')
        throw InputError({file, line_no, static_cast<int>(i) + 1}, "expected ',' or end of line after a quoted cell");
    } else {
      size_t end = line.find(',', i);
      if (end == std::string::npos) end = line.size();
      cell.text = trim(std::string_view(line).substr(start, end - start));
      i = end;
    }
    cells.push_back(std::move(cell));
    if (i >= line.size()) break;
    ++i;  // the comma
  }
  return cells;
}

bool is_missing(const std::string& t) {
  if (t.empty()) return true;
  const std::string l = lower(t);
  return l == "na" || l == "nan" || l == "null" || l == "n/a";
}

double parse_score(const Cell& cell, const std::string& file, int line_no) {
  if (is_missing(cell.text)) return kMissing;
  double v = 0;
  const char* first = cell.text.data();
  const char* last = first + cell.text.size();
  if (*first == '+') ++first;
  auto [ptr, ec] = std::from_chars(first, last, v);
  if (ec != std::errc() || ptr != last || first == last || !std::isfinite(v))
    throw InputError({file, line_no, cell.column},
                     "expected a score (a finite number, or empty / NA for a missing score), found '" + cell.text + "'");
  return v;
}

class Lines {
 public:
  Lines(std::istream& in, std::string name) : in_(in), name_(std::move(name)) {}
  // Next non-blank, non-comment line split into cells; false at the end.
  bool next(std::vector<Cell>& cells) {
    std::string line;
    while (std::getline(in_, line)) {
      ++line_no_;
      if (line_no_ == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      const std::string t = trim(line);
      if (t.empty() || t[0] == '#') continue;
      cells = split_cells(line, name_, line_no_);
      length_ = static_cast<int>(line.size());
      return true;
    }
    return false;
  }
  int line_no() const { return line_no_; }
  int length() const { return length_; }
  const std::string& name() const { return name_; }
  SourceLocation at(int column) const { return {name_, line_no_, column}; }

 private:
  std::istream& in_;
  std::string name_;
  int line_no_ = 0;
  int length_ = 0;
};

enum class Dir { higher, lower, ignore };

Dir parse_direction(const Cell& cell, const Lines& lines) {
  const std::string l = lower(cell.text);
  if (l.empty() || l == "higher" || l == "max" || l == "+") return Dir::higher;
  if (l == "lower" || l == "min" || l == "-") return Dir::lower;
  if (l == "ignore") return Dir::ignore;
  throw InputError(lines.at(cell.column), "expected a direction (higher, lower or ignore), found '" + cell.text + "'");
}

void check_width(const std::vector<Cell>& cells, size_t width, const Lines& lines) {
  if (cells.size() < width)
    throw InputError(lines.at(lines.length() + 1), "expected " + std::to_string(width) + " cells, found " +
                                                       std::to_string(cells.size()));
  if (cells.size() > width)
    throw InputError(lines.at(cells[width].column),
                     "expected " + std::to_string(width) + " cells, found " + std::to_string(cells.size()));
}

// The header's task columns (everything but `skip`), with their directions after the optional
// direction row and the options. Returns the column indices of the kept tasks.
struct Layout {
  std::vector<size_t> task_columns;
  std::vector<std::string> tasks;
  std::vector<bool> lower;
};

Layout read_layout(Lines& lines, const std::vector<Cell>& header, const std::set<size_t>& skip,
                   const BenchmarkTableOptions& options, std::vector<Cell>& pending, bool& has_pending) {
  std::set<std::string> seen;
  for (size_t c = 0; c < header.size(); ++c) {
    if (skip.count(c)) continue;
    if (header[c].text.empty()) throw InputError(lines.at(header[c].column), "empty task name in the header");
    if (!seen.insert(header[c].text).second)
      throw InputError(lines.at(header[c].column), "task '" + header[c].text + "' appears twice in the header");
  }
  for (const auto& list : {options.lower_is_better, options.exclude})
    for (const auto& t : list)
      if (!seen.count(t)) throw InputError("no task column named '" + t + "' in " + lines.name());
  std::vector<Dir> dirs(header.size(), options.default_lower ? Dir::lower : Dir::higher);
  has_pending = lines.next(pending);
  if (has_pending && lower(pending[0].text) == "@direction") {
    check_width(pending, header.size(), lines);
    for (size_t c = 1; c < header.size(); ++c)
      if (!skip.count(c)) dirs[c] = parse_direction(pending[c], lines);
    has_pending = lines.next(pending);
  }
  Layout layout;
  for (size_t c = 0; c < header.size(); ++c) {
    if (skip.count(c)) continue;
    const std::string& t = header[c].text;
    if (std::find(options.exclude.begin(), options.exclude.end(), t) != options.exclude.end()) continue;
    bool low = dirs[c] == Dir::lower;
    if (std::find(options.lower_is_better.begin(), options.lower_is_better.end(), t) != options.lower_is_better.end())
      low = true;
    if (dirs[c] == Dir::ignore) continue;
    layout.task_columns.push_back(c);
    layout.tasks.push_back(t);
    layout.lower.push_back(low);
  }
  if (layout.tasks.empty()) throw InputError({lines.name(), 1, 1}, "the table has no task column to aggregate");
  return layout;
}

size_t find_column(const std::vector<Cell>& header, const std::string& wanted, size_t fallback, const Lines& lines) {
  if (wanted.empty()) return fallback;
  for (size_t c = 0; c < header.size(); ++c)
    if (header[c].text == wanted) return c;
  throw InputError(lines.at(1), "no column named '" + wanted + "' in the header");
}

}  // namespace

ScoreTable read_score_table(std::istream& in, const std::string& name, const BenchmarkTableOptions& options) {
  Lines lines(in, name);
  std::vector<Cell> header, row;
  if (!lines.next(header)) throw InputError({name, 1, 1}, "empty file: expected a header row (system column, then task names)");
  if (header.size() < 2) throw InputError(lines.at(1), "the header needs a system column and at least one task column");
  bool has_row = false;
  Layout layout = read_layout(lines, header, {0}, options, row, has_row);
  ScoreTable table;
  table.tasks = layout.tasks;
  table.lower_is_better = layout.lower;
  table.scores.assign(layout.tasks.size(), {});
  std::set<std::string> seen;
  for (; has_row; has_row = lines.next(row)) {
    check_width(row, header.size(), lines);
    if (row[0].text.empty()) throw InputError(lines.at(row[0].column), "empty system name");
    if (!seen.insert(row[0].text).second)
      throw InputError(lines.at(row[0].column), "system '" + row[0].text + "' appears twice");
    if (table.systems.size() * layout.tasks.size() >= kMaxCells)
      throw InputError(lines.at(1), "the table is too large (more than 50 million cells)");
    table.systems.push_back(row[0].text);
    for (size_t t = 0; t < layout.tasks.size(); ++t) {
      double v = parse_score(row[layout.task_columns[t]], name, lines.line_no());
      table.scores[t].push_back(layout.lower[t] && !std::isnan(v) ? -v : v);
    }
  }
  if (table.systems.empty()) throw InputError({name, lines.line_no(), 0}, "the table has no system row");
  return table;
}

InstanceTable read_instance_table(std::istream& in, const std::string& name, const BenchmarkTableOptions& options) {
  Lines lines(in, name);
  std::vector<Cell> header, row;
  if (!lines.next(header))
    throw InputError({name, 1, 1}, "empty file: expected a header row (system, instance, then metric names)");
  if (header.size() < 3)
    throw InputError(lines.at(1), "the header needs a system column, an instance column and at least one metric");
  const size_t sys_col = find_column(header, options.system_column, 0, lines);
  const size_t inst_col = find_column(header, options.instance_column, sys_col == 1 ? 0 : 1, lines);
  if (sys_col == inst_col) throw InputError(lines.at(1), "the system and instance columns must differ");
  bool has_row = false;
  Layout layout = read_layout(lines, header, {sys_col, inst_col}, options, row, has_row);
  InstanceTable table;
  table.tasks = layout.tasks;
  table.lower_is_better = layout.lower;
  // Rows first (sparse), then the dense [task][instance][system] array.
  std::unordered_map<std::string, int> sys_index, inst_index;
  std::set<std::pair<int, int>> seen;
  struct Row {
    int system, instance;
    std::vector<double> values;
  };
  std::vector<Row> rows;
  for (; has_row; has_row = lines.next(row)) {
    check_width(row, header.size(), lines);
    const Cell& sc = row[sys_col];
    const Cell& ic = row[inst_col];
    if (sc.text.empty()) throw InputError(lines.at(sc.column), "empty system name");
    if (ic.text.empty()) throw InputError(lines.at(ic.column), "empty instance name");
    auto [si, s_new] = sys_index.try_emplace(sc.text, static_cast<int>(table.systems.size()));
    if (s_new) table.systems.push_back(sc.text);
    auto [ii, i_new] = inst_index.try_emplace(ic.text, static_cast<int>(table.instances.size()));
    if (i_new) table.instances.push_back(ic.text);
    if (!seen.insert({si->second, ii->second}).second)
      throw InputError(lines.at(ic.column), "system '" + sc.text + "' has two rows for instance '" + ic.text + "'");
    if (table.systems.size() * table.instances.size() * layout.tasks.size() > kMaxCells)
      throw InputError(lines.at(1), "the table is too large (more than 50 million system x instance x metric cells)");
    Row r{si->second, ii->second, {}};
    for (size_t t = 0; t < layout.tasks.size(); ++t) {
      double v = parse_score(row[layout.task_columns[t]], name, lines.line_no());
      r.values.push_back(layout.lower[t] && !std::isnan(v) ? -v : v);
    }
    rows.push_back(std::move(r));
  }
  if (rows.empty()) throw InputError({name, lines.line_no(), 0}, "the table has no data row");
  const size_t n = table.systems.size(), k = table.instances.size();
  table.scores.assign(layout.tasks.size(), std::vector<std::vector<double>>(k, std::vector<double>(n, kMissing)));
  for (const Row& r : rows)
    for (size_t t = 0; t < layout.tasks.size(); ++t) table.scores[t][r.instance][r.system] = r.values[t];
  return table;
}

}  // namespace prefero
