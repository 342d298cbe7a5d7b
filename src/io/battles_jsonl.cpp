// Battles as JSON lines, parsed with simdjson's On-Demand API one line at a time from a chunked
// reader: memory is bounded by the chunk plus the distinct (a, b, outcome, covariates) rows.
#include <simdjson.h>

#include <vector>

#include "core/error.hpp"
#include "io/line_source.hpp"
#include "io/read_comparisons.hpp"

namespace prefero {

namespace {

using io_detail::LineSource;
namespace od = simdjson::ondemand;

[[noreturn]] void fail(const LineSource& src, std::string_view line, const char* at, const std::string& msg) {
  int col = at ? static_cast<int>(at - line.data()) + 1 : 1;
  throw InputError(SourceLocation{src.name(), src.line_number(), col}, msg);
}

// Column of a key in the raw line (for messages; 1 when not found).
const char* key_position(std::string_view line, std::string_view key) {
  std::string quoted = "\"" + std::string(key) + "\"";
  size_t p = line.find(quoted);
  return p == std::string_view::npos ? line.data() : line.data() + p;
}

bool is_blank_line(std::string_view line) {
  for (char c : line)
    if (c != ' ' && c != '\t' && c != '\r') return false;
  return true;
}

void parse_battles(LineSource& src, ComparisonsBuilder& b) {
  const auto& cov_names = b.options().covariates;
  b.set_covariate_names(cov_names);
  std::vector<double> cov(cov_names.size());
  std::vector<char> seen(cov_names.size());
  od::parser parser;
  std::string_view line;
  while (src.next(line)) {
    if (is_blank_line(line)) continue;
    od::document doc;
    if (parser.iterate(line.data(), line.size(), src.capacity_after(line)).get(doc))
      fail(src, line, nullptr, "expected a JSON object per line");
    od::object obj;
    if (doc.get_object().get(obj)) fail(src, line, nullptr, "expected a JSON object per line");
    std::string_view ma, mb, winner;
    bool has_a = false, has_b = false, has_w = false;
    double weight = 1;
    std::fill(seen.begin(), seen.end(), 0);
    for (auto field : obj) {
      std::string_view key;
      if (field.unescaped_key().get(key)) fail(src, line, nullptr, "malformed JSON (bad key)");
      od::value v;
      if (field.value().get(v)) fail(src, line, nullptr, "malformed JSON value");
      auto want_string = [&](std::string_view& out) {
        if (v.get_string().get(out)) fail(src, line, key_position(line, key), "'" + std::string(key) + "' must be a string");
      };
      if (key == "model_a") want_string(ma), has_a = true;
      else if (key == "model_b") want_string(mb), has_b = true;
      else if (key == "winner") want_string(winner), has_w = true;
      else if (key == "weight" || key == "count") {
        if (v.get_double().get(weight) || !(weight > 0) || weight > 1e15)
          fail(src, line, key_position(line, key), "'" + std::string(key) + "' must be a positive number");
      } else {
        for (size_t k = 0; k < cov_names.size(); ++k)
          if (key == cov_names[k]) {
            if (v.get_double().get(cov[k]) || !(cov[k] - cov[k] == 0))
              fail(src, line, key_position(line, key), "covariate '" + std::string(key) + "' must be a finite number");
            seen[k] = 1;
          }
        // Anything else (judge, tstamp, question_id, conversations ...) is skipped unread.
      }
    }
    if (!has_a || !has_b || !has_w)
      fail(src, line, nullptr, std::string("missing field '") + (!has_a ? "model_a" : !has_b ? "model_b" : "winner") + "'");
    Outcome o;
    if (!parse_outcome(winner, o))
      fail(src, line, key_position(line, "winner"),
           "winner '" + std::string(winner) + "' is not one of model_a, model_b, tie, tie (bothbad)");
    for (size_t k = 0; k < cov_names.size(); ++k)
      if (!seen[k]) fail(src, line, nullptr, "missing covariate '" + cov_names[k] + "'");
    if (ma == mb) fail(src, line, key_position(line, "model_b"), "a model cannot battle itself ('" + std::string(ma) + "')");
    int a = b.model(ma), bb = b.model(mb);
    if (a < 0 || bb < 0) fail(src, line, nullptr, "too many distinct models");
    if (!b.add_pair(a, bb, o, weight, cov.data())) fail(src, line, nullptr, "too many distinct battle rows");
  }
}

}  // namespace

Comparisons read_battles_jsonl(const std::string& path, const ComparisonsReadOptions& options) {
  LineSource src(path);
  ComparisonsBuilder b(options);
  parse_battles(src, b);
  return b.finish();
}

Comparisons read_battles_jsonl_text(std::string_view text, const std::string& name, const ComparisonsReadOptions& options) {
  LineSource src(text, name);
  ComparisonsBuilder b(options);
  parse_battles(src, b);
  return b.finish();
}

}  // namespace prefero
