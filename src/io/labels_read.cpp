// Crowd judgments, gold labels and worker weights from delimited text (see labels_read.hpp).
#include "io/labels_read.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <numeric>
#include <unordered_map>

#include "core/error.hpp"
#include "io/read.hpp"

namespace prefero {

namespace {

struct Cell {
  std::string_view text;
  int column = 0;  // 1-based
};

enum class Delim { tab, comma, blanks };

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

// Iterates the lines of a text with 1-based numbers, skipping blank lines.
class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);
  }
  bool next(std::string_view& line) {
    while (pos_ < text_.size()) {
      size_t nl = text_.find('\n', pos_);
      if (nl == std::string_view::npos) nl = text_.size();
      line = text_.substr(pos_, nl - pos_);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      pos_ = nl + 1;
      ++number_;
      if (!trim(line).empty()) return true;
    }
    return false;
  }
  int number() const { return number_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  int number_ = 0;
};

std::vector<Cell> split(std::string_view line, Delim d, const std::string& file, int line_no) {
  std::vector<Cell> cells;
  const char* base = line.data();
  auto col = [&](const char* p) { return static_cast<int>(p - base) + 1; };
  if (d == Delim::blanks) {
    size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && blank(line[i])) ++i;
      if (i >= line.size()) break;
      size_t j = i;
      while (j < line.size() && !blank(line[j])) ++j;
      cells.push_back({line.substr(i, j - i), static_cast<int>(i) + 1});
      i = j;
    }
    return cells;
  }
  const char sep = d == Delim::tab ? '\t' : ',';
  size_t i = 0;
  while (true) {
    size_t j = i;
    while (j < line.size() && line[j] == ' ') ++j;
    if (sep == ',' && j < line.size() && line[j] == '"') {
      // Quoted cell: no embedded quotes are unescaped (names with "" are rejected).
      size_t close = line.find('"', j + 1);
      if (close == std::string_view::npos) throw InputError({file, line_no, col(base + j)}, "unterminated quoted cell");
      if (close + 1 < line.size() && line[close + 1] == '"')
        throw InputError({file, line_no, col(base + close)}, "doubled quotes inside a name are not supported");
      size_t k = close + 1;
      while (k < line.size() && blank(line[k])) ++k;
      if (k < line.size() && line[k] != sep)
        throw InputError({file, line_no, col(base + k)}, "expected ',' or end of line after a quoted cell");
      cells.push_back({line.substr(j + 1, close - j - 1), col(base + j + 1)});
      if (k >= line.size()) break;
      i = k + 1;
      continue;
    }
    size_t end = line.find(sep, i);
    if (end == std::string_view::npos) end = line.size();
    std::string_view raw = line.substr(i, end - i);
    std::string_view t = trim(raw);
    cells.push_back({t, col(t.empty() ? base + i : t.data())});
    if (end >= line.size()) break;
    i = end + 1;
  }
  return cells;
}

Delim detect(std::string_view first_line) {
  if (first_line.find('\t') != std::string_view::npos) {
    // "1\t2\t3" and "a b\tc" are tab separated; but blank-padded tab lines too.
    return Delim::tab;
  }
  if (first_line.find(',') != std::string_view::npos) return Delim::comma;
  return Delim::blanks;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (!out.empty() && out[0] == '!') out.erase(0, 1);
  return out;
}

bool one_of(const std::string& s, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (s == n) return true;
  return false;
}

enum class Role { ignore, task, worker, label, gold, weight };

Role header_role(const std::string& h, bool gold_file, bool weight_file) {
  if (one_of(h, {"task", "question", "item", "id", "q", "orig_id", "object", "task_id", "item_id"})) return Role::task;
  if (one_of(h, {"worker", "annotator", "performer", "amt_worker_ids", "worker_id", "participant", "user"}))
    return Role::worker;
  if (weight_file && one_of(h, {"weight", "skill"})) return Role::weight;
  if (gold_file && one_of(h, {"truth", "gold", "true_label", "label", "answer", "annotation"})) return Role::gold;
  if (!gold_file && one_of(h, {"label", "answer", "response", "annotation", "output"})) return Role::label;
  if (!gold_file && one_of(h, {"gold", "truth", "true_label"})) return Role::gold;
  return Role::ignore;
}

