// K-wise rankings as JSON lines: {"ranking": [["a"], ["b", "c"], ["d"]]} (best first; models in
// one group are tied; a bare string is a group of one), optional "count"/"weight". Streamed with
// simdjson; rankings stay in file order.
#include <simdjson.h>

#include <algorithm>
#include <vector>

#include "core/error.hpp"
#include "io/line_source.hpp"
#include "io/read_comparisons.hpp"

namespace prefero {

namespace {

using io_detail::LineSource;
namespace od = simdjson::ondemand;

[[noreturn]] void fail(const LineSource& src, const std::string& msg) {
  throw InputError(SourceLocation{src.name(), src.line_number(), 1}, msg);
}

void parse_rankings(LineSource& src, ComparisonsBuilder& b) {
  od::parser parser;
  std::string_view line;
  std::vector<int> seen_on_line;
  while (src.next(line)) {
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    od::document doc;
    od::object obj;
    if (parser.iterate(line.data(), line.size(), src.capacity_after(line)).get(doc) || doc.get_object().get(obj))
      fail(src, "expected a JSON object per line");
    KwiseRow row;
    bool has_ranking = false;
    seen_on_line.clear();
    for (auto field : obj) {
      std::string_view key;
      od::value v;
      if (field.unescaped_key().get(key) || field.value().get(v)) fail(src, "malformed JSON");
      if (key == "ranking") {
        has_ranking = true;
        od::array groups;
        if (v.get_array().get(groups)) fail(src, "\"ranking\" must be an array of groups");
        for (auto g : groups) {
          od::value gv;
          if (g.get(gv)) fail(src, "malformed JSON in \"ranking\"");
          std::vector<int> tier;
          auto add = [&](std::string_view name) {
            if (name.empty()) fail(src, "empty model name in \"ranking\"");
            int id = b.model(name);
            if (id < 0) fail(src, "too many distinct models");
            if (std::find(seen_on_line.begin(), seen_on_line.end(), id) != seen_on_line.end())
              fail(src, "model '" + std::string(name) + "' appears twice in one ranking");
            seen_on_line.push_back(id);
            tier.push_back(id);
          };
          od::json_type t;
          if (gv.type().get(t)) fail(src, "malformed JSON in \"ranking\"");
          if (t == od::json_type::string) {
            std::string_view s;
            if (gv.get_string().get(s)) fail(src, "malformed string in \"ranking\"");
            add(s);
          } else if (t == od::json_type::array) {
            od::array names;
            if (gv.get_array().get(names)) fail(src, "malformed group in \"ranking\"");
            for (auto nm : names) {
              std::string_view s;
              if (nm.get_string().get(s)) fail(src, "a group in \"ranking\" must hold model names (strings)");
              add(s);
            }
          } else {
            fail(src, "each group in \"ranking\" must be an array of names (or one name)");
          }
          if (tier.empty()) fail(src, "empty group in \"ranking\"");
          row.tiers.push_back(std::move(tier));
        }
      } else if (key == "count" || key == "weight") {
        if (v.get_double().get(row.count) || !(row.count > 0) || row.count > 1e15)
          fail(src, "\"" + std::string(key) + "\" must be a positive number");
      }
    }
    if (!has_ranking) fail(src, "missing field \"ranking\"");
    if (seen_on_line.size() < 2) fail(src, "a ranking must compare at least two models");
    if (b.options().max_rows <= b.num_rows()) fail(src, "too many rankings");
    b.add_ranking(std::move(row));
  }
}

}  // namespace

Comparisons read_rankings_jsonl(const std::string& path, const ComparisonsReadOptions& options) {
  LineSource src(path);
  ComparisonsBuilder b(options);
  parse_rankings(src, b);
  return b.finish();
}

Comparisons read_rankings_jsonl_text(std::string_view text, const std::string& name, const ComparisonsReadOptions& options) {
  LineSource src(text, name);
  ComparisonsBuilder b(options);
  parse_rankings(src, b);
  return b.finish();
}

}  // namespace prefero
