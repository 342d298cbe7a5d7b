// PrefLib reading of small hand-worked files, the writer's exact output, and write-then-read
// round trips on random profiles.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <sstream>

#include "core/error.hpp"
#include "io/read.hpp"
#include "io/write.hpp"
#include "preflib_test_util.hpp"

using namespace prefero;
using namespace prefero::test;

// Three alternatives; spacing varies on purpose; the 1,2,3 ballot appears twice (3 + 1 = 4 voters).
//   4 x 1 > 2 > 3        2 x 2 > {1,3}        1 x 3 (1 and 2 unranked)
// support_ranked (a over b, both ranked):  1>2: 4   2>1: 2   1>3: 4   3>1: 0   2>3: 4+2=6   3>2: 0
// support_tied_last adds the truncated voter's 3 over 1 and 3 over 2:  3>1: 1   3>2: 1
const char* kSmall =
    "#  FILE NAME:small.toi\n"
    "# DATA TYPE :   toi  \r\n"
    "#NUMBER ALTERNATIVES:3\n"
    "# number voters: 7\n"
    "# NUMBER UNIQUE ORDERS: 4\n"
    "# ALTERNATIVE NAME 1:  Ann Lee  \n"
    "# ALTERNATIVE NAME 3: Cy\n"
    "3: 1,2,3\n"
    "  2 :2 , { 1 ,3 }\r\n"
    "1:3\n"
    "1:\t1, 2, 3\n";

TEST(PreflibRead, HandWorkedPairwiseMatrix) {
  Profile p = read_preflib_text(kSmall, "small.toi", "toi");
  ASSERT_EQ(p.num_candidates(), 3);
  EXPECT_EQ(p.name(0), "Ann Lee");
  EXPECT_EQ(p.name(1), "2");  // no ALTERNATIVE NAME 2: the id
  EXPECT_EQ(p.name(2), "Cy");
  EXPECT_EQ(p.num_voters, 7);
  EXPECT_EQ(p.num_ballots(), 3u);
  EXPECT_EQ(p.counts[0], 4);
  const auto& s = p.support_ranked;
  EXPECT_EQ(s(0, 1), 4);
  EXPECT_EQ(s(1, 0), 2);
  EXPECT_EQ(s(0, 2), 4);
  EXPECT_EQ(s(2, 0), 0);
  EXPECT_EQ(s(1, 2), 6);
  EXPECT_EQ(s(2, 1), 0);
  const auto& t = p.support_tied_last;
  EXPECT_EQ(t(2, 0), 1);
  EXPECT_EQ(t(2, 1), 1);
  EXPECT_EQ(t(0, 1), 4);
  EXPECT_EQ(t(1, 2), 6);
  EXPECT_EQ(p.meta("FILE NAME"), "small.toi");
  EXPECT_EQ(p.meta("NUMBER VOTERS"), "7");  // keys are normalized to upper case
}

TEST(PreflibRead, StreamReaderTakesTheTypeFromTheHeader) {
  std::istringstream in(kSmall);
  Profile p = read_preflib(in, "small", "");
  EXPECT_EQ(p.num_voters, 7);
}

TEST(PreflibRead, OldFormatWithEmptyTieClassAndSplitBraces) {
  // Old approval data: 2-class toc; "{}" is an empty class (approved nobody).
  const char* text =
      "3\n1,Ann \n2, Bob\n3,Cy\n"
      "6,6,3\n"
      "3,{1,2},3\n"
      "2,{},{1,2,3}\n"
      "1,3,{ 1 , 2 }\n";
  Profile p = read_preflib_text(text, "old.toc", "toc");
  EXPECT_EQ(p.name(0), "Ann");
  EXPECT_EQ(p.name(1), "Bob");
  EXPECT_EQ(p.num_voters, 6);
  EXPECT_EQ(p.support_ranked(0, 2), 3);  // only the first line puts 1 over 3
  EXPECT_EQ(p.support_ranked(2, 0), 1);
  EXPECT_EQ(p.support_ranked(0, 1), 0);  // 1 and 2 always tied
}

TEST(PreflibRead, CategoricalLevelsAreCategoryIndices) {
  const char* text =
      "# DATA TYPE: cat\n# NUMBER ALTERNATIVES: 4\n# NUMBER VOTERS: 5\n# NUMBER UNIQUE PREFERENCES: 3\n"
      "# NUMBER CATEGORIES: 3\n# CATEGORY NAME 1: Yes\n# CATEGORY NAME 2: Maybe\n# CATEGORY NAME 3: No\n"
      "3: {1,2},3,{}\n1: {},{},{1,2,3,4}\n1: 4,{},2\n";
  Profile p = read_preflib_text(text, "x.cat", "cat");
  EXPECT_EQ(p.kind, BallotKind::categorical);
  EXPECT_EQ(p.category_names, (std::vector<std::string>{"Yes", "Maybe", "No"}));
  EXPECT_EQ(std::vector<int32_t>(p.ballot(0).begin(), p.ballot(0).end()), (std::vector<int32_t>{0, 0, 1, kUnranked}));
  EXPECT_EQ(std::vector<int32_t>(p.ballot(1).begin(), p.ballot(1).end()), (std::vector<int32_t>{2, 2, 2, 2}));
  EXPECT_EQ(std::vector<int32_t>(p.ballot(2).begin(), p.ballot(2).end()), (std::vector<int32_t>{kUnranked, 2, kUnranked, 0}));
}

