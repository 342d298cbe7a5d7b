// PrefLib reader: ordinal (soc, soi, toc, toi) and categorical (cat) data, in the new format
// (since Sept 2022: `# KEY: value` header, then `count: a, {b, c}, d` lines) and in the old
// format (line 1 = m; m lines `id,name`; a line `voters,sum,unique`; then `count,a,b,{c,d}`).
// Spec: PrefLib-Data FORMAT_SPECIFICATION.md; Mattei & Walsh, "PrefLib: A Library for
// Preferences", ADT 2013. Quirks of real files and of preflibtools: notes/voting.md section 4.
//
// Differences from preflibtools, on purpose:
// - a repeated ballot line ADDS its count (preflibtools silently overwrites the earlier count);
// - header counts (NUMBER VOTERS, NUMBER UNIQUE ORDERS/PREFERENCES, NUMBER CATEGORIES) are
//   checked against the data (preflibtools trusts them), and each data line must fit the data
//   type (soc/toc complete, soc/soi strict);
// - blank lines inside the data, header lines after the data, trailing commas, unbalanced
//   braces, unknown or repeated alternatives are errors, never skipped.
// Whitespace around every token is ignored; CRLF line ends and a UTF-8 BOM are accepted.
//
// PreflibDialect::lenient (new format only) accepts what preflibtools' parser accepts and
// abcvoting reads (its tests/data files test2.soi, test3.toc, test4.cat):
// - alternatives are the ids that ALTERNATIVE NAME lines declare, in header order, whatever the
//   numbers (1, 2, 3, 6 with NUMBER ALTERNATIVES 4); without names, 1..NUMBER ALTERNATIVES;
// - a ballot entry naming an undeclared alternative is dropped (preflibtools keeps it, and
//   abcvoting fails only if it lands in an approval set);
// - a trailing comma ends a line; a cat line may hold fewer categories than the header names
//   (the rest are empty), and the category count may come from the CATEGORY NAME lines alone.
// Counts, repeats, unbalanced braces and the old format are checked as in the strict dialect.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <sstream>

#include "core/compact_levels.hpp"
#include "core/error.hpp"
#include "io/ballot_table.hpp"
#include "io/preflib_header.hpp"
#include "io/read.hpp"
#include "io/text_scanner.hpp"

namespace prefero {

using io_detail::TextScanner;

namespace {

enum class DataType { soc, soi, toc, toi, cat, wmd };

std::optional<DataType> parse_data_type(std::string_view t) {
  if (t == "soc") return DataType::soc;
  if (t == "soi") return DataType::soi;
  if (t == "toc") return DataType::toc;
  if (t == "toi") return DataType::toi;
  if (t == "cat") return DataType::cat;
  if (t == "wmd") return DataType::wmd;
  return std::nullopt;
}

bool needs_complete(DataType t) { return t == DataType::soc || t == DataType::toc; }
bool needs_strict(DataType t) { return t == DataType::soc || t == DataType::soi; }

// One ballot being read: a level per alternative, and where each alternative was seen.
struct BallotReader {
  int m = 0;
  std::vector<int32_t> levels;
  std::vector<int32_t> used_levels;  // scratch for compact_levels
  std::vector<int> column;  // column where alternative c was read (for repeat messages)
  int ranked = 0;
  // Lenient dialect: candidate index of external id i (-1: undeclared, dropped); empty = ids 1..m.
  std::vector<int> index_of_id;
  bool lenient = false;

  explicit BallotReader(int num_alternatives)
      : m(num_alternatives), levels(static_cast<size_t>(num_alternatives)), column(static_cast<size_t>(num_alternatives)) {}

  // The lenient dialect: external ids as declared by the header.
  void use_ids(const std::vector<int64_t>& ids) {
    lenient = true;
    int64_t top = 0;
    for (int64_t id : ids) top = std::max(top, id);
    index_of_id.assign(static_cast<size_t>(top) + 1, -1);
    for (size_t c = 0; c < ids.size(); ++c) index_of_id[static_cast<size_t>(ids[c])] = static_cast<int>(c);
  }

