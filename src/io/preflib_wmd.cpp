// PrefLib `wmd` reader (weighted matching data: a weighted directed graph over the
// alternatives, e.g. kidney exchange pools; dataset 00036). New format only: the usual
// `# KEY: value` header with NUMBER ALTERNATIVES and NUMBER EDGES, then `src,dst,weight` lines.
#include <unordered_map>

#include "core/error.hpp"
#include "io/preflib_header.hpp"
#include "io/weighted_digraph.hpp"

namespace prefero {

using io_detail::TextScanner;

namespace {

Cand read_endpoint(TextScanner& s, int m, std::string_view what) {
  s.skip_blanks();
  const char* at = s.pos();
  int64_t id = s.read_signed(what);
  if (id < 1 || id > m)
    s.fail_at(at, "unknown alternative id " + std::to_string(id) + " (the header declares alternatives 1.." +
                      std::to_string(m) + ")");
  return static_cast<Cand>(id - 1);
}

}  // namespace

WeightedDigraph read_preflib_wmd(std::string_view text, const std::string& name, const ReadLimits& limits) {
  TextScanner s(text, name);
  if (!s.next_line() || (s.line_is_blank() && s.rest_is_blank())) s.fail_whole_file("empty file (no header, no data)");
  if (s.line_is_blank()) s.fail_line("blank line before the header (PrefLib allows none)");
  if (io_detail::trim(s.line()).front() != '#')
    s.fail_line("expected a '# KEY: value' header line (wmd files exist only in the new PrefLib format)");
  bool has_data = false;
  io_detail::PreflibHeader h = io_detail::read_header(s, has_data);
  const std::string type = io_detail::header_data_type(h, "wmd");
  (void)type;
  WeightedDigraph g;
  g.candidates = io_detail::header_candidates(h, limits);
  g.metadata = io_detail::header_metadata(h);
  const int m = g.candidates.size();
  std::unordered_map<int64_t, int> line_of;  // (src, dst) -> line of its first appearance
  int64_t lines = 0;
  if (has_data) do {
      if (s.line_is_blank()) {
        if (s.rest_is_blank()) break;
        s.fail_line(lines == 0 ? "blank line between the header and the data (PrefLib allows none)"
                               : "blank line inside the data (PrefLib allows none)");
      }
      if (io_detail::trim(s.line()).front() == '#') s.fail_line("header line after the data began (headers go at the top)");
      s.skip_blanks();
      const char* at = s.pos();
      WeightedEdge e;
      e.src = read_endpoint(s, m, "the edge's source alternative id");
      s.expect(',', "',' after the source alternative");
      e.dst = read_endpoint(s, m, "the edge's target alternative id");
      s.expect(',', "',' after the target alternative");
      e.weight = s.read_number("the edge weight");
      s.expect_eol("end of line after 'source,target,weight'");
      auto [it, fresh] = line_of.emplace(static_cast<int64_t>(e.src) * m + e.dst, s.line_number());
      if (!fresh)
        s.fail_at(at, "edge " + std::to_string(e.src + 1) + " -> " + std::to_string(e.dst + 1) +
                          " appears twice (first on line " + std::to_string(it->second) + ")");
      g.edges.push_back(e);
      ++lines;
    } while (s.next_line());
  if (lines == 0 && h.count("NUMBER EDGES").value_or(-1) != 0)
    throw InputError(SourceLocation{name, s.line_number() + (has_data ? 0 : 1), 1},
                     "header but no data lines (expected 'source,target,weight' lines; a graph without edges must say "
                     "'# NUMBER EDGES: 0')");
  io_detail::check_header_count(h, "NUMBER EDGES", lines, "edge lines");
  return g;
}

WeightedDigraph read_weighted_digraph(const std::string& path) {
  return read_preflib_wmd(read_whole_file(path), path);
}

}  // namespace prefero
