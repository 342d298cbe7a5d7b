// The JSON line scan (io/json_line_scan; each compiled kernel) against simdjson's DOM parser as the oracle, on random
// valid lines with nested values, escapes, duplicate keys, odd whitespace and look-alike keys:
// whenever the scan answers, its values are the DOM's top-level string values, and every plain
// line (no backslash, wanted keys holding strings) is answered. Lines that are not one object
// are never answered. Then the JSONL battles reader, whose workers own the lines that start in
// their 16 MB segment: lines starting exactly on a segment boundary, ending on it, longer than
// a read window, blank, CRLF, without a final newline, after a byte order mark — counted once
// each for 1, 2 and 3 threads, against tallies kept while generating.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <map>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "io/json_line_scan.hpp"
#include "io/read_comparisons.hpp"

namespace prefero {
namespace {

using io_detail::LineFields;
using io_detail::LineKeys;
using io_detail::LineScan;

const std::vector<std::string> kWanted = {"model_a", "model_b", "winner", "weight", "count", "judge", "voter", "worker"};

// A random JSON value; `plain` turns false when it holds a backslash.
std::string random_value(std::mt19937_64& g, int depth, bool& plain);

std::string random_string(std::mt19937_64& g, bool& plain) {
  static const char* pieces[] = {"gpt-4", "claude", ":", ",", "{", "}", "[", "]", " ", "model_a", "\\\"model_b\\\":", "model_b:",
                                 "é", "日本", "x", "tie (bothbad)", "\\\"", "\\\\", "\\n", "\\u0041", "\\/"};
  std::string s = "\"";
  int n = static_cast<int>(g() % 6);
  for (int i = 0; i < n; ++i) {
    const char* p = pieces[g() % (sizeof(pieces) / sizeof(pieces[0]))];
    if (std::string(p).find('\\') != std::string::npos) plain = false;
    s += p;
  }
  return s + "\"";
}

std::string space(std::mt19937_64& g) {
  static const char* ws[] = {"", "", "", " ", " ", "\t", "  "};
  return ws[g() % 7];
}

std::string random_object(std::mt19937_64& g, int depth, bool& plain, bool top);

std::string random_value(std::mt19937_64& g, int depth, bool& plain) {
  switch (g() % (depth < 3 ? 8 : 5)) {
    case 0: case 1: return random_string(g, plain);
    case 2: return std::to_string(static_cast<int64_t>(g() % 2000) - 1000);
    case 3: return "1.5e3";
    case 4: return g() % 2 ? "true" : "null";
    case 5: case 6: return random_object(g, depth + 1, plain, false);
    default: {
      std::string a = "[" + space(g);
      int n = static_cast<int>(g() % 3);
      for (int i = 0; i < n; ++i) a += (i ? "," + space(g) : "") + random_value(g, depth + 1, plain);
      return a + space(g) + "]";
    }
  }
}

// An object; at the top, `wanted` keys get string values most of the time.
std::string random_object(std::mt19937_64& g, int depth, bool& plain, bool top) {
  static const char* other[] = {"tstamp", "question_id", "model_a ", "Model_a", "model_ab", "m", "conv", "winner2", ""};
  std::string o = "{" + space(g);
  int n = static_cast<int>(g() % 7);
  for (int i = 0; i < n; ++i) {
    std::string key;
    if (g() % 2) key = kWanted[g() % (top ? 3 : kWanted.size())];  // weight/count/voters: rarer at the top
    else if (g() % 8 == 0) key = kWanted[3 + g() % 5];
    else key = other[g() % 9];
    if (g() % 40 == 0) key = "model\\u005fa", plain = false;  // an escaped key: model_a to a parser
    std::string value = g() % 5 == 0 ? random_value(g, depth, plain) : random_string(g, plain);
    o += (i ? "," + space(g) : "") + "\"" + key + "\"" + space(g) + ":" + space(g) + value;
  }
  return o + space(g) + "}";
}

// The oracle: each wanted key's last top-level value, if a string; `strings` false when some
// occurrence of a wanted key is not a string.
struct Expected {
  std::vector<std::string> value;
  std::vector<bool> present;
  bool strings = true;
};

bool dom_fields(simdjson::dom::parser& parser, const std::string& line, Expected& e) {
  simdjson::dom::element doc;
  if (parser.parse(line).get(doc)) return false;
  simdjson::dom::object obj;
  if (doc.get_object().get(obj)) return false;
  e.value.assign(kWanted.size(), "");
  e.present.assign(kWanted.size(), false);
  for (auto field : obj)
    for (size_t k = 0; k < kWanted.size(); ++k)
      if (field.key == kWanted[k]) {
        std::string_view s;
        if (field.value.get_string().get(s)) e.strings = false;
        e.value[k] = std::string(s);
        e.present[k] = true;
      }
  return true;
}

// The values point into `buf`, which must outlive them.
LineScan scan(const std::string& line, LineFields& f, std::string& buf,
              io_detail::ScanKernel kernel = io_detail::ScanKernel::portable) {
  static const LineKeys keys(kWanted);
  buf = line + "\n" + std::string(64, ' ');
  const char *end, *next;
  LineScan r = io_detail::scan_json_line_with(kernel, buf.data(), keys, f, end, next);
  EXPECT_EQ(end - buf.data(), static_cast<std::ptrdiff_t>(line.size()));
  EXPECT_EQ(next - buf.data(), static_cast<std::ptrdiff_t>(line.size() + 1));
  return r;
}

class JsonLineScanKernel : public testing::TestWithParam<io_detail::ScanKernel> {};

TEST_P(JsonLineScanKernel, AgreesWithTheDomParserOnRandomLines) {
  if (!io_detail::scan_kernel_runs(GetParam())) GTEST_SKIP() << "this CPU lacks the instructions";
  std::mt19937_64 g(20261127);
  simdjson::dom::parser parser;
  int answered = 0, plain_lines = 0;
  for (int t = 0; t < 20000; ++t) {
    bool plain = true;
    std::string line = space(g) + random_object(g, 0, plain, true) + space(g) + (g() % 10 == 0 ? "\r" : "");
    Expected e;
    ASSERT_TRUE(dom_fields(parser, line, e)) << "the generator wrote invalid JSON: " << line;
    LineFields f;
    std::string buf;
    LineScan r = scan(line, f, buf, GetParam());
    ASSERT_NE(r, LineScan::blank) << line;
    if (plain && e.strings && line.size() < 4000) {
      ++plain_lines;
      EXPECT_EQ(r, LineScan::fields) << "a plain line was deferred: " << line;
    }
    if (r != LineScan::fields) continue;
    ++answered;
    for (size_t k = 0; k < kWanted.size(); ++k) {
      ASSERT_EQ(f.value[k].data() != nullptr, e.present[k]) << kWanted[k] << " in " << line;
      if (e.present[k]) {
        EXPECT_EQ(std::string(f.value[k]), e.value[k]) << kWanted[k] << " in " << line;
      }
    }
  }
  EXPECT_GT(plain_lines, 5000);
  EXPECT_GE(answered, plain_lines);
}

TEST_P(JsonLineScanKernel, LinesThatAreNotOneObjectAreNeverAnswered) {
  if (!io_detail::scan_kernel_runs(GetParam())) GTEST_SKIP() << "this CPU lacks the instructions";
  const char* bad[] = {
      R"({"model_a": "x"} {"model_b": "y"})", R"([{"model_a": "x"}])", R"(x{"model_a": "x"})",
      R"({"model_a": "x")",                   R"({"model_a": "x"}})",  R"({"model_a": "x})",
      R"("model_a")",                         R"({"model_a": "x"} y)", R"({"model_a": "x"]})",
      R"(})",                                 R"({"model_a": "x", "a": {"b": 1})",
      R"({"model_a": {"x": 1}})",             R"({"model_a": 5})",     R"({"model_a": ["x"]})",
  };
  LineFields f;
  std::string buf;
  auto k = GetParam();
  for (const char* line : bad) EXPECT_EQ(scan(line, f, buf, k), LineScan::defer) << line;
  EXPECT_EQ(scan("  \t\r", f, buf, k), LineScan::blank);
  EXPECT_EQ(scan("", f, buf, k), LineScan::blank);
  ASSERT_EQ(scan(R"({"a": {"model_a": "nested"}, "model_a": "top", "b": ["model_b", "x"]})", f, buf, k), LineScan::fields);
  EXPECT_EQ(f.value[0], "top");
  EXPECT_EQ(f.value[1].data(), nullptr);
}

