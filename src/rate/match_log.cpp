#include "rate/match_log.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "core/error.hpp"

namespace prefero {

namespace {

struct Builder {
  Comparisons c;
  std::map<std::string, int> index;
  int id(const std::string& name, const SourceLocation& where) {
    if (name.empty()) throw InputError(where, "empty model name");
    auto [it, added] = index.emplace(name, static_cast<int>(c.models.size()));
    if (added) {
      if (c.models.size() >= 1000000) throw InputError(where, "more than 10^6 models");
      c.models.push_back(name);
    }
    return it->second;
  }
};

Outcome outcome_of(const std::string& w, const SourceLocation& where) {
  if (w == "model_a" || w == "left") return Outcome::a_wins;
  if (w == "model_b" || w == "right") return Outcome::b_wins;
  if (w == "tie" || w.empty()) return Outcome::tie;
  if (w == "tie (bothbad)") return Outcome::tie_bothbad;
  throw InputError(where, "winner must be model_a, model_b, left, right, tie or 'tie (bothbad)', not '" + w + "'");
}

void add_pair(Builder& b, const std::string& x, const std::string& y, const std::string& w, const SourceLocation& at) {
  const int a = b.id(x, at), bb = b.id(y, at);
  if (a == bb) throw InputError(at, "a model cannot battle itself ('" + x + "')");
  b.c.pairs.push_back(PairRow{a, bb, outcome_of(w, at), 1, -1});
}

std::string text_field(const nlohmann::json& o, const char* key, const SourceLocation& at) {
  if (!o.contains(key)) return "";
  if (!o[key].is_string()) throw InputError(at, std::string("'") + key + "' must be a string");
  return o[key].get<std::string>();
}

void jsonl_line(Builder& b, const std::string& line, const SourceLocation& at) {
  nlohmann::json o;
  try {
    o = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {  // syntax errors and numbers too large for a double
    throw InputError(at, std::string("not a JSON object: ") + e.what());
  }
  if (!o.is_object()) throw InputError(at, "each line must be a JSON object");
  if (o.contains("ranking")) {
    const auto& r = o["ranking"];
    if (!r.is_array()) throw InputError(at, "'ranking' must be an array of tiers");
    KwiseRow row;
    std::vector<int> seen;
    for (const auto& tier : r) {
      std::vector<int> t;
      auto add = [&](const nlohmann::json& name) {
        if (!name.is_string()) throw InputError(at, "model names in a ranking must be strings");
        const int m = b.id(name.get<std::string>(), at);
        for (int s : seen)
          if (s == m) throw InputError(at, "model '" + name.get<std::string>() + "' appears twice in one ranking");
        seen.push_back(m);
        t.push_back(m);
      };
      if (tier.is_array()) {
        for (const auto& name : tier) add(name);
      } else {
        add(tier);
      }
      if (!t.empty()) row.tiers.push_back(std::move(t));
    }
    if (seen.size() < 2) throw InputError(at, "a ranking needs at least 2 models");
    b.c.rankings.push_back(std::move(row));
    return;
  }
  add_pair(b, text_field(o, "model_a", at), text_field(o, "model_b", at), text_field(o, "winner", at), at);
}

std::vector<std::string> split_csv(const std::string& line, const SourceLocation& at) {
  if (line.find('"') != std::string::npos) throw InputError(at, "quoted CSV fields are not supported here");
  std::vector<std::string> out;
  std::string field;
  std::stringstream ss(line);
  while (std::getline(ss, field, ',')) out.push_back(field);
  if (!line.empty() && line.back() == ',') out.emplace_back();
  return out;
}

}  // namespace

Comparisons read_match_log(std::istream& in, const std::string& file) {
  Builder b;
  std::string line;
  int lineno = 0;
  bool csv = false, decided = false;
  int col_a = -1, col_b = -1, col_w = -1;
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const SourceLocation at{file, lineno, 1};
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    if (!decided) {
      decided = true;
      csv = line[line.find_first_not_of(" \t")] != '{';
      if (csv) {
        const auto h = split_csv(line, at);
        for (size_t i = 0; i < h.size(); ++i) {
          if (h[i] == "model_a" || h[i] == "left") col_a = static_cast<int>(i);
          if (h[i] == "model_b" || h[i] == "right") col_b = static_cast<int>(i);
          if (h[i] == "winner") col_w = static_cast<int>(i);
        }
        if (col_a < 0 || col_b < 0) throw InputError(at, "CSV header must name model_a and model_b (or left and right)");
        continue;
      }
    }
    if (!csv) {
      jsonl_line(b, line, at);
      continue;
    }
    const auto f = split_csv(line, at);
    const auto need = static_cast<size_t>(std::max(col_a, std::max(col_b, col_w)));
    if (f.size() <= need) throw InputError(at, "too few fields (" + std::to_string(f.size()) + ")");
    add_pair(b, f[static_cast<size_t>(col_a)], f[static_cast<size_t>(col_b)],
             col_w >= 0 ? f[static_cast<size_t>(col_w)] : std::string(), at);
  }
  if (b.c.models.size() < 2) throw InputError(SourceLocation{file, lineno, 0}, "the log names fewer than 2 models");
  return std::move(b.c);
}

}  // namespace prefero
