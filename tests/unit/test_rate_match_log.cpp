// The vote-log reader of `prefero match`: both formats, and errors with file:line.
#include <gtest/gtest.h>

#include <sstream>

#include "core/error.hpp"
#include "rate/match_log.hpp"

using namespace prefero;

namespace {

Comparisons read(const std::string& text) {
  std::istringstream in(text);
  return read_match_log(in, "t");
}

TEST(RateMatchLog, CsvBattles) {
  const auto c = read("left,right,winner\nx,y,left\ny,z,tie\nz,x,right\r\n");
  ASSERT_EQ(c.models, (std::vector<std::string>{"x", "y", "z"}));
  ASSERT_EQ(c.pairs.size(), 3u);
  EXPECT_EQ(c.pairs[0].outcome, Outcome::a_wins);
  EXPECT_EQ(c.pairs[1].outcome, Outcome::tie);
  EXPECT_EQ(c.pairs[2].outcome, Outcome::b_wins);
  EXPECT_EQ(c.pairs[2].a, 2);
}

TEST(RateMatchLog, JsonlBattlesAndRankings) {
  const auto c = read(
      "{\"model_a\": \"a\", \"model_b\": \"b\", \"winner\": \"tie (bothbad)\"}\n\n"
      "{\"ranking\": [[\"c\"], [\"a\", \"b\"], \"d\"]}\n");
  ASSERT_EQ(c.models.size(), 4u);
  EXPECT_EQ(c.pairs.at(0).outcome, Outcome::tie_bothbad);
  ASSERT_EQ(c.rankings.size(), 1u);
  EXPECT_EQ(c.rankings[0].tiers, (std::vector<std::vector<int>>{{2}, {0, 1}, {3}}));
}

TEST(RateMatchLog, ErrorsNameTheLine) {
  for (const char* bad : {"left,right\nx,x\n", "model_a,model_b,winner\nx,y,maybe\n", "a,b\nx,y\n",
                          "{\"model_a\": \"x\"}\n{oops\n", "{\"ranking\": [[\"a\"], [\"a\"]]}\n", "left,right\nx\n",
                          "{\"ranking\": \"a\"}\n", "left,right\n\"x\",y\n", ""}) {
    EXPECT_THROW(read(bad), InputError) << bad;
  }
  try {
    read("left,right,winner\nx,y,left\nx,y,sideways\n");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, 3);
  }
}

}  // namespace