TEST(PreflibWrite, ExactOutputForASmallProfile) {
  Candidates cs;
  cs.ids = {1, 2, 3};
  cs.names = {"Ann", "Bob", "Cy"};
  ProfileBuilder b(cs, BallotKind::ranking);
  b.add_tiers({{2}, {0, 1}}, 1);
  b.add_tiers({{0}, {1}}, 5);
  b.add_metadata("TITLE", "Tiny");
  b.add_metadata("OFFICIAL RESULTS", "Ann");
  std::ostringstream out;
  write_preflib(b.finish(), out);
  EXPECT_EQ(out.str(),
            "# FILE NAME: \n# TITLE: Tiny\n# DESCRIPTION: \n# DATA TYPE: toi\n# MODIFICATION TYPE: \n# RELATES TO: \n"
            "# RELATED FILES: \n# PUBLICATION DATE: \n# MODIFICATION DATE: \n# OFFICIAL RESULTS: Ann\n"
            "# NUMBER ALTERNATIVES: 3\n# NUMBER VOTERS: 6\n# NUMBER UNIQUE ORDERS: 2\n"
            "# ALTERNATIVE NAME 1: Ann\n# ALTERNATIVE NAME 2: Bob\n# ALTERNATIVE NAME 3: Cy\n"
            "5: 1,2\n1: 3,{1,2}\n");
}

TEST(PreflibWrite, MostRestrictiveDataType) {
  auto type_of = [](std::vector<std::vector<std::vector<Cand>>> ballots) {
    ProfileBuilder b(Candidates::numbered(3), BallotKind::ranking);
    for (const auto& t : ballots) b.add_tiers(t, 1);
    return preflib_data_type(b.finish());
  };
  EXPECT_EQ(type_of({{{0}, {1}, {2}}, {{2}, {1}, {0}}}), "soc");
  EXPECT_EQ(type_of({{{0}, {1}, {2}}, {{2}}}), "soi");
  EXPECT_EQ(type_of({{{0}, {1, 2}}}), "toc");
  EXPECT_EQ(type_of({{{0}, {1, 2}}, {{1}}}), "toi");
}

TEST(PreflibWrite, CategoricalRoundTripKeepsEmptyCategories) {
  ProfileBuilder b(Candidates::numbered(3), BallotKind::categorical);
  b.set_category_names({"Yes", "No"});
  b.add_levels(std::vector<int32_t>{1, 1, 1}, 2);  // approves nobody: "{},{1,2,3}"
  b.add_levels(std::vector<int32_t>{0, kUnranked, 1}, 1);
  Profile p = b.finish();
  std::ostringstream out;
  write_preflib(p, out);
  EXPECT_NE(out.str().find("2: {},{1,2,3}\n"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("1: 1,3\n"), std::string::npos) << out.str();
  expect_same_profile(p, read_preflib_text(out.str(), "rt.cat", "cat"), "cat round trip");
}

TEST(PreflibWrite, ScoreProfilesHaveNoPreflibType) {
  ProfileBuilder b(Candidates::numbered(2), BallotKind::scores);
  b.add_grades(std::vector<int64_t>{3, 1}, 1);
  EXPECT_THROW(preflib_data_type(b.finish()), InputError);
}

// Random weak, truncated or categorical ballots: writing then reading gives the same election.
RC_GTEST_PROP(PreflibRoundTrip, WriteThenReadGivesTheSameProfile, ()) {
  const int m = *rc::gen::inRange(1, 7);
  const bool categorical = *rc::gen::arbitrary<bool>();
  const int levels = categorical ? *rc::gen::inRange(1, 4) : m;
  ProfileBuilder b(Candidates::numbered(m), categorical ? BallotKind::categorical : BallotKind::ranking);
  if (categorical) {
    std::vector<std::string> names;
    for (int i = 0; i < levels; ++i) names.push_back("cat " + std::to_string(i));
    b.set_category_names(names);
  }
  const int n = *rc::gen::inRange(1, 12);
  for (int v = 0; v < n; ++v) {
    auto lv = *rc::gen::container<std::vector<int32_t>>(static_cast<size_t>(m), rc::gen::inRange(-1, levels));
    b.add_levels(lv, *rc::gen::inRange<int64_t>(1, 1000));
  }
  Profile p = b.finish();
  std::ostringstream out;
  write_preflib(p, out);
  Profile q = read_preflib_text(out.str(), "roundtrip", preflib_data_type(p));
  RC_ASSERT(ballots_by_id(p) == ballots_by_id(q));
  RC_ASSERT(p.support_ranked == q.support_ranked);
  RC_ASSERT(p.support_tied_last == q.support_tied_last);
  RC_ASSERT(p.num_voters == q.num_voters);
  RC_ASSERT(p.category_names == q.category_names);
  RC_ASSERT(names_by_id(p) == names_by_id(q));
}