Role positional_role(std::string_view name, const std::string& file) {
  std::string n = lower(trim(name));
  if (n == "task") return Role::task;
  if (n == "worker") return Role::worker;
  if (n == "label") return Role::label;
  if (n == "gold") return Role::gold;
  if (n == "weight") return Role::weight;
  if (n == "-" || n == "ignore") return Role::ignore;
  throw InputError({file, 0, 0}, "columns option: unknown column role '" + std::string(name) +
                                     "' (expected task, worker, label, gold, weight or -)");
}

struct Layout {
  std::vector<Role> roles;
  bool header = false;
  Delim delim = Delim::comma;
};

// Decides the layout from the first non-blank line. `need` = the roles the file must provide.
Layout decide_layout(std::string_view first, const std::string& file, int line_no, const LabelReadOptions& opt,
                     const std::vector<Role>& need, const std::vector<Role>& default_roles, bool gold_file,
                     bool weight_file) {
  Layout lay;
  lay.delim = detect(first);
  auto cells = split(first, lay.delim, file, line_no);
  std::vector<Role> from_header;
  for (const auto& c : cells) from_header.push_back(header_role(lower(c.text), gold_file, weight_file));
  auto provides = [&](const std::vector<Role>& roles) {
    for (Role r : need)
      if (std::find(roles.begin(), roles.end(), r) == roles.end()) return false;
    return true;
  };
  if (opt.format == "header" || (opt.format == "auto" && provides(from_header))) {
    if (!provides(from_header)) {
      std::string names;
      for (const auto& c : cells) names += (names.empty() ? "" : ", ") + std::string(c.text);
      throw InputError({file, line_no, 1}, "the header (" + names + ") does not name the " +
                                               std::string(gold_file     ? "task and gold label"
                                                           : weight_file ? "worker and weight"
                                                                         : "task, worker and label") +
                                               " columns");
    }
    for (size_t i = 0; i < from_header.size(); ++i)
      for (size_t j = 0; j < i; ++j)
        if (from_header[i] != Role::ignore && from_header[i] == from_header[j])
          throw InputError({file, line_no, cells[i].column},
                           "column '" + std::string(cells[i].text) + "' has the same role as column '" +
                               std::string(cells[j].text) + "'");
    lay.roles = from_header;
    lay.header = true;
    return lay;
  }
  if (opt.format != "auto" && opt.format != "columns")
    throw InputError("unknown label file format '" + opt.format + "' (expected auto, header or columns)");
  if (!opt.columns.empty() && !gold_file && !weight_file) {
    std::string_view rest = opt.columns;
    while (true) {
      size_t comma = rest.find(',');
      lay.roles.push_back(positional_role(rest.substr(0, comma), file));
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  } else {
    lay.roles = default_roles;
  }
  if (!provides(lay.roles))
    throw InputError({file, 0, 0}, "columns option '" + opt.columns + "' lacks task, worker or label");
  return lay;
}

bool is_integer(const std::string& s, int64_t& v) {
  const char* first = s.data();
  const char* last = first + s.size();
  auto [ptr, ec] = std::from_chars(first, last, v);
  return ec == std::errc() && ptr == last && first != last;
}

// Natural order of names: numeric if all are integers, else byte order. Returns old -> new index.
std::vector<int> natural_order(std::vector<std::string>& names) {
  std::vector<int64_t> values(names.size());
  bool numeric = true;
  for (size_t i = 0; i < names.size() && numeric; ++i) numeric = is_integer(names[i], values[i]);
  std::vector<int> order(names.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    if (numeric && values[a] != values[b]) return values[a] < values[b];
    return names[a] < names[b];
  });
  std::vector<int> remap(names.size());
  std::vector<std::string> sorted(names.size());
  for (size_t k = 0; k < order.size(); ++k) {
    remap[order[k]] = static_cast<int>(k);
    sorted[k] = std::move(names[order[k]]);
  }
  names = std::move(sorted);
  return remap;
}

class Interner {
 public:
  int id(std::string_view s) {
    auto it = index_.find(std::string(s));
    if (it != index_.end()) return it->second;
    int k = static_cast<int>(names_.size());
    names_.emplace_back(s);
    index_.emplace(names_.back(), k);
    return k;
  }
  int find(std::string_view s) const {
    auto it = index_.find(std::string(s));
    return it == index_.end() ? -1 : it->second;
  }
  std::vector<std::string>& names() { return names_; }

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, int> index_;
};

struct GoldEntry {
  int label = -1;
  SourceLocation where;
};

