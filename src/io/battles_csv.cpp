// Battles as CSV with a header row: model_a,model_b,winner (FastChat) or left,right,winner
// (evalica's crowd files). Streamed line by line; quoted fields follow RFC 4180 except that a
// field may not span lines.
#include <charconv>
#include <deque>
#include <vector>

#include "core/error.hpp"
#include "io/line_source.hpp"
#include "io/read_comparisons.hpp"

namespace prefero {

namespace {

using io_detail::LineSource;

struct Field {
  std::string_view text;
  int column = 1;  // 1-based byte column of the field's start
};

[[noreturn]] void fail(const LineSource& src, int column, const std::string& msg) {
  throw InputError(SourceLocation{src.name(), src.line_number(), column}, msg);
}

// Splits one CSV line; quoted fields are unescaped into `scratch` (views stay valid until the
// next call).
void split_csv(const LineSource& src, std::string_view line, std::vector<Field>& out, std::deque<std::string>& scratch) {
  out.clear();
  size_t used = 0;
  size_t i = 0;
  for (;;) {
    size_t start = i;
    if (i < line.size() && line[i] == '"') {
      if (used == scratch.size()) scratch.emplace_back();
      std::string& s = scratch[used++];
      s.clear();
      ++i;
      for (;;) {
        if (i >= line.size()) fail(src, static_cast<int>(start) + 1, "unterminated quoted field");
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            s += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        s += line[i++];
      }
      if (i < line.size() && line[i] != ',') fail(src, static_cast<int>(i) + 1, "expected ',' after a quoted field");
      out.push_back(Field{s, static_cast<int>(start) + 1});
    } else {
      size_t comma = line.find(',', i);
      size_t stop = comma == std::string_view::npos ? line.size() : comma;
      out.push_back(Field{line.substr(i, stop - i), static_cast<int>(start) + 1});
      i = stop;
    }
    if (i >= line.size()) break;
    ++i;  // the comma
    if (i == line.size()) {
      out.push_back(Field{std::string_view(), static_cast<int>(i) + 1});
      break;
    }
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool parse_number(std::string_view s, double& v) {
  s = trim(s);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size() && !s.empty() && v - v == 0;
}

void parse_battles_csv(LineSource& src, ComparisonsBuilder& b) {
  std::vector<Field> fields;
  std::deque<std::string> scratch;
  std::string_view line;
  // Header.
  do {
    if (!src.next(line)) throw InputError(SourceLocation{src.name(), 1, 1}, "empty file (expected a header row)");
  } while (trim(line).empty());
  split_csv(src, line, fields, scratch);
  int col_a = -1, col_b = -1, col_w = -1, col_weight = -1, col_voter = -1;
  const auto& cov_names = b.options().covariates;
  std::vector<int> col_cov(cov_names.size(), -1);
  std::vector<std::string> header;
  for (const Field& f : fields) header.emplace_back(trim(f.text));
  for (size_t c = 0; c < header.size(); ++c) {
    const std::string& h = header[c];
    int ci = static_cast<int>(c);
    if (h == "model_a" || (h == "left" && col_a < 0)) col_a = ci;
    else if (h == "model_b" || (h == "right" && col_b < 0)) col_b = ci;
    else if (h == "winner") col_w = ci;
    else if (h == "weight" || h == "count") col_weight = ci;
    else if (b.options().voters && (h == "judge" || h == "voter" || h == "worker") && col_voter < 0) col_voter = ci;
    for (size_t k = 0; k < cov_names.size(); ++k)
      if (h == cov_names[k]) col_cov[k] = ci;
  }
  if (col_a < 0 || col_b < 0 || col_w < 0)
    fail(src, 1, "the header must name the columns model_a,model_b,winner (or left,right,winner)");
  for (size_t k = 0; k < cov_names.size(); ++k)
    if (col_cov[k] < 0) fail(src, 1, "no column named '" + cov_names[k] + "' (asked for as a covariate)");
  b.set_covariate_names(cov_names);
  std::vector<double> cov(cov_names.size());
  while (src.next(line)) {
    if (trim(line).empty()) continue;
    split_csv(src, line, fields, scratch);
    if (fields.size() != header.size())
      fail(src, 1, "expected " + std::to_string(header.size()) + " fields (as in the header), found " +
                       std::to_string(fields.size()));
    auto field = [&](int c) { return fields[static_cast<size_t>(c)]; };
    std::string_view ma = trim(field(col_a).text), mb = trim(field(col_b).text), w = trim(field(col_w).text);
    if (ma.empty()) fail(src, field(col_a).column, "empty model name");
    if (mb.empty()) fail(src, field(col_b).column, "empty model name");
    if (ma == mb) fail(src, field(col_b).column, "a model cannot battle itself ('" + std::string(ma) + "')");
    Outcome o;
    if (!parse_outcome(w, o))
      fail(src, field(col_w).column,
           "winner '" + std::string(w) + "' is not one of model_a, model_b, tie, tie (bothbad) (or left, right)");
    double weight = 1;
    if (col_weight >= 0 && (!parse_number(field(col_weight).text, weight) || !(weight > 0) || weight > 1e15))
      fail(src, field(col_weight).column, "weight must be a positive number");
    for (size_t k = 0; k < cov_names.size(); ++k)
      if (!parse_number(field(col_cov[k]).text, cov[k]))
        fail(src, field(col_cov[k]).column, "covariate '" + cov_names[k] + "' must be a finite number");
    int a = b.model(ma), bb = b.model(mb);
    if (a < 0 || bb < 0) fail(src, 1, "too many distinct models");
    int v = -1;
    if (col_voter >= 0) {
      std::string_view vn = trim(field(col_voter).text);
      if (vn.empty()) fail(src, field(col_voter).column, "empty voter id");
      v = b.voter(vn);
      if (v < 0) fail(src, 1, "too many distinct voters");
    }
    if (!b.add_pair(a, bb, o, weight, cov.data(), v)) fail(src, 1, "too many distinct battle rows");
  }
}

}  // namespace

Comparisons read_battles_csv(const std::string& path, const ComparisonsReadOptions& options) {
  LineSource src(path);
  ComparisonsBuilder b(options);
  parse_battles_csv(src, b);
  return b.finish();
}

Comparisons read_battles_csv_text(std::string_view text, const std::string& name, const ComparisonsReadOptions& options) {
  LineSource src(text, name);
  ComparisonsBuilder b(options);
  parse_battles_csv(src, b);
  return b.finish();
}

}  // namespace prefero
