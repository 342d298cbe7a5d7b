// Pabulib (.pb) reader, approval ballots only (see pabulib.hpp for the format and the
// differences from pabutools).
#include "io/pabulib.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <unordered_map>

#include "core/error.hpp"

namespace prefero {

namespace {

struct Field {
  std::string text;  // unquoted, trimmed
  int column = 0;    // 1-based column where the field starts
};

struct Row {
  std::vector<Field> fields;
  int line = 0;
};

class PbParser {
 public:
  PbParser(std::string_view text, std::string name) : text_(text), name_(std::move(name)) {
    if (text_.starts_with("\xEF\xBB\xBF")) text_.remove_prefix(3);
  }

  [[noreturn]] void fail(int line, int column, const std::string& message) const {
    throw InputError(SourceLocation{name_, line, column}, message);
  }

  // The next non-blank row; false at the end of the text.
  bool next(Row& row) {
    while (pos_ < text_.size() || (pos_ == text_.size() && !done_)) {
      size_t end = text_.find('\n', pos_);
      if (end == std::string_view::npos) {
        end = text_.size();
        done_ = true;
      }
      std::string_view line = text_.substr(pos_, end - pos_);
      pos_ = end + 1;
      ++line_;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
      row = split(line);
      return true;
    }
    return false;
  }

  const std::string& name() const { return name_; }

 private:
  static std::string trim(std::string_view s) {
    size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
    return b == std::string_view::npos ? std::string() : std::string(s.substr(b, e - b + 1));
  }

  // ';'-separated fields with CSV quoting (Python's csv.reader, delimiter ';').
  Row split(std::string_view line) {
    Row row;
    row.line = line_;
    size_t i = 0;
    for (;;) {
      Field f;
      f.column = static_cast<int>(i) + 1;
      size_t lead = i;
      while (lead < line.size() && (line[lead] == ' ' || line[lead] == '\t')) ++lead;
      if (lead < line.size() && line[lead] == '"') {
        std::string value;
        size_t j = lead + 1;
        for (;;) {
          if (j >= line.size()) fail(line_, static_cast<int>(lead) + 1, "unterminated quoted field (a '\"' opens it)");
          if (line[j] == '"') {
            if (j + 1 < line.size() && line[j + 1] == '"') {
              value += '"';
              j += 2;
              continue;
            }
            ++j;
            break;
          }
          value += line[j++];
        }
        size_t after = j;
        while (after < line.size() && (line[after] == ' ' || line[after] == '\t')) ++after;
        if (after < line.size() && line[after] != ';')
          fail(line_, static_cast<int>(after) + 1, "expected ';' or end of line after a quoted field");
        f.text = trim(value);
        row.fields.push_back(std::move(f));
        if (after >= line.size()) break;
        i = after + 1;
      } else {
        size_t end = line.find(';', i);
        f.text = trim(line.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i));
        row.fields.push_back(std::move(f));
        if (end == std::string_view::npos) break;
        i = end + 1;
      }
    }
    return row;
  }

