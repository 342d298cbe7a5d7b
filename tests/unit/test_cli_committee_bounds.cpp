// `prefero committee ... --groups FILE --bounds SPEC [--greedy]` as a user meets it: the bounded
// committee (worked by hand), exit code 2 with the conflicting groups named, and the STV JSON.
#include <gtest/gtest.h>

#include "cli_test_util.hpp"
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

namespace {

using prefero_test::CliRun;
using prefero_test::run_cli;
using prefero_test::temp_file;

// 3 voters a>b>c>d, 2 voters d>c>b>a. Borda: a 9, b 8, c 7, d 6.
const char* kElection =
    "# FILE NAME: four.soc\n# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 4\n# NUMBER VOTERS: 5\n"
    "# NUMBER UNIQUE ORDERS: 2\n# ALTERNATIVE NAME 1: a\n# ALTERNATIVE NAME 2: b\n# ALTERNATIVE NAME 3: c\n"
    "# ALTERNATIVE NAME 4: d\n3: 1,2,3,4\n2: 4,3,2,1\n";

TEST(CliCommitteeBounds, BoundedKBorda) {
  const auto soc = temp_file("four.soc", kElection);
  const auto groups = temp_file("groups.csv", "# candidate,groups\na,ab\nb,ab\nc,cd\n4,cd\n");
  auto r = run_cli("committee " + soc + " --rule k_borda --size 2 --json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(nlohmann::json::parse(r.out)["committees"], nlohmann::json::parse("[[1,2]]"));
  // cd >= 1: {a,c} = 16 beats {a,d} = 15 and {b,c} = 15.
  r = run_cli("committee " + soc + " --rule k_borda --size 2 --groups " + groups + " --bounds 'cd>=1' --json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["committees"], nlohmann::json::parse("[[1,3]]"));
  EXPECT_EQ(j["explanation"]["score"], "16");
  r = run_cli("committee " + soc + " --rule k_borda --size 2 --groups " + groups + " --bounds 'cd>=1' --greedy --json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(nlohmann::json::parse(r.out)["explanation"]["gap"], "0");
}

TEST(CliCommitteeBounds, ErrorsExitTwo) {
  const auto soc = temp_file("four2.soc", kElection);
  const auto groups = temp_file("groups2.csv", "a,ab\nb,ab\nc,cd\nd,cd\n");
  auto r = run_cli("committee " + soc + " --rule k_borda --size 2 --groups " + groups + " --bounds 'ab>=2,cd>=1'");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("conflicting groups: ab [2,2], cd [1,2]"), std::string::npos) << r.out;
  r = run_cli("committee " + soc + " --rule stv --size 2 --groups " + groups + " --bounds 'ab>=1'");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  r = run_cli("committee " + soc + " --rule k_borda --size 2 --groups " + groups);
  EXPECT_EQ(r.exit_code, 2) << r.out;
  const auto bad = temp_file("bad.csv", "a,ab\nzed,cd\n");
  r = run_cli("committee " + soc + " --rule k_borda --size 2 --groups " + bad + " --bounds 'ab>=1'");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find(":2:"), std::string::npos) << r.out;
}

TEST(CliCommitteeBounds, StvJson) {
  const auto soc = temp_file("four3.soc", kElection);
  // 5 voters, 2 seats: Droop quota 2; a (3) elected, surplus 1 at 1/3 to b; d (2) elected.
  auto r = run_cli("committee " + soc + " --rule stv --size 2 --all --json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["committees"], nlohmann::json::parse("[[1,4]]"));
  EXPECT_EQ(j["explanation"]["quota"], "2");
  EXPECT_EQ(j["explanation"]["stages"][0]["elected"], nlohmann::json::parse("[1,4]"));
}

}  // namespace