class Builder {
 public:
  void read_answers(std::string_view text, const std::string& file, const LabelReadOptions& opt) {
    Lines lines(text);
    std::string_view line;
    if (!lines.next(line)) throw InputError({file, 1, 1}, "empty file: expected (task, worker, label) rows");
    Layout lay = decide_layout(line, file, lines.number(), opt, {Role::task, Role::worker, Role::label},
                               {Role::task, Role::worker, Role::label}, false, false);
    bool have_line = !lay.header;
    while (have_line || lines.next(line)) {
      have_line = false;
      const int ln = lines.number();
      auto cells = split(line, lay.delim, file, ln);
      if (cells.size() < lay.roles.size())
        throw InputError({file, ln, static_cast<int>(line.size()) + 1},
                         "expected " + std::to_string(lay.roles.size()) + " columns, found " +
                             std::to_string(cells.size()));
      if (cells.size() > lay.roles.size())
        throw InputError({file, ln, cells[lay.roles.size()].column},
                         "expected " + std::to_string(lay.roles.size()) + " columns, found " +
                             std::to_string(cells.size()));
      int t = -1, w = -1, l = -1;
      const Cell* gold = nullptr;
      for (size_t i = 0; i < lay.roles.size(); ++i) {
        const Cell& c = cells[i];
        Role r = lay.roles[i];
        if (r == Role::ignore) continue;
        if (c.text.empty())
          throw InputError({file, ln, c.column}, std::string("empty ") +
                                                     (r == Role::task     ? "task"
                                                      : r == Role::worker ? "worker"
                                                      : r == Role::label  ? "label"
                                                                          : "gold label"));
        if (r == Role::task) t = tasks_.id(c.text);
        if (r == Role::worker) w = workers_.id(c.text);
        if (r == Role::label) l = labels_.id(c.text);
        if (r == Role::gold) gold = &c;
      }
      rows_.push_back({t, w, l});
      if (gold) set_gold(t, gold->text, {file, ln, gold->column}, opt);
    }
  }

  // The loop shared by the two-column side files (gold: task and gold label; weights: worker and
  // weight): the layout from the first line, the column count of every row, then the key and
  // value cells of each row handed to `row(key, value, line)`.
  template <class Row>
  void read_side_file(std::string_view text, const std::string& file, LabelReadOptions o, Role key, Role value,
                      const std::string& what, Row row) {
    Lines lines(text);
    std::string_view line;
    if (!lines.next(line)) return;  // an empty side file: nothing
    o.format = "auto";
    Layout lay = decide_layout(line, file, lines.number(), o, {key, value}, {key, value}, value == Role::gold,
                               value == Role::weight);
    bool have_line = !lay.header;
    while (have_line || lines.next(line)) {
      have_line = false;
      const int ln = lines.number();
      auto cells = split(line, lay.delim, file, ln);
      if (cells.size() < lay.roles.size())
        throw InputError({file, ln, static_cast<int>(line.size()) + 1},
                         "expected " + std::to_string(lay.roles.size()) + " columns (" + what + "), found " +
                             std::to_string(cells.size()));
      const Cell* k = nullptr;
      const Cell* v = nullptr;
      for (size_t i = 0; i < lay.roles.size(); ++i) {
        if (lay.roles[i] == key) k = &cells[i];
        if (lay.roles[i] == value) v = &cells[i];
      }
      if (!k || !v) throw InputError({file, ln, 1}, "expected the columns " + what);  // decide_layout ensures them
      row(*k, *v, ln);
    }
  }

  void read_gold(std::string_view text, const std::string& file, const LabelReadOptions& opt) {
    read_side_file(text, file, opt, Role::task, Role::gold, "task, gold label", [&](const Cell& k, const Cell& g, int ln) {
      for (const Cell* c : k.column <= g.column ? std::array{&k, &g} : std::array{&g, &k})  // report the leftmost
        if (c->text.empty()) throw InputError({file, ln, c->column}, "empty cell");
      set_gold(tasks_.id(k.text), g.text, {file, ln, g.column}, opt);
    });
  }