  std::string_view text_;
  std::string name_;
  size_t pos_ = 0;
  int line_ = 0;
  bool done_ = false;
};

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

bool is_none(const std::string& s) { return lower(s) == "none"; }

// A non-negative amount as pabutools' str_as_frac reads it: an integer, a decimal (',' or '.'),
// or a fraction p/q. nullopt if malformed.
std::optional<Rational> parse_amount_or_throw(std::string t) {
  std::replace(t.begin(), t.end(), ',', '.');
  auto digits = [](std::string_view x) {
    return !x.empty() && x.size() <= 40 && std::all_of(x.begin(), x.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  const size_t slash = t.find('/'), dot = t.find('.');
  Rational r;
  if (slash != std::string::npos) {
    std::string p = t.substr(0, slash), q = t.substr(slash + 1);
    if (!digits(p) || !digits(q) || mpz_class(q) == 0) return std::nullopt;
    r = Rational(mpz_class(p), mpz_class(q));
  } else if (dot != std::string::npos) {
    std::string ip = t.substr(0, dot), fp = t.substr(dot + 1);
    if ((!ip.empty() && !digits(ip)) || !digits(fp)) return std::nullopt;
    mpz_class den = 1;
    for (size_t i = 0; i < fp.size(); ++i) den *= 10;
    r = Rational(mpz_class(ip.empty() ? std::string("0") : ip) * den + mpz_class(fp), den);
  } else {
    if (!digits(t)) return std::nullopt;
    r = Rational(mpz_class(t));
  }
  r.canonicalize();
  return r;
}

std::optional<Rational> parse_amount(std::string t) {
  try {
    return parse_amount_or_throw(std::move(t));
  } catch (const std::invalid_argument&) {  // GMP's string conversion (found by fuzzing)
    return std::nullopt;
  }
}

struct MetaEntry {
  std::string value;
  int line = 0, column = 0;
};

}  // namespace

bool is_pabulib_path(const std::string& path) {
  std::string ext = lower(std::filesystem::path(path).extension().string());
  return ext == ".pb";
}

PabulibInstance read_pabulib(const std::string& path) { return read_pabulib_text(read_whole_file(path), path); }

PabulibInstance read_pabulib_text(std::string_view text, const std::string& name, const ReadLimits& limits) {
  PbParser pb(text, name);
  PabulibInstance inst;
  Row row;
  enum class Section { none, meta, projects, votes } section = Section::none;
  std::vector<std::string> header;
  int header_line = 0;
  bool expect_header = false;
  bool seen[3] = {false, false, false};
  std::map<std::string, MetaEntry> meta;
  std::vector<std::string> project_ids;
  std::unordered_map<std::string, int> project_index;
  std::vector<std::vector<int>> votes;
  size_t vote_column = 0;
  int votes_line = 0;
  auto amount = [&](const std::string& value, int line, int column, const std::string& what) {
    auto r = parse_amount(value);
    if (!r) pb.fail(line, column, what + ": expected a non-negative number (integer, decimal or p/q), found '" + value + "'");
    return *r;
  };
  while (pb.next(row)) {
    const std::string first = lower(row.fields[0].text);
    if (first == "meta" || first == "projects" || first == "votes") {
      Section s = first == "meta" ? Section::meta : first == "projects" ? Section::projects : Section::votes;
      const int idx = static_cast<int>(s) - 1;
      if (seen[idx]) pb.fail(row.line, 1, "section " + row.fields[0].text + " appears twice");
      if (row.fields.size() > 1 && !std::all_of(row.fields.begin() + 1, row.fields.end(), [](const Field& f) { return f.text.empty(); }))
        pb.fail(row.line, row.fields[1].column, "a section marker line holds only the section name");
      seen[idx] = true;
      section = s;
      expect_header = true;
      continue;
    }
    if (section == Section::none)
      pb.fail(row.line, 1, "expected a section marker META, PROJECTS or VOTES, found '" + row.fields[0].text + "'");
    if (expect_header) {
      header.clear();
      for (const auto& f : row.fields) {
        if (f.text.empty()) pb.fail(row.line, f.column, "empty column name in the header row");
        header.push_back(f.text);
      }
      header_line = row.line;
      expect_header = false;
      if (section == Section::projects) {
        if (lower(header[0]) != "project_id")
          pb.fail(row.line, 1, "the PROJECTS header must start with project_id, found '" + header[0] + "'");
        if (std::find(header.begin(), header.end(), "cost") == header.end())
          pb.fail(row.line, 1, "the PROJECTS header has no cost column");
      }
      if (section == Section::votes) {
        auto it = std::find(header.begin(), header.end(), "vote");
        if (it == header.end()) pb.fail(row.line, 1, "the VOTES header has no vote column");
        vote_column = static_cast<size_t>(it - header.begin());
        votes_line = row.line;
      }
      continue;
    }
    if (row.fields.size() != header.size())
      pb.fail(row.line, row.fields.size() > header.size() ? row.fields[header.size()].column : 1,
              "this row has " + std::to_string(row.fields.size()) + " fields but the header on line " +
                  std::to_string(header_line) + " has " + std::to_string(header.size()));
    if (section == Section::meta) {
      const std::string key = row.fields[0].text;
      if (key.empty()) pb.fail(row.line, 1, "empty META key");
      if (row.fields.size() < 2) pb.fail(row.line, 1, "META row needs 'key;value'");
      if (meta.count(key)) pb.fail(row.line, 1, "META key '" + key + "' given twice");
      meta.emplace(key, MetaEntry{row.fields[1].text, row.line, row.fields[1].column});
      inst.meta.emplace_back(key, row.fields[1].text);
    } else if (section == Section::projects) {
      const Field& id = row.fields[0];
      if (id.text.empty() || is_none(id.text)) pb.fail(row.line, id.column, "empty project id");
      if (project_index.count(id.text)) pb.fail(row.line, id.column, "project '" + id.text + "' listed twice");
      if (static_cast<int>(project_ids.size()) >= limits.max_alternatives)
        pb.fail(row.line, id.column, "more than " + std::to_string(limits.max_alternatives) + " projects");
      const size_t cost_at = static_cast<size_t>(std::find(header.begin(), header.end(), "cost") - header.begin());
      inst.costs.push_back(
          amount(row.fields[cost_at].text, row.line, row.fields[cost_at].column, "cost of project " + id.text));
      project_index.emplace(id.text, static_cast<int>(project_ids.size()));
      project_ids.push_back(id.text);
    } else {
      const Field& v = row.fields[vote_column];
      std::vector<int> ballot;
      if (!v.text.empty() && !is_none(v.text)) {
        size_t start = 0;
        for (;;) {
          size_t comma = v.text.find(',', start);
          std::string item = v.text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
          size_t b = item.find_first_not_of(" \t"), e = item.find_last_not_of(" \t");
          item = b == std::string::npos ? std::string() : item.substr(b, e - b + 1);
          const int col = v.column + static_cast<int>(start);
          if (item.empty()) pb.fail(row.line, col, "empty project id in the vote (two commas, or a comma at an end)");
          auto it = project_index.find(item);
          if (it == project_index.end())
            pb.fail(row.line, col,
                    "vote names project '" + item + "', which the PROJECTS section does not list" +
                        (seen[1] ? "" : " (PROJECTS must come before VOTES)"));
          ballot.push_back(it->second);
          if (comma == std::string::npos) break;
          start = comma + 1;
        }
      }
      votes.push_back(std::move(ballot));
    }
  }
  if (expect_header) pb.fail(header_line + 1, 1, "the file ends before the header row of its last section");
  if (!seen[0]) pb.fail(1, 1, "no META section");
  if (!seen[1]) pb.fail(1, 1, "no PROJECTS section");
  if (!seen[2]) pb.fail(1, 1, "no VOTES section");
  auto meta_value = [&](const std::string& key) -> const MetaEntry* {
    auto it = meta.find(key);
    return it == meta.end() ? nullptr : &it->second;
  };
  const MetaEntry* vote_type = meta_value("vote_type");
  if (!vote_type) pb.fail(votes_line, 1, "META has no vote_type");
  if (lower(vote_type->value) != "approval")
    pb.fail(vote_type->line, vote_type->column,
            "vote_type '" + vote_type->value + "': only approval ballots are read (as abcvoting)");
  const MetaEntry* budget = meta_value("budget");
  if (!budget) pb.fail(votes_line, 1, "META has no budget");
  inst.budget = amount(budget->value, budget->line, budget->column, "budget");
  auto check_count = [&](const std::string& key, size_t actual, const std::string& what) {
    const MetaEntry* f = meta_value(key);
    if (!f || is_none(f->value)) return;
    const std::string& t = f->value;
    if (t.empty() || t.size() > 18 || !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }))
      pb.fail(f->line, f->column, key + ": expected a count, found '" + t + "'");
    if (std::stoull(t) != actual)
      pb.fail(f->line, f->column, key + " says " + t + " but the file has " + std::to_string(actual) + " " + what);
  };
  check_count("num_projects", project_ids.size(), "projects");
  check_count("num_votes", votes.size(), "votes");

