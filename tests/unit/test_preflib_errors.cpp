// Bad PrefLib input: one test per kind of mistake. Each checks that the InputError names the
// file, the line and the column (worked out by hand from the text) and says what was expected.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "io/read.hpp"
#include "io/weighted_digraph.hpp"

using namespace prefero;
using ::testing::HasSubstr;

namespace {

const std::string kHeader =  // lines 1..7
    "# FILE NAME: bad.soi\n"
    "# TITLE: test\n"
    "# DATA TYPE: soi\n"
    "# NUMBER ALTERNATIVES: 3\n"
    "# ALTERNATIVE NAME 1: Ann\n"
    "# ALTERNATIVE NAME 2: Bob\n"
    "# ALTERNATIVE NAME 3: Cy\n";

// Reads `text` as a file of data type `type`; a text built on kHeader gets that DATA TYPE.
InputError error_of(std::string text, const std::string& type = "soi", const std::string& name = "bad.soi",
                    const ReadLimits& limits = {}) {
  if (text.rfind(kHeader, 0) == 0 && !type.empty()) text.replace(text.find("DATA TYPE: soi") + 11, 3, type);
  try {
    read_preflib_text(text, name, type, limits);
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "no InputError for:\n" << text;
  return InputError("none");
}

void expect_at(const InputError& e, int line, int column, const std::string& fragment, const std::string& file = "bad.soi") {
  EXPECT_EQ(e.where().file, file) << e.what();
  EXPECT_EQ(e.where().line, line) << e.what();
  EXPECT_EQ(e.where().column, column) << e.what();
  EXPECT_THAT(e.what(), HasSubstr(file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": "));
  EXPECT_THAT(e.detail(), HasSubstr(fragment));
}

}  // namespace

TEST(PreflibErrors, MissingCount) { expect_at(error_of(kHeader + "2: 1,2\n: 1,2,3\n"), 9, 1, "expected a ballot count"); }

TEST(PreflibErrors, MissingColonAfterCount) {
  expect_at(error_of(kHeader + "2 1,2\n"), 8, 3, "expected ':' after the ballot count, found '1'");
}

TEST(PreflibErrors, NegativeCount) { expect_at(error_of(kHeader + "  -3: 1,2\n"), 8, 3, "negative"); }

TEST(PreflibErrors, NonNumericCount) { expect_at(error_of(kHeader + "x3: 1,2\n"), 8, 1, "found 'x3'"); }

TEST(PreflibErrors, CountWithTrailingLetters) { expect_at(error_of(kHeader + "3x: 1,2\n"), 8, 1, "a ballot count"); }

TEST(PreflibErrors, NonNumericAlternative) {
  expect_at(error_of(kHeader + "3: 1, b ,2\n"), 8, 7, "expected an alternative id (an integer), found 'b'");
}

TEST(PreflibErrors, UnknownAlternativeId) {
  expect_at(error_of(kHeader + "3: 1,2\n1: 3, 4\n"), 9, 7, "unknown alternative id 4 (the header declares alternatives 1..3)");
}

TEST(PreflibErrors, ZeroIsNotAnAlternative) { expect_at(error_of(kHeader + "3: 0,1\n"), 8, 4, "unknown alternative id 0"); }

TEST(PreflibErrors, AlternativeTwiceInOneBallot) {
  expect_at(error_of(kHeader + "3: 2,1,2\n"), 8, 8, "alternative 2 appears twice in this ballot (first at column 4)");
}

TEST(PreflibErrors, AlternativeTwiceInsideATie) {
  expect_at(error_of(kHeader + "3: {2,2},1\n", "toi"), 8, 7, "alternative 2 appears twice");
}

TEST(PreflibErrors, NumberVotersDisagrees) {
  const std::string text = kHeader + "# NUMBER VOTERS: 6\n" + "3: 1,2\n2: 2\n";
  expect_at(error_of(text), 8, 18, "NUMBER VOTERS says 6 but the file has 5 voters");
}

TEST(PreflibErrors, NumberUniqueOrdersDisagrees) {
  const std::string text = kHeader + "# NUMBER UNIQUE ORDERS:  3\n" + "3: 1,2\n2: 2\n";
  expect_at(error_of(text), 8, 26, "NUMBER UNIQUE ORDERS says 3 but the file has 2 ballot lines");
}

TEST(PreflibErrors, AlternativeNameBeyondNumberAlternatives) {
  expect_at(error_of(kHeader + "# ALTERNATIVE NAME 4: Dee\n3: 1\n"), 8, 1, "ALTERNATIVE NAME 4 is outside 1..3");
}

TEST(PreflibErrors, AlternativeNamedTwice) {
  expect_at(error_of(kHeader + "# ALTERNATIVE NAME 2: Bo\n3: 1\n"), 8, 1, "ALTERNATIVE NAME 2 given twice (first on line 6)");
}

TEST(PreflibErrors, NumberAlternativesDisagreesWithTheNames) {
  expect_at(error_of("# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 3\n# ALTERNATIVE NAME 1: A\n# ALTERNATIVE NAME 3: C\n1: 1\n"), 2,
            24, "NUMBER ALTERNATIVES says 3 but the header names 2 (no ALTERNATIVE NAME 2)");
}

TEST(PreflibErrors, NumberCategoriesDisagreesWithTheNames) {
  expect_at(error_of("# DATA TYPE: cat\n# NUMBER ALTERNATIVES: 2\n# NUMBER CATEGORIES: 3\n# CATEGORY NAME 1: Y\n"
                     "# CATEGORY NAME 2: N\n1: 1,2,{}\n",
                     "cat", "bad.cat"),
            3, 22, "NUMBER CATEGORIES says 3 but the header names 2 categories", "bad.cat");
}

TEST(PreflibErrors, NumberAlternativesNotANumber) {
  expect_at(error_of("# DATA TYPE: soi\n# NUMBER ALTERNATIVES: three\n1: 1\n"), 2, 24,
            "expected a non-negative integer for NUMBER ALTERNATIVES, found 'three'");
}

TEST(PreflibErrors, MissingNumberAlternatives) {
  expect_at(error_of("# DATA TYPE: soi\n# TITLE: x\n1: 1\n"), 3, 1, "missing header field '# NUMBER ALTERNATIVES: m'");
}

TEST(PreflibErrors, EmptyFile) {
  expect_at(error_of(""), 1, 1, "empty file");
  expect_at(error_of(" \n\n\t\n"), 1, 1, "empty file");
}

TEST(PreflibErrors, HeaderWithoutData) { expect_at(error_of(kHeader), 8, 1, "header but no data lines"); }

TEST(PreflibErrors, HeaderWithoutDataButTrailingBlankLines) {
  expect_at(error_of(kHeader + "\n \n"), 8, 1, "header but no data lines");
}

TEST(PreflibErrors, HeaderDeclaringNoVotersNeedsNoData) {
  Profile p = read_preflib_text(kHeader + "# NUMBER VOTERS: 0\n", "empty.soi", "soi");
  EXPECT_EQ(p.num_voters, 0);
  EXPECT_EQ(p.num_candidates(), 3);
}

TEST(PreflibErrors, BlankLineInsideData) {
  expect_at(error_of(kHeader + "3: 1,2\n\n2: 2\n"), 9, 1, "blank line inside the data");
}

TEST(PreflibErrors, BlankLineBetweenHeaderAndData) {
  expect_at(error_of(kHeader + "   \n3: 1,2\n"), 8, 1, "blank line between the header and the data");
}

TEST(PreflibErrors, TrailingBlankLinesAreFine) {
  Profile p = read_preflib_text(kHeader + "3: 1,2\n\n  \n", "ok.soi", "soi");
  EXPECT_EQ(p.num_voters, 3);
}

TEST(PreflibErrors, UnclosedBrace) {
  expect_at(error_of(kHeader + "3: 1,{2,3\n", "toi"), 8, 10, "expected ',' or '}' to close the '{' at column 6, found end of line");
}

TEST(PreflibErrors, UnopenedBrace) { expect_at(error_of(kHeader + "3: 1,2},3\n", "toi"), 8, 7, "'}' without a matching '{'"); }

TEST(PreflibErrors, NestedBraces) {
  expect_at(error_of(kHeader + "3: {1,{2}},3\n", "toi"), 8, 7, "'{' inside a '{...}' group");
}

TEST(PreflibErrors, TrailingComma) {
  expect_at(error_of(kHeader + "3: 1,2,\n"), 8, 8, "expected an alternative id or '{', found end of line");
}

TEST(PreflibErrors, DoubleComma) { expect_at(error_of(kHeader + "3: 1,,2\n"), 8, 6, "found ','"); }

TEST(PreflibErrors, TieInStrictFile) {
  expect_at(error_of(kHeader + "3: 1,{2,3}\n"), 8, 6, "tie in a strict-order file (data type soi");
}

TEST(PreflibErrors, IncompleteOrderInCompleteFile) {
  expect_at(error_of(kHeader + "3: 1,2,3\n2: 2,1\n", "soc", "bad.soc"), 9, 4,
            "ballot ranks 2 of 3 alternatives, but data type soc needs complete orders", "bad.soc");
}

TEST(PreflibErrors, HeaderLineAfterData) {
  expect_at(error_of(kHeader + "3: 1,2\n# NUMBER VOTERS: 3\n"), 9, 1, "header line after the data began");
}

TEST(PreflibErrors, DataTypeDisagreesWithExtension) {
  expect_at(error_of("# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 2\n3: 1,2\n", "toc"), 1, 14, "DATA TYPE 'soi' disagrees with the file extension '.toc'");
}

TEST(PreflibErrors, HeaderLineWithoutColon) { expect_at(error_of("# TITLE x\n1: 1\n"), 1, 2, "no ':' on this header line"); }

TEST(PreflibErrors, CountOverflow) {
  expect_at(error_of(kHeader + "9223372036854775807: 1\n1: 2\n"), 9, 1, "add up to more than 2^63 - 1");
  expect_at(error_of(kHeader + "99999999999999999999: 1\n"), 8, 1, "a ballot count is too large");
}

TEST(PreflibErrors, TooManyAlternativesForTheLimits) {
  ReadLimits small;
  small.max_alternatives = 50;
  expect_at(error_of("# NUMBER ALTERNATIVES: 51\n1: 1\n", "soi", "bad.soi", small), 1, 24,
            "NUMBER ALTERNATIVES is 51, more than this reader accepts (50)");
}

// --- categorical ---

const std::string kCatHeader =  // lines 1..7
    "# DATA TYPE: cat\n"
    "# NUMBER ALTERNATIVES: 3\n"
    "# NUMBER VOTERS: 5\n"
    "# NUMBER UNIQUE PREFERENCES: 2\n"
    "# NUMBER CATEGORIES: 2\n"
    "# CATEGORY NAME 1: Yes\n"
    "# CATEGORY NAME 2: No\n";

TEST(PreflibErrors, CatTooFewCategories) {
  expect_at(error_of(kCatHeader + "3: {1,2},3\n2: {1,2}\n", "cat", "bad.cat"), 9, 9,
            "expected ',' and category 2 of 2 (NUMBER CATEGORIES), found end of line", "bad.cat");
}

TEST(PreflibErrors, CatTooManyCategories) {
  expect_at(error_of(kCatHeader + "3: 1,2,3\n", "cat", "bad.cat"), 8, 7,
            "expected end of line after the 2 categories", "bad.cat");
}

TEST(PreflibErrors, CatAlternativeInTwoCategories) {
  expect_at(error_of(kCatHeader + "3: {1,2},{2,3}\n", "cat", "bad.cat"), 8, 11, "alternative 2 appears twice", "bad.cat");
}

TEST(PreflibErrors, CatCategoryNameOutOfRange) {
  expect_at(error_of(kCatHeader + "# CATEGORY NAME 3: Maybe\n3: 1,2\n", "cat", "bad.cat"), 8, 1,
            "CATEGORY NAME 3 is outside 1..2", "bad.cat");
}

TEST(PreflibErrors, CatMissingNumberCategories) {
  expect_at(error_of("# DATA TYPE: cat\n# NUMBER ALTERNATIVES: 2\n1: 1,2\n", "cat", "bad.cat"), 3, 1,
            "missing header field '# NUMBER CATEGORIES: k'", "bad.cat");
}

// --- old format ---

const std::string kOldHeader = "3\n1,Ann \n2,Bob\n3,Cy\n";  // lines 1..4, then `voters,sum,unique`

TEST(PreflibErrors, OldFormatVotersDisagree) {
  expect_at(error_of(kOldHeader + "6,5,2\n3,1,2\n2,2\n"), 5, 1, "the header says 6 voters but the file has 5");
}

TEST(PreflibErrors, OldFormatUniqueOrdersDisagree) {
  expect_at(error_of(kOldHeader + "5, 5, 3\n3,1,2\n2,2\n"), 5, 7, "3 unique orders (ballot lines) but the file has 2");
}

TEST(PreflibErrors, OldFormatUnknownAlternative) {
  expect_at(error_of(kOldHeader + "5,5,2\n3,1,2\n2,2,9\n"), 7, 5, "unknown alternative id 9");
}

TEST(PreflibErrors, OldFormatEndsEarly) {
  expect_at(error_of("3\n1,Ann\n2,Bob\n"), 4, 1, "file ends early: expected 'id,name' for alternative 3 of 3");
}

TEST(PreflibErrors, OldFormatAlternativeIdRepeated) {
  expect_at(error_of("2\n1,Ann\n1,Bob\n1,1,1\n1,1\n"), 3, 1, "alternative id 1 given twice (first on line 2)");
}

TEST(PreflibErrors, OldFormatGarbageFirstLine) {
  expect_at(error_of("hello\n"), 1, 1, "expected the number of alternatives (old PrefLib format) or a '# KEY: value' header");
}

TEST(PreflibErrors, OldFormatNeedsExtension) {
  expect_at(error_of(kOldHeader + "1,1,1\n1,1\n", ""), 1, 1, "needs its data type from the file extension");
}

// --- files ---

TEST(PreflibErrors, UnknownExtension) {
  try {
    read_profile("votes.xyz");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().file, "votes.xyz");
    EXPECT_THAT(e.detail(), HasSubstr("unknown file extension '.xyz' (expected .soc, .soi, .toc, .toi, .cat (PrefLib)"));
  }
}