std::string kernel_name(const testing::TestParamInfo<io_detail::ScanKernel>& p) {
  return p.param == io_detail::ScanKernel::avx512 ? "avx512" : p.param == io_detail::ScanKernel::avx2 ? "avx2" : "portable";
}

INSTANTIATE_TEST_SUITE_P(Kernels, JsonLineScanKernel,
                         testing::Values(io_detail::ScanKernel::portable, io_detail::ScanKernel::avx2,
                                         io_detail::ScanKernel::avx512),
                         kernel_name);

TEST(JsonLineScan, PlainJsonText) {
  EXPECT_TRUE(io_detail::plain_json_text("gpt-4o é 日本 😀"));
  EXPECT_FALSE(io_detail::plain_json_text("tab\there"));
  EXPECT_FALSE(io_detail::plain_json_text("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(io_detail::plain_json_text("\xED\xA0\x80"));      // a surrogate
  EXPECT_FALSE(io_detail::plain_json_text("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(io_detail::plain_json_text("\xE6\x97"));          // cut short
}

// ---- The reader's segments ----

using Key = std::tuple<std::string, std::string, int>;
constexpr size_t kSegment = size_t{1} << 24;  // the reader's segment size
const char* kWinners[4] = {"model_a", "model_b", "tie", "tie (bothbad)"};

struct Battles {
  std::string text;
  std::map<Key, double> tally;
  std::mt19937_64 g{7};
  std::string eol = "\n";

  // One battle; `pad` bytes of an ignored string field make it as long as needed.
  void add(size_t pad = 0) {
    int a = static_cast<int>(g() % 30), b = static_cast<int>((a + 1 + g() % 29) % 30), o = static_cast<int>(g() % 4);
    std::string ma = "m" + std::to_string(a), mb = "m" + std::to_string(b);
    text += R"({"model_a": ")" + ma + R"(", "model_b": ")" + mb + R"(", "winner": ")" + kWinners[o] + "\"";
    if (pad > 0) text += R"(, "pad": ")" + std::string(pad, 'p') + "\"";
    text += "}" + eol;
    tally[{ma, mb, o}] += 1;
  }
  size_t line_length(size_t pad) const {  // of add(pad) for the longest names and winner
    return std::string(R"x({"model_a": "m00", "model_b": "m00", "winner": "tie (bothbad)"})x").size() + eol.size() +
           (pad > 0 ? pad + std::string(R"(, "pad": "")").size() : 0);
  }
  // Battles until text.size() == target exactly (the last one padded).
  void fill_to(size_t target) {
    while (text.size() + 2 * line_length(0) + 40 < target) add();
    size_t before = text.size();
    std::string saved = text;
    auto tally_saved = tally;
    std::mt19937_64 g_saved = g;
    add(40);
    size_t pad = 40 + (target - text.size());  // the padded line's length is linear in pad
    text = saved, tally = tally_saved, g = g_saved;
    add(pad);
    ASSERT_EQ(text.size(), target) << before;
  }
};

void expect_counts(const Battles& b, const std::string& what) {
  for (int threads : {1, 2, 3}) {
    ComparisonsReadOptions o;
    o.threads = threads;
    Comparisons c = read_battles_jsonl_text(b.text, "seg.jsonl", o);
    std::map<Key, double> got;
    for (const PairRow& r : c.pairs)
      got[{c.models[static_cast<size_t>(r.a)], c.models[static_cast<size_t>(r.b)], static_cast<int>(r.outcome)}] += r.count;
    EXPECT_EQ(got, b.tally) << what << ", threads " << threads;
  }
}

TEST(JsonLineScan, ReaderSegmentsCountEveryLineOnce) {
  {
    Battles b;
    b.fill_to(kSegment);  // a line starts exactly at the boundary
    for (int i = 0; i < 100; ++i) b.add();
    expect_counts(b, "line starting on the boundary");
  }
  {
    Battles b;
    b.fill_to(kSegment + 1);  // the '\n' is the boundary's first byte
    for (int i = 0; i < 100; ++i) b.add();
    expect_counts(b, "newline on the boundary");
  }
  {
    Battles b;
    b.fill_to(kSegment - 1);
    b.text += "\n  \n";  // blank lines across the boundary
    for (int i = 0; i < 100; ++i) b.add();
    expect_counts(b, "blank lines on the boundary");
  }
  {
    Battles b;
    b.fill_to(kSegment - 200000);
    b.add(700000);  // longer than a read window, across the boundary
    for (int i = 0; i < 100; ++i) b.add();
    b.text.pop_back();  // no final newline
    expect_counts(b, "long line across the boundary, no final newline");
  }
  {
    Battles b;
    b.eol = "\r\n";
    b.text = "\xEF\xBB\xBF";
    b.fill_to(2 * kSegment + 12345);
    b.add();
    expect_counts(b, "CRLF, byte order mark, three segments");
  }
}

}  // namespace
}  // namespace prefero
