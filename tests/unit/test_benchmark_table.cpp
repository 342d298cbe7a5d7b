// Benchmark score-table readers: format, directions, missing cells, errors at file:line:column.
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "core/error.hpp"
#include "io/benchmark_table.hpp"

using namespace prefero;

namespace {
ScoreTable parse(const std::string& text, const BenchmarkTableOptions& o = {}) {
  std::istringstream in(text);
  return read_score_table(in, "t.csv", o);
}
std::string error_of(const std::string& text, bool instances = false) {
  std::istringstream in(text);
  try {
    if (instances) read_instance_table(in, "t.csv");
    else read_score_table(in, "t.csv");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}
}  // namespace

TEST(BenchmarkTable, DirectionRowMissingCellsAndOrientation) {
  ScoreTable t = parse(
      "# a comment\n"
      "system,MNLI,WER,overall\n"
      "@direction,higher,lower,ignore\n"
      "bert,84.6,12.5,1\n"
      "\n"
      "\"roberta, large\",NA,9.5,2\n");
  ASSERT_EQ(t.systems, (std::vector<std::string>{"bert", "roberta, large"}));
  ASSERT_EQ(t.tasks, (std::vector<std::string>{"MNLI", "WER"}));
  EXPECT_EQ(t.lower_is_better, (std::vector<bool>{false, true}));
  EXPECT_DOUBLE_EQ(t.scores[0][0], 84.6);
  EXPECT_TRUE(std::isnan(t.scores[0][1]));
  EXPECT_DOUBLE_EQ(t.scores[1][0], -12.5);  // lower is better: negated
  EXPECT_DOUBLE_EQ(t.scores[1][1], -9.5);
}

TEST(BenchmarkTable, OptionsExcludeAndLower) {
  BenchmarkTableOptions o;
  o.exclude = {"overall"};
  o.lower_is_better = {"b"};
  ScoreTable t = parse("system,overall,a,b\nx,1,2,3\n", o);
  ASSERT_EQ(t.tasks, (std::vector<std::string>{"a", "b"}));
  EXPECT_DOUBLE_EQ(t.scores[1][0], -3);
  o.exclude = {"nope"};
  EXPECT_THROW(parse("system,a\nx,1\n", o), InputError);
}

TEST(BenchmarkTable, ErrorsNameLineAndColumn) {
  EXPECT_EQ(error_of("system,a,b\nx,1,zz\n"),
            "t.csv:2:5: expected a score (a finite number, or empty / NA for a missing score), found 'zz'");
  EXPECT_EQ(error_of("system,a,b\nx,1,2\nx,3,4\n"), "t.csv:3:1: system 'x' appears twice");
  EXPECT_EQ(error_of("system,a,b\nx,1\n"), "t.csv:2:4: expected 3 cells, found 2");
  EXPECT_EQ(error_of("system,a,b\nx,1,2,3\n"), "t.csv:2:7: expected 3 cells, found 4");
  EXPECT_EQ(error_of("system,a,a\n"), "t.csv:1:10: task 'a' appears twice in the header");
  EXPECT_EQ(error_of("system,a\n@direction,up\n"), "t.csv:2:12: expected a direction (higher, lower or ignore), found 'up'");
  EXPECT_EQ(error_of("system,a\nx,\"1\n"), "t.csv:2:3: unterminated quoted cell");
  EXPECT_EQ(error_of("system,a\nx,inf\n"),
            "t.csv:2:3: expected a score (a finite number, or empty / NA for a missing score), found 'inf'");
  EXPECT_NE(error_of(""), "no error");
  EXPECT_NE(error_of("system,a\n"), "no error");
}

TEST(BenchmarkTable, InstanceLevelDenseWithAbsentRows) {
  std::istringstream in(
      "doc,sys,H:score,TER\n"
      "@direction,,higher,lower\n"
      "d1,A,3,0.5\n"
      "d1,B,2,0.2\n"
      "d2,A,1,\n");
  BenchmarkTableOptions o;
  o.system_column = "sys";
  o.instance_column = "doc";
  InstanceTable t = read_instance_table(in, "i.csv", o);
  EXPECT_EQ(t.systems, (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(t.instances, (std::vector<std::string>{"d1", "d2"}));
  EXPECT_EQ(t.tasks, (std::vector<std::string>{"H:score", "TER"}));
  EXPECT_DOUBLE_EQ(t.scores[0][0][1], 2);
  EXPECT_DOUBLE_EQ(t.scores[1][0][1], -0.2);
  EXPECT_TRUE(std::isnan(t.scores[0][1][1]));  // no row (B, d2)
  EXPECT_TRUE(std::isnan(t.scores[1][1][0]));  // empty cell
  EXPECT_EQ(error_of("s,i,m\nA,1,2\nA,1,3\n", true), "t.csv:3:3: system 'A' has two rows for instance '1'");
  EXPECT_EQ(error_of("s,i\nA,1\n", true),
            "t.csv:1:1: the header needs a system column, an instance column and at least one metric");
}
