// Readers of battles (JSONL, CSV), pair counts (leaderbot JSON) and K-wise rankings: content,
// compression into unique rows, file order on request, and file:line:column errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <unistd.h>

#include "core/error.hpp"
#include "io/line_source.hpp"
#include "io/read_comparisons.hpp"

namespace prefero {
namespace {

double total(const Comparisons& c) {
  double t = 0;
  for (const auto& r : c.pairs) t += r.count;
  return t;
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(ReadBattles, JsonlCompressesIntoUniqueRows) {
  std::string text =
      "{\"question_id\": 1, \"model_a\": \"gpt\", \"model_b\": \"llama\", \"winner\": \"model_a\", \"judge\": \"u1\", \"tstamp\": 1.5}\n"
      "\n"
      "{\"model_a\": \"gpt\", \"model_b\": \"llama\", \"winner\": \"model_a\"}\r\n"
      "{\"model_a\": \"llama\", \"model_b\": \"gpt\", \"winner\": \"tie (bothbad)\", \"conv\": {\"x\": [1,2]}}\n"
      "{\"model_b\": \"claude\", \"winner\": \"tie\", \"model_a\": \"gpt\"}";
  Comparisons c = read_battles_jsonl_text(text, "t.jsonl");
  ASSERT_EQ(c.models, (std::vector<std::string>{"gpt", "llama", "claude"}));
  ASSERT_EQ(c.pairs.size(), 3u);
  EXPECT_EQ(c.pairs[0].a, 0);
  EXPECT_EQ(c.pairs[0].outcome, Outcome::a_wins);
  EXPECT_EQ(c.pairs[0].count, 2);
  EXPECT_EQ(c.pairs[1].outcome, Outcome::tie_bothbad);
  EXPECT_EQ(c.pairs[2].b, 2);
  ComparisonsReadOptions keep;
  keep.keep_order = true;
  Comparisons o = read_battles_jsonl_text(text, "t.jsonl", keep);
  EXPECT_EQ(o.pairs.size(), 4u);
  EXPECT_EQ(total(o), 4);
}

TEST(ReadBattles, JsonlErrorsNameLineAndColumn) {
  EXPECT_EQ(error_of([] { read_battles_jsonl_text("{\"model_a\":\"a\",\"model_b\":\"b\",\"winner\":\"model_a\"}\n"
                                                  "{\"model_a\":\"a\",\"model_b\":\"b\",\"winner\":\"A>B\"}\n", "f.jsonl"); }),
            "f.jsonl:2:30: winner 'A>B' is not one of model_a, model_b, tie, tie (bothbad)");
  EXPECT_NE(error_of([] { read_battles_jsonl_text("{\"model_a\":\"a\"}\n", "f.jsonl"); }).find("f.jsonl:1:1: missing field 'model_b'"),
            std::string::npos);
  EXPECT_NE(error_of([] { read_battles_jsonl_text("{\"model_a\":\"a\",\n", "f.jsonl"); }).find("f.jsonl:1:"), std::string::npos);
  EXPECT_NE(error_of([] { read_battles_jsonl_text("[1,2]\n", "f.jsonl"); }).find("expected a JSON object"), std::string::npos);
  EXPECT_NE(error_of([] { read_battles_jsonl_text("{\"model_a\":\"a\",\"model_b\":\"a\",\"winner\":\"tie\"}", "f"); }).find("itself"),
            std::string::npos);
}

TEST(ReadBattles, JsonlCovariates) {
  ComparisonsReadOptions opt;
  opt.covariates = {"len"};
  std::string text = "{\"model_a\":\"a\",\"model_b\":\"b\",\"winner\":\"model_a\",\"len\":0.5}\n"
                     "{\"model_a\":\"a\",\"model_b\":\"b\",\"winner\":\"model_a\",\"len\":0.5}\n"
                     "{\"model_a\":\"a\",\"model_b\":\"b\",\"winner\":\"model_a\",\"len\":-2}\n";
  Comparisons c = read_battles_jsonl_text(text, "c.jsonl", opt);
  ASSERT_EQ(c.pairs.size(), 2u);
  EXPECT_EQ(c.covariates.size(), 2u);
  EXPECT_EQ(c.pairs[0].count, 2);
  EXPECT_EQ(c.covariates[static_cast<size_t>(c.pairs[1].covariates)][0], -2);
  EXPECT_NE(error_of([&] { read_battles_jsonl_text("{\"model_a\":\"a\",\"model_b\":\"b\",\"winner\":\"tie\"}", "c", opt); })
                .find("missing covariate 'len'"),
            std::string::npos);
}

TEST(ReadBattles, CsvFastChatAndEvalicaColumns) {
  Comparisons c = read_battles_csv_text("model_a,model_b,winner,judge\nx,y,model_a,u\n\"y, the second\",x,tie,v\n", "b.csv");
  ASSERT_EQ(c.models, (std::vector<std::string>{"x", "y", "y, the second"}));
  EXPECT_EQ(c.pairs.size(), 2u);
  Comparisons e = read_battles_csv_text("id,left,right,winner\n1,a,b,left\n2,b,a,right\n3,a,b,tie\n", "e.csv");
  ASSERT_EQ(e.pairs.size(), 3u);
  EXPECT_EQ(e.pairs[1].outcome, Outcome::b_wins);
  EXPECT_EQ(error_of([] { read_battles_csv_text("left,right,winner\na,b,left\na,b,up\n", "e.csv"); }),
            "e.csv:3:5: winner 'up' is not one of model_a, model_b, tie, tie (bothbad) (or left, right)");
  EXPECT_NE(error_of([] { read_battles_csv_text("a,b,c\n", "e.csv"); }).find("e.csv:1:1: the header must name"), std::string::npos);
  EXPECT_NE(error_of([] { read_battles_csv_text("left,right,winner\na,b\n", "e.csv"); }).find("e.csv:2:1: expected 3 fields"),
            std::string::npos);
}

TEST(ReadPairCounts, LeaderbotFormat) {
  std::string text = R"({"models": ["a", "b", "c"], "X": [[0, 1], [1, 2]], "Y": [[3, 1, 0, 2], [0, 5, 1, 1]]})";
  Comparisons c = read_pair_counts_json_text(text, "p.json");
  EXPECT_EQ(c.models.size(), 3u);
  EXPECT_EQ(c.pairs.size(), 6u);  // zero counts dropped
  EXPECT_EQ(total(c), 13);
  EXPECT_NE(error_of([] { read_pair_counts_json_text(R"({"models": ["a"], "X": [[0, 1]], "Y": [[1,1,1,1]]})", "p.json"); })
                .find("indices must be distinct and below 1"),
            std::string::npos);
  EXPECT_NE(error_of([] { read_pair_counts_json_text("{\n  \"models\": [,]}", "p.json"); }).find("p.json:2:"), std::string::npos);
}

TEST(ReadRankings, KwiseJsonl) {
  Comparisons c = read_rankings_jsonl_text(
      "{\"ranking\": [[\"a\"], [\"b\", \"c\"], [\"d\"]]}\n{\"ranking\": [\"d\", \"a\"], \"count\": 3}\n", "r.jsonl");
  ASSERT_EQ(c.rankings.size(), 2u);
  EXPECT_EQ(c.rankings[0].tiers.size(), 3u);
  EXPECT_EQ(c.rankings[0].tiers[1], (std::vector<int>{1, 2}));
  EXPECT_EQ(c.rankings[1].count, 3);
  EXPECT_EQ(c.rankings[1].tiers[0], (std::vector<int>{3}));
  EXPECT_NE(error_of([] { read_rankings_jsonl_text("{\"ranking\": [[\"a\"]]}\n", "r"); }).find("r:1:1: a ranking must compare"),
            std::string::npos);
  EXPECT_NE(error_of([] { read_rankings_jsonl_text("{\"ranking\": [[\"a\"], [\"a\"]]}\n", "r"); }).find("twice"),
            std::string::npos);
}

TEST(ReadComparisons, DispatchesByExtensionAndContent) {
  auto dir = std::filesystem::temp_directory_path() / ("prefero-rc-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  };
  EXPECT_EQ(read_comparisons(write("a.jsonl", "{\"model_a\":\"a\",\"model_b\":\"b\",\"winner\":\"tie\"}\n")).pairs.size(), 1u);
  EXPECT_EQ(read_comparisons(write("r.ndjson", "\n{\"ranking\": [\"a\", \"b\"]}\n")).rankings.size(), 1u);
  EXPECT_EQ(read_comparisons(write("b.csv", "left,right,winner\na,b,left\n")).pairs.size(), 1u);
  EXPECT_EQ(read_comparisons(write("p.json", R"({"models":["a","b"],"X":[[0,1]],"Y":[[1,2,0,0]]})")).pairs.size(), 2u);
  EXPECT_THROW(read_comparisons(write("x.txt", "")), InputError);
  EXPECT_THROW(read_comparisons((dir / "missing.jsonl").string()), InputError);
  std::string big;
  for (int i = 0; i < 5000; ++i) big += "{\"model_a\":\"m" + std::to_string(i % 7) + "\",\"model_b\":\"z\",\"winner\":\"model_b\"}\n";
  Comparisons c = read_comparisons(write("big.jsonl", big));
  EXPECT_EQ(c.pairs.size(), 7u);
  EXPECT_EQ(total(c), 5000);
  // Chunks smaller than a line: lines crossing chunk boundaries are reassembled, numbered right.
  io_detail::LineSource src(write("big2.jsonl", big + "last"), 16);
  std::string_view line;
  int n = 0;
  while (src.next(line)) {
    ++n;
    if (n <= 5000) {
      ASSERT_EQ(line.substr(0, 14), "{\"model_a\":\"m" + std::to_string((n - 1) % 7)) << n;
    }
    ASSERT_GE(src.capacity_after(line), line.size() + io_detail::kLinePadding);
  }
  EXPECT_EQ(n, 5001);
  EXPECT_EQ(line, "last");
  EXPECT_EQ(src.line_number(), 5001);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace prefero
