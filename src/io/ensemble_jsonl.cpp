#include "io/ensemble_jsonl.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>

#include "core/error.hpp"

namespace prefero {

namespace {

struct LineReader {
  const std::string& source;
  int line = 0;
  [[noreturn]] void fail(const std::string& what, int column = 1) const {
    throw InputError(SourceLocation{source, line, column}, what);
  }
};

std::vector<double> number_row(const nlohmann::json& row, const LineReader& r, const char* what) {
  if (!row.is_array() || row.empty()) r.fail(std::string(what) + " must be a non-empty array of numbers");
  std::vector<double> out;
  for (const auto& x : row) {
    if (!x.is_number()) r.fail(std::string(what) + " holds a non-number: " + x.dump());
    double v = x.get<double>();
    if (!std::isfinite(v)) r.fail(std::string(what) + " holds a non-finite number");
    out.push_back(v);
  }
  return out;
}

// Appends one sample's models x classes scores, checking the shape against earlier lines.
void add_sample(VoteTensor& t, const std::vector<std::vector<double>>& rows, const LineReader& r) {
  const int models = static_cast<int>(rows.size());
  const int classes = static_cast<int>(rows[0].size());
  if (t.samples == 0) {
    t.models = models;
    t.classes = classes;
  }
  if (models != t.models) r.fail("expected " + std::to_string(t.models) + " models (as on earlier lines), found " + std::to_string(models));
  for (const auto& row : rows)
    if (static_cast<int>(row.size()) != t.classes)
      r.fail("expected " + std::to_string(t.classes) + " scores per model, found " + std::to_string(row.size()));
  for (const auto& row : rows) t.scores.insert(t.scores.end(), row.begin(), row.end());
  ++t.samples;
}

void read_line(VoteTensor& t, const nlohmann::json& j, const LineReader& r) {
  if (!j.is_object()) r.fail("expected a JSON object per line");
  if (j.contains("classes")) {
    if (t.samples > 0 || !t.class_names.empty()) r.fail("\"classes\" may only appear on the first line");
    for (const auto& c : j["classes"]) {
      if (!c.is_string()) r.fail("\"classes\" must be an array of strings");
      t.class_names.push_back(c.get<std::string>());
    }
    return;
  }
  std::vector<std::vector<double>> rows;
  if (j.contains("scores")) {
    if (!j["scores"].is_array() || j["scores"].empty()) r.fail("\"scores\" must be an array with one row per model");
    for (const auto& row : j["scores"]) rows.push_back(number_row(row, r, "a row of \"scores\""));
  } else if (j.contains("chosen") && j.contains("rejected")) {
    std::vector<double> c = number_row(j["chosen"], r, "\"chosen\""), x = number_row(j["rejected"], r, "\"rejected\"");
    if (c.size() != x.size()) r.fail("\"chosen\" and \"rejected\" need one reward per model each");
    for (size_t m = 0; m < c.size(); ++m) rows.push_back({c[m], x[m]});
    if (t.samples == 0 && t.class_names.empty()) t.class_names = {"chosen", "rejected"};
  } else {
    r.fail("expected \"scores\" (models x classes) or \"chosen\" and \"rejected\" (one reward per model)");
  }
  add_sample(t, rows, r);
  if (j.contains("id")) t.ids.push_back(j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump());
  else t.ids.push_back(std::to_string(t.samples - 1));
  int label = -1;
  if (j.contains("label") && !j["label"].is_null()) {
    const auto& l = j["label"];
    if (l.is_number_integer() && l.get<long long>() >= 0 && l.get<long long>() < t.classes) label = l.get<int>();
    else if (l.is_string() && !t.class_names.empty()) {
      auto it = std::find(t.class_names.begin(), t.class_names.end(), l.get<std::string>());
      if (it == t.class_names.end()) r.fail("label " + l.dump() + " is not one of the classes");
      label = static_cast<int>(it - t.class_names.begin());
    } else {
      r.fail("label must be a class index in [0, " + std::to_string(t.classes) + ") or a class name from \"classes\"");
    }
  }
  t.labels.push_back(label);
}

}  // namespace

VoteTensor read_vote_tensor(std::istream& in, const std::string& source_name) {
  VoteTensor t;
  LineReader r{source_name};
  std::string text;
  while (std::getline(in, text)) {
    ++r.line;
    if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
      r.fail(std::string("not valid JSON: ") + e.what(), static_cast<int>(e.byte));
    } catch (const nlohmann::json::exception& e) {  // e.g. a number too large for a double
      r.fail(std::string("not valid JSON: ") + e.what());
    }
    read_line(t, j, r);
  }
  if (t.samples == 0) throw InputError(SourceLocation{source_name, r.line, 0}, "no samples (expected one JSON object per line)");
  if (!t.class_names.empty() && static_cast<int>(t.class_names.size()) != t.classes)
    throw InputError(SourceLocation{source_name, 1, 1}, "\"classes\" names " + std::to_string(t.class_names.size()) +
                                                           " classes but the scores have " + std::to_string(t.classes));
  bool any_label = false;
  for (int l : t.labels) any_label = any_label || l >= 0;
  if (!any_label) t.labels.clear();
  return t;
}

VoteTensor read_vote_tensor_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(SourceLocation{path, 0, 0}, "cannot open the file");
  return read_vote_tensor(in, path);
}

}  // namespace prefero