  void reset() {
    std::fill(levels.begin(), levels.end(), kUnranked);
    ranked = 0;
  }

  // Reads one alternative id and places it at `level`.
  void read_alternative(TextScanner& s, int32_t level) {
    s.skip_blanks();
    const char* at = s.pos();
    if (s.peek() == '{') s.fail_here("'{' inside a '{...}' group: groups cannot nest");
    int64_t id = s.read_signed("an alternative id");
    size_t c = 0;
    if (lenient) {
      if (id < 1 || id >= static_cast<int64_t>(index_of_id.size()) || index_of_id[static_cast<size_t>(id)] < 0)
        return;  // undeclared alternative: dropped
      c = static_cast<size_t>(index_of_id[static_cast<size_t>(id)]);
    } else {
      if (id < 1 || id > m)
        s.fail_at(at, "unknown alternative id " + std::to_string(id) + " (the header declares alternatives 1.." +
                          std::to_string(m) + ")");
      c = static_cast<size_t>(id - 1);
    }
    if (levels[c] != kUnranked)
      s.fail_at(at, "alternative " + std::to_string(id) + " appears twice in this ballot (first at column " +
                        std::to_string(column[c]) + ")");
    levels[c] = level;
    column[c] = s.column_of(at);
    ++ranked;
  }

  // `{a, b, c}` after the '{' was seen at `open`; returns how many alternatives it held.
  int read_group(TextScanner& s, const char* open, int32_t level) {
    if (s.eat('}')) return 0;
    int size = 0;
    do {
      read_alternative(s, level);
      ++size;
    } while (s.eat(','));
    if (!s.eat('}'))
      s.fail_here("expected ',' or '}' to close the '{' at column " + std::to_string(s.column_of(open)) + ", found " +
                  s.found());
    return size;
  }

  // An order `a, {b, c}, d` up to the end of the line (may be empty).
  void read_order(TextScanner& s, DataType type) {
    reset();
    s.skip_blanks();
    const char* start = s.pos();
    if (s.at_eol()) {
      check_complete(s, start, type);
      return;
    }
    int32_t level = 0;
    for (;;) {
      s.skip_blanks();
      const char* at = s.pos();
      if (s.eat('{')) {
        int size = read_group(s, at, level);
        if (size > 1 && needs_strict(type))
          s.fail_at(at, "tie in a strict-order file (data type " + std::string(type == DataType::soc ? "soc" : "soi") +
                            "; ties need toc or toi)");
        if (size > 0) ++level;
      } else if (s.peek() == '}') {
        s.fail_here("'}' without a matching '{'");
      } else if (s.at_eol() || s.peek() == ',') {
        s.fail_here("expected an alternative id or '{', found " + s.found());
      } else {
        read_alternative(s, level++);
      }
      if (s.at_eol()) break;
      if (s.peek() == '}') s.fail_here("'}' without a matching '{'");
      s.expect(',', "',' or end of line after a rank");
      if (lenient && s.at_eol()) break;  // trailing comma
    }
    if (lenient) compact_levels(levels, used_levels);  // dropped alternatives leave gaps between ranks
    check_complete(s, start, type);
  }

  void check_complete(TextScanner& s, const char* start, DataType type) const {
    if (needs_complete(type) && ranked != m)
      s.fail_at(start, "ballot ranks " + std::to_string(ranked) + " of " + std::to_string(m) +
                           " alternatives, but data type " + (type == DataType::soc ? "soc" : "toc") +
                           " needs complete orders (incomplete orders need soi or toi)");
  }