  void read_weights(std::string_view text, const std::string& file) {
    read_side_file(text, file, LabelReadOptions{}, Role::worker, Role::weight, "worker, weight",
                   [&](const Cell& k, const Cell& c, int ln) {
                     double v = 0;
                     auto [ptr, ec] = std::from_chars(c.text.data(), c.text.data() + c.text.size(), v);
                     const bool bad_weight = ec != std::errc() || ptr != c.text.data() + c.text.size() ||
                                             c.text.empty() || !(v - v == 0) || v < 0;
                     if (k.text.empty() && !(bad_weight && c.column < k.column))  // the leftmost problem first
                       throw InputError({file, ln, k.column}, "empty worker");
                     if (bad_weight)
                       throw InputError({file, ln, c.column}, "expected a weight (a finite non-negative number), found '" +
                                                                  std::string(c.text) + "'");
                     const int w = workers_.find(k.text);
                     if (w < 0) return;  // a worker without judgments: nothing to weigh
                     if (weights_.size() < workers_.names().size()) weights_.resize(workers_.names().size(), -1.0);
                     if (weights_[w] >= 0 && weights_[w] != v)
                       throw InputError({file, ln, 1}, "worker '" + workers_.names()[w] + "' has two different weights");
                     weights_[w] = v;
                   });
  }

  LabelData finish(const LabelReadOptions& opt) {
    if (opt.dedup != "keep" && opt.dedup != "first" && opt.dedup != "last")
      throw InputError("unknown dedup option '" + opt.dedup + "' (expected keep, first or last)");
    LabelData d;
    std::vector<bool> keep(rows_.size(), true);
    if (opt.dedup != "keep") {
      std::unordered_map<uint64_t, size_t> seen;
      seen.reserve(rows_.size());
      for (size_t i = 0; i < rows_.size(); ++i) {
        uint64_t key = (static_cast<uint64_t>(rows_[i].task) << 32) | static_cast<uint32_t>(rows_[i].worker);
        auto [it, fresh] = seen.emplace(key, i);
        if (fresh) continue;
        if (opt.dedup == "first") {
          keep[i] = false;
        } else {
          keep[it->second] = false;
          it->second = i;
        }
      }
    }
    auto tmap = natural_order(tasks_.names());
    auto wmap = natural_order(workers_.names());
    auto lmap = natural_order(labels_.names());
    d.tasks = std::move(tasks_.names());
    d.workers = std::move(workers_.names());
    d.labels = std::move(labels_.names());
    d.judgments.reserve(rows_.size());
    for (size_t i = 0; i < rows_.size(); ++i)
      if (keep[i]) d.judgments.push_back({tmap[rows_[i].task], wmap[rows_[i].worker], lmap[rows_[i].label]});
    if (!gold_.empty()) {
      d.gold.assign(d.tasks.size(), -1);
      for (size_t t = 0; t < gold_.size(); ++t)
        if (gold_[t].label >= 0) d.gold[tmap[t]] = lmap[gold_[t].label];
    }
    if (!weights_.empty()) {
      d.worker_weights.assign(d.workers.size(), 1.0);
      for (size_t w = 0; w < weights_.size(); ++w)
        if (weights_[w] >= 0) d.worker_weights[wmap[w]] = weights_[w];
    }
    return d;
  }

 private:
  void set_gold(int t, std::string_view label, const SourceLocation& where, const LabelReadOptions& opt) {
    if (!opt.gold_none.empty() && label == opt.gold_none) return;
    int l = labels_.id(label);
    if (gold_.size() <= static_cast<size_t>(t)) gold_.resize(static_cast<size_t>(t) + 1);
    GoldEntry& g = gold_[t];
    if (g.label >= 0 && g.label != l)
      throw InputError(where, "task '" + tasks_.names()[t] + "' has two different gold labels ('" +
                                  labels_.names()[g.label] + "' at line " + std::to_string(g.where.line) + ", '" +
                                  std::string(label) + "' here)");
    if (g.label < 0) g = {l, where};
  }

  Interner tasks_, workers_, labels_;
  std::vector<Judgment> rows_;
  std::vector<GoldEntry> gold_;
  std::vector<double> weights_;
};

}  // namespace

LabelData read_labels_text(std::string_view answers, const std::string& name, std::string_view gold,
                           const std::string& gold_name, std::string_view weights, const std::string& weights_name,
                           const LabelReadOptions& options) {
  Builder b;
  b.read_answers(answers, name, options);
  if (!gold_name.empty() || !gold.empty()) b.read_gold(gold, gold_name, options);
  if (!weights_name.empty() || !weights.empty()) b.read_weights(weights, weights_name);
  return b.finish(options);
}

LabelData read_labels(const std::string& path, const std::string& gold_path, const std::string& weights_path,
                      const LabelReadOptions& options) {
  std::string answers = read_whole_file(path);
  std::string gold = gold_path.empty() ? std::string() : read_whole_file(gold_path);
  std::string weights = weights_path.empty() ? std::string() : read_whole_file(weights_path);
  return read_labels_text(answers, path, gold, gold_path, weights, weights_path, options);
}

}  // namespace prefero
