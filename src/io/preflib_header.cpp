// PrefLib new-format header: `# KEY: value` lines at the top of the file (spec:
// PrefLib-Data FORMAT_SPECIFICATION.md). Unlike preflibtools, which reads values at fixed
// character offsets, keys and values here are whitespace-insensitive.
#include "io/preflib_header.hpp"

#include <charconv>

namespace prefero::io_detail {

namespace {

// Upper case with runs of blanks collapsed to one space.
std::string normalize_key(std::string_view raw) {
  std::string key;
  bool space = false;
  for (char c : trim(raw)) {
    if (is_blank(c)) {
      space = true;
      continue;
    }
    if (space) key += ' ';
    space = false;
    key += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return key;
}

std::optional<int64_t> parse_count(std::string_view v) {
  int64_t n = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || ptr != v.data() + v.size() || n < 0 || v.empty()) return std::nullopt;
  return n;
}

void read_header_line(TextScanner& s, PreflibHeader& h) {
  s.expect('#', "'#'");
  const char* key_start = s.pos();
  std::string_view line = s.line();
  size_t colon = line.find(':', static_cast<size_t>(key_start - line.data()));
  if (colon == std::string_view::npos) s.fail_here("expected 'KEY: value' after '#' (no ':' on this header line)");
  HeaderField f;
  f.key = normalize_key(std::string_view(key_start, static_cast<size_t>(line.data() + colon - key_start)));
  if (f.key.empty()) s.fail_here("expected a header key before ':'");
  f.line = s.line_number();
  const char* value_start = line.data() + colon + 1;
  while (value_start < line.data() + line.size() && is_blank(*value_start)) ++value_start;
  f.value_column = s.column_of(value_start);
  f.value = std::string(trim(line.substr(colon + 1)));
  h.fields.push_back(std::move(f));
}

bool is_header_line(std::string_view line) {
  std::string_view t = trim(line);
  return !t.empty() && t.front() == '#';
}

// "ALTERNATIVE NAME 12" -> 12 when key starts with prefix.
std::optional<int64_t> indexed(const HeaderField& f, std::string_view prefix, const PreflibHeader& h) {
  if (f.key.size() <= prefix.size() || f.key.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  std::string_view num = std::string_view(f.key).substr(prefix.size());
  auto i = parse_count(num);
  if (!i) throw InputError(SourceLocation{h.file, f.line, 1}, "expected a number after '" + std::string(trim(prefix)) +
                                                                  "' in header key '" + f.key + "'");
  return i;
}

}  // namespace

const HeaderField* PreflibHeader::find(std::string_view key) const {
  for (const auto& f : fields)
    if (f.key == key) return &f;
  return nullptr;
}

void PreflibHeader::fail(const HeaderField& f, const std::string& message) const {
  throw InputError(SourceLocation{file, f.line, f.value_column}, message);
}

void PreflibHeader::fail_missing(const std::string& message) const {
  throw InputError(SourceLocation{file, end_line, 1}, message);
}

std::optional<int64_t> PreflibHeader::count(std::string_view key) const {
  const HeaderField* f = find(key);
  if (!f) return std::nullopt;
  auto n = parse_count(f->value);
  if (!n) fail(*f, "expected a non-negative integer for " + std::string(key) + ", found '" + f->value + "'");
  for (const auto& g : fields)
    if (&g != f && g.key == key) fail(g, "header field " + std::string(key) + " appears twice");
  return n;
}

PreflibHeader read_header(TextScanner& s, bool& has_data) {
  PreflibHeader h;
  h.file = s.name();
  has_data = false;
  do {
    h.end_line = s.line_number() + 1;
    if (!is_header_line(s.line())) {
      h.end_line = s.line_number();
      has_data = true;
      return h;
    }
    read_header_line(s, h);
  } while (s.next_line());
  return h;
}

Candidates header_candidates(const PreflibHeader& h, const ReadLimits& limits) {
  auto m = h.count("NUMBER ALTERNATIVES");
  if (!m) h.fail_missing("missing header field '# NUMBER ALTERNATIVES: m'");
  if (*m > limits.max_alternatives)
    h.fail(*h.find("NUMBER ALTERNATIVES"), "NUMBER ALTERNATIVES is " + std::to_string(*m) +
                                               ", more than this reader accepts (" +
                                               std::to_string(limits.max_alternatives) + ")");
  Candidates cs = Candidates::numbered(static_cast<int>(*m));
  std::vector<int> named_on(static_cast<size_t>(*m), 0);
  for (const auto& f : h.fields) {
    auto i = indexed(f, "ALTERNATIVE NAME ", h);
    if (!i) continue;
    if (*i < 1 || *i > *m)
      throw InputError(SourceLocation{h.file, f.line, 1}, "ALTERNATIVE NAME " + std::to_string(*i) +
                                                              " is outside 1.." + std::to_string(*m) +
                                                              " (NUMBER ALTERNATIVES)");
    auto& seen = named_on[static_cast<size_t>(*i - 1)];
    if (seen)
      throw InputError(SourceLocation{h.file, f.line, 1}, "ALTERNATIVE NAME " + std::to_string(*i) +
                                                              " given twice (first on line " + std::to_string(seen) +
                                                              ")");
    seen = f.line;
    cs.names[static_cast<size_t>(*i - 1)] = f.value;
  }
  return cs;
}

std::string header_data_type(const PreflibHeader& h, const std::string& from_extension) {
  const HeaderField* f = h.find("DATA TYPE");
  if (!f) {
    if (from_extension.empty())
      h.fail_missing("no '# DATA TYPE' header and no file extension to tell the data type");
    return from_extension;
  }
  std::string t;
  for (char c : f->value) t += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  if (!from_extension.empty() && t != from_extension)
    h.fail(*f, "DATA TYPE '" + f->value + "' disagrees with the file extension '." + from_extension + "'");
  return t;
}

void check_header_count(const PreflibHeader& h, std::string_view key, int64_t actual, std::string_view what) {
  auto declared = h.count(key);
  if (declared && *declared != actual)
    h.fail(*h.find(key), std::string(key) + " says " + std::to_string(*declared) + " but the file has " +
                             std::to_string(actual) + " " + std::string(what));
}

std::vector<std::pair<std::string, std::string>> header_metadata(const PreflibHeader& h) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& f : h.fields) {
    if (f.key.rfind("ALTERNATIVE NAME ", 0) == 0 || f.key.rfind("CATEGORY NAME ", 0) == 0) continue;
    out.emplace_back(f.key, f.value);
  }
  return out;
}

}  // namespace prefero::io_detail
