// abcvoting's file-I/O examples (../shared/refdata/abcvoting/fileio_examples) that need the
// lenient PrefLib dialect or the Pabulib reader. Expected values: abcvoting's tests/test_fileio.py
// (approval-set sizes per top_ranks, voter and unique-ballot counts) and the files' own columns
// (Pabulib's PROJECTS `votes` column = approvals per project, META num_votes).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include "committee/approval_profile.hpp"
#include "core/error.hpp"
#include "io/pabulib.hpp"
#include "io/read.hpp"

namespace prefero {
namespace {

const std::string kDir = std::string(PREFERO_SHARED_DIR) + "/refdata/abcvoting/fileio_examples/";

// Approval-set sizes per voter, sorted (abcvoting's tests list them in voter order; our profile
// is anonymized, so the comparison is of the multiset).
std::vector<size_t> sizes(const Profile& p, int64_t top) {
  ApprovalProfile a = approval_profile(p, top);
  std::vector<size_t> out;
  for (size_t b = 0; b < a.size(); ++b)
    for (int64_t i = 0; i < a.weights[b]; ++i) out.push_back(a.approved[b].size());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<size_t> sorted(std::vector<size_t> v) {
  std::sort(v.begin(), v.end());
  return v;
}

void expect_located_error(const std::function<void()>& read, const std::string& what) {
  try {
    read();
    ADD_FAILURE() << what << ": expected an InputError";
  } catch (const InputError& e) {
    EXPECT_GT(e.where().line, 0) << what << ": " << e.what();
    EXPECT_GT(e.where().column, 0) << what << ": " << e.what();
  }
}

TEST(AbcFileio, NonStandardPreflibFilesNeedTheLenientDialect) {
  if (!std::filesystem::exists(kDir)) GTEST_SKIP() << "refdata missing";
  for (const char* f : {"test2.soi", "test3.toc", "test4.cat"})
    expect_located_error([&] { read_profile(kDir + "valid/" + f); }, f);
}

TEST(AbcFileio, LenientCountsMatchAbcvoting) {
  if (!std::filesystem::exists(kDir)) GTEST_SKIP() << "refdata missing";
  // test_readfile_and_weights: (file, voters, unique ballots)
  const std::vector<std::tuple<const char*, int64_t, size_t>> cases{
      {"test1.toi", 5, 4}, {"test2.soi", 5, 3}, {"test3.toc", 5, 5}, {"test4.cat", 5, 4}};
  for (const auto& [f, voters, unique] : cases) {
    Profile p = read_profile(kDir + "valid/" + f, PreflibDialect::lenient);
    EXPECT_EQ(p.num_voters, voters) << f;
    EXPECT_EQ(p.num_ballots(), unique) << f;
  }
}

TEST(AbcFileio, LenientTopRanksMatchAbcvoting) {
  if (!std::filesystem::exists(kDir)) GTEST_SKIP() << "refdata missing";
  // test_readfile_top_ranks_with_ties
  const std::map<int64_t, std::vector<size_t>> toi{
      {1, {1, 1, 1, 2, 1}}, {2, {2, 3, 3, 3, 2}}, {3, {3, 3, 3, 3, 3}}, {4, {3, 3, 3, 3, 4}}, {5, {3, 3, 3, 3, 4}}};
  const std::map<int64_t, std::vector<size_t>> cat{
      {1, {1, 1, 1, 3, 1}}, {2, {2, 1, 1, 3, 1}}, {3, {2, 1, 1, 3, 2}}, {4, {3, 1, 1, 3, 3}}};
  Profile p1 = read_profile(kDir + "valid/test1.toi", PreflibDialect::lenient);
  for (const auto& [top, want] : toi) EXPECT_EQ(sizes(p1, top), sorted(want)) << "test1.toi top " << top;
  Profile p4 = read_profile(kDir + "valid/test4.cat", PreflibDialect::lenient);
  for (const auto& [top, want] : cat) EXPECT_EQ(sizes(p4, top), sorted(want)) << "test4.cat top " << top;
  // test_readfile_numcats: with top_ranks=2 every voter of test2.soi and test3.toc approves 2
  for (const char* f : {"test2.soi", "test3.toc"})
    EXPECT_EQ(sizes(read_profile(kDir + "valid/" + f, PreflibDialect::lenient), 2), std::vector<size_t>(5, 2)) << f;
}

TEST(AbcFileio, LenientKeepsDeclaredIds) {
  if (!std::filesystem::exists(kDir)) GTEST_SKIP() << "refdata missing";
  // test3.toc names alternatives 1, 2, 3 and 6 (NUMBER ALTERNATIVES 4)
  Profile p = read_profile(kDir + "valid/test3.toc", PreflibDialect::lenient);
  ASSERT_EQ(p.num_candidates(), 4);
  EXPECT_EQ(p.candidates.ids, (std::vector<int64_t>{1, 2, 3, 6}));
  EXPECT_EQ(p.name(3), "d");
}

TEST(AbcFileio, LenientStillRejectsTheInvalidFiles) {
  if (!std::filesystem::exists(kDir)) GTEST_SKIP() << "refdata missing";
  for (const char* f : {"test1.toi", "test2.soi", "test3.toc", "test6.soi", "test7.toi", "test8.soi"})
    for (auto d : {PreflibDialect::strict, PreflibDialect::lenient})
      expect_located_error([&] { read_profile(kDir + "invalid/" + f, d); }, f);
}

TEST(AbcFileio, LenientRejectsBrokenLines) {
  const std::string head =
      "# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 3\n# NUMBER VOTERS: 1\n# NUMBER UNIQUE ORDERS: 1\n";
  for (const char* body : {"1: 1,,2\n", "1: {1,2\n", "1: 1,1\n", "x: 1\n", "1: 1 2\n"})
    expect_located_error([&] { read_preflib_text(head + body, "t.soi", "soi", {}, PreflibDialect::lenient); }, body);
}

TEST(AbcFileio, PabulibApprovalsMatchTheVotesColumn) {
  if (!std::filesystem::exists(kDir)) GTEST_SKIP() << "refdata missing";
  for (const char* f : {"poland_lodz_2020_mileszki.pb", "poland_lodz_2020_nad-nerem.pb", "poland_lodz_2020_nowosolna.pb"}) {
    const std::string path = kDir + "valid/" + f;
    PabulibInstance inst = read_pabulib(path);
    // The PROJECTS section's own `votes` column, read independently of the reader.
    std::map<std::string, int64_t> votes_column;
    std::ifstream in(path);
    std::string line;
    bool projects = false;
    size_t votes_at = 0;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line == "PROJECTS") {
        projects = true;
        std::getline(in, line);
        std::stringstream hs(line);
        std::string col;
        for (size_t i = 0; std::getline(hs, col, ';'); ++i)
          if (col == "votes") votes_at = i;
        continue;
      }
      if (line == "VOTES") break;
      if (!projects) continue;
      std::stringstream ls(line);
      std::vector<std::string> cells;
      std::string cell;
      while (std::getline(ls, cell, ';')) cells.push_back(cell);
      votes_column[cells[0]] = std::stoll(cells[votes_at]);
    }
    ASSERT_GT(votes_at, 0u) << f;
    const Profile& p = inst.profile;
    ASSERT_EQ(static_cast<size_t>(p.num_candidates()), votes_column.size()) << f;
    ApprovalProfile a = approval_profile(p, 1);
    std::vector<int64_t> approvals(static_cast<size_t>(p.num_candidates()), 0);
    for (size_t b = 0; b < a.size(); ++b)
      for (Cand c : a.approved[b]) approvals[static_cast<size_t>(c)] += a.weights[b];
    for (Cand c = 0; c < p.num_candidates(); ++c)
      EXPECT_EQ(approvals[static_cast<size_t>(c)], votes_column.at(p.name(c))) << f << " " << p.name(c);
    for (const auto& [k, v] : inst.meta) {
      if (k == "num_votes") {
        EXPECT_EQ(std::to_string(p.num_voters), v) << f;
      }
    }
    EXPECT_GT(inst.budget, 0) << f;
  }
}

TEST(AbcFileio, PabulibErrorsAreLocated) {
  const std::string ok_head = "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\nA;5\nB;2,5\nVOTES\nvoter_id;vote\n";
  PabulibInstance inst = read_pabulib_text(ok_head + "1;A,B\n2;B\n3;\n", "t.pb");
  EXPECT_EQ(inst.profile.num_voters, 3);
  EXPECT_EQ(inst.costs[1], Rational(5, 2));
  struct Bad {
    std::string text;
    int line, column;
  };
  const std::vector<Bad> bad{
      {ok_head + "1;A,C\n", 11, 5},                                               // unknown project
      {ok_head + "1;A,,B\n", 11, 5},                                              // empty id
      {ok_head + "1;A;x\n", 11, 5},                                               // too many fields
      {"META\nkey;value\nbudget;ten\nvote_type;approval\nPROJECTS\nproject_id;cost\nA;5\nVOTES\nvoter_id;vote\n", 3, 8},
      {"META\nkey;value\nbudget;10\nvote_type;ordinal\nPROJECTS\nproject_id;cost\nA;5\nVOTES\nvoter_id;vote\n", 4, 11},
      {"META\nkey;value\nbudget;10\nvote_type;approval\nnum_votes;2\nPROJECTS\nproject_id;cost\nA;5\nVOTES\nvoter_id;vote\n1;A\n", 5, 11},
      {"hello\n", 1, 1},
      {ok_head + "1;\"A\n", 11, 3},                                               // unterminated quote
  };
  for (const auto& b : bad) {
    try {
      read_pabulib_text(b.text, "t.pb");
      ADD_FAILURE() << "expected an error:\n" << b.text;
    } catch (const InputError& e) {
      EXPECT_EQ(e.where().line, b.line) << e.what();
      EXPECT_EQ(e.where().column, b.column) << e.what();
    }
  }
}

}  // namespace
}  // namespace prefero