  // Categorical entries: exactly `k` comma-separated entries, entry i = category i, each an
  // alternative id, `{a, b}` or `{}`.
  void read_categories(TextScanner& s, int k) {
    reset();
    for (int32_t i = 0; i < k; ++i) {
      if (i > 0) {
        if (lenient && s.at_eol()) return;  // fewer categories than named: the rest are empty
        if (!s.eat(','))
          s.fail_here("expected ',' and category " + std::to_string(i + 1) + " of " + std::to_string(k) +
                      " (NUMBER CATEGORIES), found " + s.found());
        if (lenient && s.at_eol()) return;  // trailing comma
      }
      s.skip_blanks();
      const char* at = s.pos();
      if (s.eat('{')) {
        read_group(s, at, i);
      } else if (s.at_eol() || s.peek() == ',' || s.peek() == '}') {
        s.fail_here("expected category " + std::to_string(i + 1) + " of " + std::to_string(k) +
                    " (an alternative id, '{a,b}' or '{}'), found " + s.found());
      } else {
        read_alternative(s, i);
      }
    }
    if (lenient) s.eat(',');  // trailing comma
    s.expect_eol("end of line after the " + std::to_string(k) + " categories (NUMBER CATEGORIES)");
  }
};

int64_t add_count(TextScanner& s, const char* at, int64_t total, int64_t count) {
  int64_t sum = 0;
  if (__builtin_add_overflow(total, count, &sum)) s.fail_at(at, "the ballot counts add up to more than 2^63 - 1");
  return sum;
}

bool is_header(std::string_view line) {
  std::string_view t = io_detail::trim(line);
  return !t.empty() && t.front() == '#';
}

// What the data loop found, for the header checks.
struct DataSummary {
  int64_t voters = 0;
  int64_t lines = 0;
};

// Reads data lines from the scanner's current line to the end. `old_format`: `count,order`
// instead of `count: order`. Blank lines are allowed only at the very end of the file.
DataSummary read_ballot_lines(TextScanner& s, io_detail::BallotTable& table, DataType type, int m, int categories,
                              bool old_format, const std::vector<int64_t>* lenient_ids = nullptr) {
  DataSummary sum;
  BallotReader ballot(m);
  if (lenient_ids) ballot.use_ids(*lenient_ids);
  // Reserve for one unique ballot per line, but never more level storage than ~4x the text.
  table.reserve(std::min(s.lines_left(), s.text_size() / static_cast<size_t>(std::max(m, 1))));
  do {
    if (s.line_is_blank()) {
      if (s.rest_is_blank()) break;
      s.fail_line(sum.lines == 0 ? "blank line between the header and the data (PrefLib allows none)"
                                 : "blank line inside the data (PrefLib allows none)");
    }
    if (is_header(s.line())) s.fail_line("header line after the data began (headers go at the top)");
    s.skip_blanks();
    const char* count_at = s.pos();
    int64_t count = s.read_count("a ballot count");
    if (old_format) {
      if (!s.at_eol()) s.expect(',', "',' after the ballot count");
    } else {
      s.expect(':', "':' after the ballot count");
    }
    if (type == DataType::cat)
      ballot.read_categories(s, categories);
    else
      ballot.read_order(s, type);
    sum.voters = add_count(s, count_at, sum.voters, count);
    ++sum.lines;
    // A repeated ballot adds its count (the table merges equal ballots).
    table.add(ballot.levels, count);
  } while (s.next_line());
  return sum;
}

// Category names from NUMBER CATEGORIES and CATEGORY NAME i (numbered from 1, or from 0 as in
// dataset 00057); category index = position in that numbering.
std::vector<std::string> header_categories(const io_detail::PreflibHeader& h, const ReadLimits& limits) {
  std::vector<std::pair<int64_t, const io_detail::HeaderField*>> named;
  for (const auto& f : h.fields) {
    const std::string prefix = "CATEGORY NAME ";
    if (f.key.rfind(prefix, 0) != 0) continue;
    int64_t i = -1;
    std::string_view num = std::string_view(f.key).substr(prefix.size());
    auto [ptr, ec] = std::from_chars(num.data(), num.data() + num.size(), i);
    if (ec != std::errc() || ptr != num.data() + num.size() || i < 0)
      throw InputError(SourceLocation{h.file, f.line, 1}, "expected a number after 'CATEGORY NAME' in '" + f.key + "'");
    named.emplace_back(i, &f);
  }
  auto declared = h.count("NUMBER CATEGORIES");
  if (!declared && named.empty())
    h.fail_missing("missing header field '# NUMBER CATEGORIES: k' (data type cat)");
  const int64_t k = declared ? *declared : static_cast<int64_t>(named.size());
  if (k > limits.max_alternatives)
    h.fail(*h.find("NUMBER CATEGORIES"), "NUMBER CATEGORIES is " + std::to_string(k) + ", more than this reader accepts");
  int64_t base = 1;
  for (const auto& [i, f] : named)
    if (i == 0) base = 0;
  std::vector<std::string> names(static_cast<size_t>(k));
  std::vector<int> line_of(static_cast<size_t>(k), 0);
  for (size_t c = 0; c < names.size(); ++c) names[c] = std::to_string(static_cast<int64_t>(c) + base);
  for (const auto& [i, f] : named) {
    if (i - base >= k)
      throw InputError(SourceLocation{h.file, f->line, 1},
                       "CATEGORY NAME " + std::to_string(i) + " is outside " + std::to_string(base) + ".." +
                           std::to_string(k - 1 + base) + " (NUMBER CATEGORIES is " + std::to_string(k) + ")");
    const auto c = static_cast<size_t>(i - base);
    if (line_of[c])
      throw InputError(SourceLocation{h.file, f->line, 1}, "CATEGORY NAME " + std::to_string(i) +
                                                               " given twice (first on line " +
                                                               std::to_string(line_of[c]) + ")");
    line_of[c] = f->line;
    names[c] = f->value;
  }
  if (!named.empty() && static_cast<int64_t>(named.size()) != k)
    h.fail(*h.find("NUMBER CATEGORIES"), "NUMBER CATEGORIES says " + std::to_string(k) + " but the header names " +
                                             std::to_string(named.size()) + " categories");
  return names;
}

DataType require_ballot_type(const std::string& type, const std::string& name, SourceLocation where) {
  auto t = parse_data_type(type);
  if (!t) throw InputError(std::move(where), "unknown PrefLib data type '" + type + "' (expected soc, soi, toc, toi or cat)");
  if (*t == DataType::wmd)
    throw InputError(std::move(where), "data type wmd is a weighted graph, not ballots: read it with read_weighted_digraph (" +
                                           name + ")");
  return *t;
}

// Lenient dialect: the alternatives the ALTERNATIVE NAME lines declare, in header order, with
// their own ids; 1..NUMBER ALTERNATIVES when there are none.
Candidates lenient_header_candidates(const io_detail::PreflibHeader& h, const ReadLimits& limits) {
  Candidates cs;
  const std::string prefix = "ALTERNATIVE NAME ";
  for (const auto& f : h.fields) {
    if (f.key.rfind(prefix, 0) != 0) continue;
    int64_t id = -1;
    std::string_view num = std::string_view(f.key).substr(prefix.size());
    auto [ptr, ec] = std::from_chars(num.data(), num.data() + num.size(), id);
    if (ec != std::errc() || ptr != num.data() + num.size() || id < 1 || id > limits.max_alternatives)
      throw InputError(SourceLocation{h.file, f.line, 1},
                       "expected an alternative id 1.." + std::to_string(limits.max_alternatives) + " in '" + f.key + "'");
    if (cs.find_id(id))
      throw InputError(SourceLocation{h.file, f.line, 1}, "ALTERNATIVE NAME " + std::to_string(id) + " given twice");
    cs.ids.push_back(id);
    cs.names.push_back(f.value);
  }
  if (cs.size() == 0) cs = io_detail::header_candidates(h, limits);
  return cs;
}

Profile read_new_format(TextScanner& s, const std::string& extension_type, const ReadLimits& limits,
                        PreflibDialect dialect) {
  bool has_data = false;
  io_detail::PreflibHeader h = io_detail::read_header(s, has_data);
  const std::string type_name = io_detail::header_data_type(h, extension_type);
  const auto* type_field = h.find("DATA TYPE");
  const DataType type = require_ballot_type(
      type_name, s.name(),
      type_field ? SourceLocation{s.name(), type_field->line, type_field->value_column} : SourceLocation{s.name(), 1, 1});
  const bool lenient = dialect == PreflibDialect::lenient;
  Candidates cs = lenient ? lenient_header_candidates(h, limits) : io_detail::header_candidates(h, limits);
  const int m = cs.size();
  const std::vector<int64_t> ids = cs.ids;
  std::vector<std::string> categories;
  if (type == DataType::cat) categories = header_categories(h, limits);
  Profile p;
  p.candidates = std::move(cs);
  p.kind = type == DataType::cat ? BallotKind::categorical : BallotKind::ranking;
  io_detail::BallotTable table(p);
  const char* unique_key = type == DataType::cat ? "NUMBER UNIQUE PREFERENCES" : "NUMBER UNIQUE ORDERS";
  DataSummary sum;
  if (has_data)
    sum = read_ballot_lines(s, table, type, m, static_cast<int>(categories.size()), false, lenient ? &ids : nullptr);
  if (sum.lines == 0 && h.count("NUMBER VOTERS").value_or(-1) != 0 && h.count(unique_key).value_or(-1) != 0)
    throw InputError(SourceLocation{s.name(), s.line_number() + (has_data ? 0 : 1), 1},
                     "header but no data lines (expected 'count: order' lines; a file with no voters must say "
                     "'# NUMBER VOTERS: 0')");
  io_detail::check_header_count(h, "NUMBER VOTERS", sum.voters, "voters (sum of the ballot counts)");
  io_detail::check_header_count(h, unique_key, sum.lines, "ballot lines");
  p.category_names = std::move(categories);
  p.metadata = io_detail::header_metadata(h);
  compute_pairwise(p);
  return p;
}

// Old format: m, then m lines `id,name`, then `voters,sum,unique`, then `count,order` lines.
Profile read_old_format(TextScanner& s, const std::string& extension_type, const ReadLimits& limits) {
  if (extension_type.empty())
    s.fail_whole_file("an old-format PrefLib file (no '# DATA TYPE' header) needs its data type from the file extension");
  const DataType type = require_ballot_type(extension_type, s.name(), SourceLocation{s.name(), 1, 1});
  if (type == DataType::cat) s.fail_line("data type cat needs the new PrefLib format ('# KEY: value' header)");
  const char* m_at = (s.skip_blanks(), s.pos());
  const int64_t m = s.read_count("the number of alternatives (old PrefLib format) or a '# KEY: value' header line");
  s.expect_eol("end of line after the number of alternatives");
  if (m > limits.max_alternatives)
    s.fail_at(m_at, "the file declares " + std::to_string(m) + " alternatives, more than this reader accepts (" +
                        std::to_string(limits.max_alternatives) + ")");
  auto next = [&s](const std::string& expected) {
    if (!s.next_line())
      throw InputError(SourceLocation{s.name(), s.line_number() + 1, 1}, "file ends early: expected " + expected);
    if (s.line_is_blank()) s.fail_line("blank line where " + expected + " was expected (PrefLib allows none)");
  };
  Candidates cs = Candidates::numbered(static_cast<int>(m));
  std::vector<int> line_of(static_cast<size_t>(m), 0);
  for (int64_t i = 1; i <= m; ++i) {
    next("'id,name' for alternative " + std::to_string(i) + " of " + std::to_string(m));
    s.skip_blanks();
    const char* at = s.pos();
    int64_t id = s.read_count("an alternative id");
    if (id < 1 || id > m) s.fail_at(at, "alternative id " + std::to_string(id) + " is outside 1.." + std::to_string(m));
    auto& seen = line_of[static_cast<size_t>(id - 1)];
    if (seen) s.fail_at(at, "alternative id " + std::to_string(id) + " given twice (first on line " + std::to_string(seen) + ")");
    seen = s.line_number();
    s.expect(',', "',' and the alternative's name after its id");
    cs.names[static_cast<size_t>(id - 1)] = std::string(s.rest());
  }
  next("the line 'voters,sum of counts,unique orders'");
  s.skip_blanks();
  const int counts_line = s.line_number();
  const char* voters_at = s.pos();
  const int64_t voters = s.read_count("the number of voters");
  s.expect(',', "',' and the sum of counts after the number of voters");
  const char* sum_at = (s.skip_blanks(), s.pos());
  const int64_t sum_of_counts = s.read_count("the sum of the ballot counts");
  s.expect(',', "',' and the number of unique orders");
  const char* unique_at = (s.skip_blanks(), s.pos());
  const int64_t unique = s.read_count("the number of unique orders");
  s.expect_eol("end of line after 'voters,sum,unique'");
  const int voters_col = s.column_of(voters_at), sum_col = s.column_of(sum_at), unique_col = s.column_of(unique_at);

  Profile p;
  p.candidates = std::move(cs);
  p.kind = BallotKind::ranking;
  io_detail::BallotTable table(p);
  DataSummary sum;
  if (s.next_line()) sum = read_ballot_lines(s, table, type, static_cast<int>(m), 0, true);
  auto check = [&](int64_t declared, int64_t actual, int col, const std::string& what) {
    if (declared != actual)
      throw InputError(SourceLocation{s.name(), counts_line, col}, "the header says " + std::to_string(declared) + " " +
                                                                       what + " but the file has " +
                                                                       std::to_string(actual));
  };
  if (sum.lines == 0 && voters != 0)
    throw InputError(SourceLocation{s.name(), counts_line + 1, 1}, "header but no data lines (expected 'count,order' lines)");
  check(voters, sum.voters, voters_col, "voters");
  check(sum_of_counts, sum.voters, sum_col, "as the sum of counts");
  check(unique, sum.lines, unique_col, "unique orders (ballot lines)");
  p.metadata = {{"DATA TYPE", extension_type},
                {"NUMBER ALTERNATIVES", std::to_string(m)},
                {"NUMBER VOTERS", std::to_string(voters)},
                {"NUMBER UNIQUE ORDERS", std::to_string(unique)}};
  compute_pairwise(p);
  return p;
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

}  // namespace

Profile read_preflib_text(std::string_view text, const std::string& name, const std::string& data_type,
                          const ReadLimits& limits, PreflibDialect dialect) {
  TextScanner s(text, name);
  if (!s.next_line() || (s.line_is_blank() && s.rest_is_blank())) s.fail_whole_file("empty file (no header, no data)");
  if (s.line_is_blank()) s.fail_line("blank line before the header (PrefLib allows none)");
  if (is_header(s.line())) return read_new_format(s, lower(data_type), limits, dialect);
  return read_old_format(s, lower(data_type), limits);
}

Profile read_preflib(std::istream& in, const std::string& name, const std::string& data_type) {
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw InputError(SourceLocation{name, 0, 0}, "cannot read the input stream");
  return read_preflib_text(buffer.str(), name, data_type);
}

std::string read_whole_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw InputError(SourceLocation{path, 0, 0}, "is a directory, not a file");
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) throw InputError(SourceLocation{path, 0, 0}, std::string("cannot open file: ") + std::strerror(errno));
  std::string text;
  char chunk[1 << 16];
  size_t n = 0;
  while ((n = std::fread(chunk, 1, sizeof chunk, f)) > 0) text.append(chunk, n);
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) throw InputError(SourceLocation{path, 0, 0}, "cannot read file");
  return text;
}

}  // namespace prefero
