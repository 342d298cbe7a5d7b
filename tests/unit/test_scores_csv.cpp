// The scores CSV reader: grades, counts, quoting, and located errors for every bad cell.
#include <gtest/gtest.h>

#include <sstream>

#include "core/error.hpp"
#include "io/scores_csv.hpp"

using namespace prefero;

namespace {
Profile parse(const std::string& text) {
  std::istringstream in(text);
  return read_scores_csv(in, "votes.csv");
}
// The message of the InputError parsing `text` throws ("" if none).
std::string error_of(const std::string& text) {
  try {
    parse(text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST(ScoresCsv, ReadsGradesCountsAndMissingCells) {
  auto p = parse("count,Memphis,Nashville,Chattanooga\r\n42,5,2,\r\n\r\n26,0,5,3\r\n42,5,2,\r\n");
  EXPECT_EQ(p.kind, BallotKind::scores);
  ASSERT_EQ(p.num_candidates(), 3);
  EXPECT_EQ(p.name(1), "Nashville");
  EXPECT_EQ(p.id(0), 1);
  EXPECT_EQ(p.num_voters, 110);
  ASSERT_EQ(p.num_ballots(), 2u);
  EXPECT_EQ(p.counts[0], 84);
  EXPECT_EQ(p.ballot_grades(0)[2], kNoGrade);
  EXPECT_EQ(p.ballot_grades(1)[1], 5);
  // levels: the weak order of the grades, unranked where not graded
  EXPECT_EQ(p.ballot(0)[0], 0);
  EXPECT_EQ(p.ballot(0)[1], 1);
  EXPECT_EQ(p.ballot(0)[2], kUnranked);
}

TEST(ScoresCsv, NoCountColumnMeansOneVoterPerRow) {
  auto p = parse("A,B\n1,-2\n+3, 4 \n");
  EXPECT_EQ(p.num_voters, 2);
  EXPECT_EQ(p.ballot_grades(0)[1], -2);
  EXPECT_EQ(p.ballot_grades(1)[0], 3);
}

TEST(ScoresCsv, QuotedNamesAndWeightColumn) {
  auto p = parse("\xEF\xBB\xBFWeight,\"Smith, J.\",\"say \"\"hi\"\"\"\n3,1,0\n");
  EXPECT_EQ(p.name(0), "Smith, J.");
  EXPECT_EQ(p.name(1), "say \"hi\"");
  EXPECT_EQ(p.num_voters, 3);
}

TEST(ScoresCsv, ErrorsNameFileLineAndColumn) {
  EXPECT_EQ(error_of("A,B\n1,x\n"), "votes.csv:2:3: grade must be an integer, got 'x'");
  EXPECT_EQ(error_of("A,B\n1,2.5\n"), "votes.csv:2:3: grade must be an integer, got '2.5'");
  EXPECT_EQ(error_of("count,A\n-1,2\n"), "votes.csv:2:1: a count cannot be negative");
  EXPECT_EQ(error_of("count,A\n,2\n"), "votes.csv:2:1: count must be an integer, got ''");
  EXPECT_EQ(error_of("A,B\n1\n"), "votes.csv:2:2: expected 2 cells, found 1");
  EXPECT_EQ(error_of("A,B\n1,2,3\n"), "votes.csv:2:5: expected 2 cells, found 3");
  EXPECT_EQ(error_of("A,A\n"), "votes.csv:1:3: candidate 'A' appears twice in the header");
  EXPECT_EQ(error_of("A,,B\n"), "votes.csv:1:3: empty candidate name");
  EXPECT_EQ(error_of("\"A,B\n"), "votes.csv:1:1: unterminated quoted cell");
  EXPECT_EQ(error_of("\"A\"x,B\n"), "votes.csv:1:4: expected ',' or end of line after a quoted cell");
  EXPECT_EQ(error_of("A\n99999999999999999999\n"), "votes.csv:2:1: grade '99999999999999999999' is out of range");
  EXPECT_EQ(error_of(""), "votes.csv: empty file: expected a header row of candidate names");
  EXPECT_EQ(error_of("count\n"), "votes.csv:1: the header names no candidate");
}

#include <rapidcheck/gtest.h>

// Any text made of CSV-ish characters either parses or is an InputError; nothing else escapes.
RC_GTEST_PROP(ScoresCsv, ArbitraryTextParsesOrFailsCleanly, ()) {
  const std::string alphabet = ",\"0123456789-+ \n\rabAB\t";
  auto picks = *rc::gen::container<std::vector<size_t>>(rc::gen::inRange<size_t>(0, alphabet.size()));
  std::string text;
  for (size_t i : picks) text += alphabet[i];
  try {
    Profile p = parse(text);
    RC_ASSERT(p.num_candidates() > 0);
  } catch (const InputError&) {
  }
}
