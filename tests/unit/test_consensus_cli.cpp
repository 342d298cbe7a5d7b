// `prefero consensus` as a user meets it: the JSON shape, --all, aliases, exit codes.
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

// 2 x 1>2>3, 2 x 2>3>1, 1 x 3>1>2: Kemeny cost 6 for 1>2>3 and 2>3>1 (worked in test_consensus_kemeny).
std::string cycle_file() {
  auto path = std::filesystem::temp_directory_path() / ("prefero_consensus_" + std::to_string(getpid()) + ".soc");
  std::ofstream(path) << "# FILE NAME: cycle.soc\n# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 3\n# NUMBER VOTERS: 5\n"
                         "# NUMBER UNIQUE ORDERS: 3\n# ALTERNATIVE NAME 1: a\n# ALTERNATIVE NAME 2: b\n"
                         "# ALTERNATIVE NAME 3: c\n2: 1,2,3\n2: 2,3,1\n1: 3,1,2\n";
  return path.string();
}

TEST(ConsensusCli, KemenyJsonShapeAndAllOptima) {
  std::string f = cycle_file();
  CliRun r = run_cli("consensus " + f + " --method kemeny --all --json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["method"], "kemeny_ranking");
  EXPECT_EQ(j["cost"].get<double>(), 6.0);
  EXPECT_EQ(j["lower_bound"].get<double>(), 6.0);
  EXPECT_TRUE(j["proven_optimal"].get<bool>());
  EXPECT_EQ(j["ranking"].size(), 3u);
  EXPECT_EQ(j["all_optimal"], nlohmann::json::parse("[[[1],[2],[3]],[[2],[3],[1]]]"));
}

TEST(ConsensusCli, HeuristicByShortNameAndErrors) {
  std::string f = cycle_file();
  CliRun r = run_cli("consensus " + f + " --method borda --json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["method"], "borda_ranking");
  // Borda: 1 = 2*2 + 0 + 1 = 5, 2 = 2 + 4 + 0 = 6, 3 = 0 + 2 + 2 = 4
  EXPECT_EQ(j["ranking"], nlohmann::json::parse("[[2],[1],[3]]"));
  // 2 above 1 overrules N(1,2) = 3, 2 above 3 overrules N(3,2) = 1, 1 above 3 overrules N(3,1) = 3
  EXPECT_EQ(j["cost"].get<double>(), 7.0);
  EXPECT_EQ(run_cli("consensus " + f + " --method nope").exit_code, 2);
  EXPECT_EQ(run_cli("consensus " + f + " --method kemeny --param bogus=1").exit_code, 2);
  EXPECT_EQ(run_cli("consensus /nonexistent.soc --method kemeny").exit_code, 2);
}

}  // namespace
