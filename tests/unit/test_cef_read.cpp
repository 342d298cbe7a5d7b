// Condorcet Election Format reader: the spec's own valid and invalid examples
// (github.com/CondorcetVote/CondorcetElectionFormat, README "Examples") and the Tideman files.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "io/cef_read.hpp"

namespace prefero {
namespace {

Profile read(const std::string& text) {
  std::istringstream in(text);
  return read_cef(in, "t.cvotes");
}

// Total count of ballots equal to `tiers` (given as candidate names).
int64_t count_of(const Profile& p, const std::vector<std::vector<std::string>>& tiers) {
  int64_t n = 0;
  for (size_t b = 0; b < p.num_ballots(); ++b) {
    auto t = p.tiers(b);
    if (t.size() != tiers.size()) continue;
    bool same = true;
    for (size_t i = 0; i < t.size() && same; ++i) {
      std::vector<std::string> names;
      for (Cand c : t[i]) names.push_back(p.name(c));
      std::vector<std::string> want = tiers[i];
      std::sort(names.begin(), names.end());
      std::sort(want.begin(), want.end());
      same = names == want;
    }
    if (same) n += p.counts[b];
  }
  return n;
}

// Expects an InputError whose location is line:column.
void expect_error_at(const std::string& text, int line, int column, const std::string& fragment) {
  try {
    read(text);
    FAIL() << "no error for:\n" << text;
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().file, "t.cvotes");
    EXPECT_EQ(e.where().line, line) << e.what();
    EXPECT_EQ(e.where().column, column) << e.what();
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
  }
}

TEST(CefRead, SpecExampleWithTagsAndImplicitRanking) {
  Profile p = read(
      "# My beautiful election\n"
      "#/Candidates: Candidate A;Candidate B;Candidate C\n"
      "#/Implicit Ranking: true\n"
      "#/Weight allowed: true\n"
      "\n"
      "# Here the votes datas:\n"
      "Candidate A > Candidate B > Candidate C * 42\n"
      "julien@condorcet.vote , signature:55073db57b0a859911 || Candidate A > Candidate B > Candidate C # Same\n"
      "Candidate C > Candidate A = Candidate B ^7 * 8 # 8 votes with a weight of 7.\n"
      "Candidate B = Candidate A > Candidate C\n"
      "Candidate C\n"
      "Candidate B > Candidate C\n");
  ASSERT_EQ(p.num_candidates(), 3);
  EXPECT_EQ(p.name(0), "Candidate A");
  EXPECT_EQ(p.id(0), 1);
  EXPECT_EQ(p.id(2), 3);
  EXPECT_EQ(count_of(p, {{"Candidate A"}, {"Candidate B"}, {"Candidate C"}}), 43);
  EXPECT_EQ(count_of(p, {{"Candidate C"}, {"Candidate A", "Candidate B"}}), 56);  // weight 7 x 8 votes
  EXPECT_EQ(count_of(p, {{"Candidate A", "Candidate B"}, {"Candidate C"}}), 1);
  EXPECT_EQ(count_of(p, {{"Candidate C"}}), 1);
  EXPECT_EQ(count_of(p, {{"Candidate B"}, {"Candidate C"}}), 1);
  EXPECT_EQ(p.num_voters, 43 + 56 + 3);
  EXPECT_EQ(p.meta("Implicit Ranking"), "true");
  EXPECT_EQ(p.meta("Weight Allowed"), "true");
  // Implicit ranking: the votes "Candidate C" and "Candidate B > Candidate C" leave A unranked, so
  // they count C over A only when unranked candidates are tied last.
  EXPECT_EQ(p.support_tied_last(2, 0) - p.support_ranked(2, 0), 2);
}

TEST(CefRead, SpecExampleWithoutImplicitRankingIgnoresWeight) {
  Profile p = read(
      "# My beautiful election\n"
      "#/Candidates: Candidate A ; Candidate B ; Candidate C\n"
      "#/Implicit Ranking: false\n"
      "#/Weight allowed: false\n"
      "\n"
      "Candidate A > Candidate B > Candidate C ^7 *2 # weight disabled\n"
      "Candidate C>Candidate B\n"
      "/EMPTY/ * 2 # Two blanks\n"
      "Candidate B\n");
  EXPECT_EQ(p.meta("Implicit Ranking"), "false");
  EXPECT_EQ(count_of(p, {{"Candidate A"}, {"Candidate B"}, {"Candidate C"}}), 2);
  EXPECT_EQ(count_of(p, {{"Candidate C"}, {"Candidate B"}}), 1);
  EXPECT_EQ(count_of(p, {}), 2);
  EXPECT_EQ(count_of(p, {{"Candidate B"}}), 1);
  EXPECT_EQ(p.num_voters, 6);
  EXPECT_EQ(p.support_ranked(2, 1), 1);  // only "C > B"
  EXPECT_EQ(p.support_ranked(1, 2), 2);  // the two "A > B > C"
}

TEST(CefRead, EmptyRankingKeywordOfCondorcetPhp) {
  Profile p = read("#/Candidates: A ; B\nA > B\n/EMPTY_RANKING/ * 3\n");
  EXPECT_EQ(count_of(p, {}), 3);
  EXPECT_EQ(p.num_voters, 4);
}

TEST(CefRead, CandidatesFromVotesWhenNotDeclared) {
  Profile p = read("B > A\nC = A * 2\n");
  ASSERT_EQ(p.num_candidates(), 3);
  EXPECT_EQ(p.name(0), "B");
  EXPECT_EQ(p.name(1), "A");
  EXPECT_EQ(p.name(2), "C");
  EXPECT_EQ(count_of(p, {{"A", "C"}}), 2);
}

TEST(CefRead, UndeclaredCandidateIsIgnoredAndReported) {
  Profile p = read("#/Candidates: A ; B\nA > X > B\n");
  EXPECT_EQ(count_of(p, {{"A"}, {"B"}}), 1);
  ASSERT_TRUE(p.meta("Ignored Candidate Names").has_value());
  EXPECT_NE(p.meta("Ignored Candidate Names")->find("'X' at line 2"), std::string::npos);
}

TEST(CefRead, ParametersAreCaseInsensitiveAndKeepSeats) {
  Profile p = read("#/CANDIDATES: A;B\n#/number of seats: 7\n#/Custom Thing: x\nA\n");
  EXPECT_EQ(p.meta("Number of Seats"), "7");
  EXPECT_EQ(p.meta("Custom Thing"), "x");
  EXPECT_EQ(p.meta("Implicit Ranking"), "true");  // spec default
  EXPECT_EQ(p.meta("Weight Allowed"), "false");   // spec default
}

TEST(CefRead, SpecInvalidExamples) {
  // Candidate A present at first and third rank.
  expect_error_at("#/Candidates: Candidate A;Candidate B;Candidate C\n\nCandidate A > Candidate B > Candidate A\n", 3,
                  29, "appears twice");
  // Wrong order of quantifier and weight.
  expect_error_at("#/Candidates: A;B;C\nA > B * 8 ^7\n", 2, 11, "before the quantifier");
  // '<' is not allowed.
  expect_error_at("#/Candidates: A;B;C\nA < B > C\n", 2, 1, "unexpected character");
  // /EMPTY/ cannot be used as a rank.
  expect_error_at("#/Candidates: A;B;C;D\n#/Implicit Ranking: false\n\nA > B > /EMPTY/\n", 4, 9, "unexpected character");
}

TEST(CefRead, MalformedInputNamesLineAndColumn) {
  expect_error_at("#/Candidates: A;B\nA > B * x\n", 2, 9, "positive integer");
  expect_error_at("#/Candidates: A;B\nA > B * 0\n", 2, 9, "positive integer");
  expect_error_at("#/Candidates: A;B\nA > B ^-2\n", 2, 8, "positive integer");
  expect_error_at("#/Candidates: A;B\nA >  > B\n", 2, 4, "empty");
  expect_error_at("#/Candidates: A;B\nA > B\n#/Number of Seats: 2\n", 3, 1, "parameters must come first");
  expect_error_at("#/Candidates A;B\n", 1, 17, "expected ':'");
  expect_error_at("#/Candidates: A;;B\n", 1, 17, "empty candidate name");
  expect_error_at("#/Candidates: A;B;A\n", 1, 19, "listed twice");
  expect_error_at("#/Implicit Ranking: maybe\n", 1, 21, "true or false");
  expect_error_at("#/Number of Seats: 1\n#/number of seats: 2\n", 2, 3, "given twice");
  expect_error_at("#/Candidates: A;B\nA > B * 2 ^3\n", 2, 11, "before the quantifier");
  expect_error_at("# nothing\n", 0, 0, "no candidates");
}

// Found by fuzz_cef: counts beyond 2^63 - 1 are bad input, not a signed overflow.
TEST(CefRead, CountsPastInt64AreAnError) {
  expect_error_at("#/Candidates: A;B\n#/Weight allowed: true\nA > B ^4611686018427387904 * 2\n", 3, 1,
                  "more than 2^63 - 1");
  try {
    read("#/Candidates: A;B\nA > B * 9223372036854775807\nB > A * 1\n");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("the ballot counts add up to more than 2^63 - 1"), std::string::npos) << e.what();
  }
}