  Candidates cands;
  for (size_t c = 0; c < project_ids.size(); ++c) {
    cands.ids.push_back(static_cast<int64_t>(c) + 1);
    cands.names.push_back(project_ids[c]);
  }
  const size_t m = project_ids.size();
  ProfileBuilder builder(std::move(cands), BallotKind::categorical);
  builder.set_category_names({"approved", "not approved"});
  std::vector<int32_t> levels(m);
  std::map<std::vector<int32_t>, size_t> unique_index;
  std::string voter_order;
  for (size_t i = 0; i < votes.size(); ++i) {
    std::fill(levels.begin(), levels.end(), 1);
    for (int c : votes[i]) levels[static_cast<size_t>(c)] = 0;
    auto [it, fresh] = unique_index.emplace(levels, unique_index.size());
    if (votes.size() <= 100000) voter_order += (i ? "," : "") + std::to_string(it->second);
    builder.add_levels(levels, 1);
  }
  if (votes.size() <= 100000) builder.add_metadata("voter_order", voter_order);
  builder.add_metadata("format", "pabulib");
  builder.add_metadata("candidate_key", "name");
  for (const auto& [k, v] : inst.meta) builder.add_metadata(k, v);
  inst.profile = builder.finish();
  return inst;
}

}  // namespace prefero