TEST(PreflibErrors, UnreadableFile) {
  const std::string path = (std::filesystem::temp_directory_path() / "prefero-no-such-file.soi").string();
  try {
    read_profile(path);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().file, path);
    EXPECT_THAT(e.detail(), HasSubstr("cannot open file"));
  }
}

TEST(PreflibErrors, WmdIsNotAProfile) {
  try {
    read_profile("graph.wmd");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_THAT(e.detail(), HasSubstr("weighted graph"));
  }
}

TEST(PreflibErrors, ReadProfileReportsThePath) {
  const auto path = std::filesystem::temp_directory_path() / "prefero-test-bad-count.soi";
  {
    std::ofstream out(path);
    out << kHeader << "3: 1,2\nx: 1\n";
  }
  try {
    read_profile(path.string());
    FAIL();
  } catch (const InputError& e) {
    expect_at(e, 9, 1, "expected a ballot count", path.string());
  }
  std::filesystem::remove(path);
}

// --- wmd ---

const std::string kWmdHeader =  // lines 1..4
    "# DATA TYPE: wmd\n"
    "# NUMBER ALTERNATIVES: 3\n"
    "# NUMBER EDGES: 2\n"
    "# TITLE: kidney pool\n";

InputError wmd_error_of(const std::string& text) {
  try {
    read_preflib_wmd(text, "bad.wmd");
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "no InputError for:\n" << text;
  return InputError("none");
}

TEST(PreflibErrors, WmdBadWeight) {
  expect_at(wmd_error_of(kWmdHeader + "1,2,1.5\n2,3,heavy\n"), 6, 5, "expected the edge weight (a finite number), found 'heavy'",
            "bad.wmd");
}

TEST(PreflibErrors, WmdRepeatedEdge) {
  expect_at(wmd_error_of(kWmdHeader + "1,2,1.5\n1, 2,3\n"), 6, 1, "edge 1 -> 2 appears twice (first on line 5)", "bad.wmd");
}

TEST(PreflibErrors, WmdEdgeCountDisagrees) {
  expect_at(wmd_error_of(kWmdHeader + "1,2,1.5\n"), 3, 17, "NUMBER EDGES says 2 but the file has 1 edge lines", "bad.wmd");
}

TEST(PreflibErrors, WmdUnknownEndpoint) {
  expect_at(wmd_error_of(kWmdHeader + "1,2,1.5\n3,4,1\n"), 6, 3, "unknown alternative id 4", "bad.wmd");
}

TEST(PreflibWmd, ReadsEdgesAndNegativeWeights) {
  WeightedDigraph g = read_preflib_wmd(kWmdHeader + "1,2,1.5\n 3 , 1 , -2\n", "ok.wmd");
  ASSERT_EQ(g.edges.size(), 2u);
  EXPECT_EQ(g.candidates.names[1], "2");
  EXPECT_EQ(g.metadata.back(), (std::pair<std::string, std::string>{"TITLE", "kidney pool"}));
  EXPECT_EQ(g.edges[1].src, 2);
  EXPECT_EQ(g.edges[1].dst, 0);
  EXPECT_EQ(g.edges[1].weight, -2.0);
}