TEST(CefRead, WindowsLineEndings) {
  Profile p = read("#/Candidates: A ; B\r\nB > A * 2\r\n");
  EXPECT_EQ(p.name(1), "B");
  EXPECT_EQ(count_of(p, {{"B"}, {"A"}}), 2);
}

// The Tideman collection files: vote totals stated in their "# This election has N votes" line.
TEST(CefRead, TidemanCollectionFilesParse) {
  const std::string dir = std::string(PREFERO_SHARED_DIR) + "/refdata/condorcet_tideman/ConversionToCondorcetElectionFormat/";
  for (const char* e : {"A01", "A09", "D02", "D22"}) {
    std::string path = dir + e + ".cvotes";
    std::ifstream in(path);
    ASSERT_TRUE(in) << path;
    std::stringstream text;
    text << in.rdbuf();
    std::string s = text.str();
    size_t at = s.find("# This election has ");
    ASSERT_NE(at, std::string::npos) << path;
    int64_t stated = std::stoll(s.substr(at + 20));
    std::istringstream again(s);
    Profile p = read_cef(again, path);
    EXPECT_EQ(p.num_voters, stated) << path;
    EXPECT_EQ(p.meta("Implicit Ranking"), "true");
    EXPECT_FALSE(p.meta("Ignored Candidate Names").has_value()) << path;
  }
  std::ifstream in(dir + "A01.cvotes");
  Profile a01 = read_cef(in, "A01.cvotes");
  EXPECT_EQ(a01.num_candidates(), 10);
  EXPECT_EQ(a01.name(0), "Candidate  1");  // inner spaces kept, outer trimmed
  EXPECT_EQ(a01.meta("Number of Seats"), "3");
}

}  // namespace
}  // namespace prefero
