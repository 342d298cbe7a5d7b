// `prefero benchmark` as a user meets it: JSON shape, bootstrap determinism, exit codes.
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

// A wins t0 and t1 narrowly, B wins t2; WER is lower-is-better: A 10, B 20, C 30.
const char* kTable =
    "system,t0,t1,t2,WER\n"
    "@direction,higher,higher,higher,lower\n"
    "A,80,70,10,10\n"
    "B,79,69,90,20\n"
    "C,10,10,10,30\n";

}  // namespace

TEST(BenchmarkCli, JsonShapeAndKemeny) {
  std::string f = temp_file("t.csv", kTable);
  CliRun r = run_cli("benchmark " + f + " --method kemeny --json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["method"], "kemeny");
  // Tasks: A>B>C, A>B>C, B>A~C, A>B>C -> A>B>C costs 1 (t2's B over A) and is optimal.
  EXPECT_EQ(j["ranking"], (nlohmann::json{{"A"}, {"B"}, {"C"}}));
  EXPECT_EQ(j["cost"], 1.0);
  EXPECT_EQ(j["proven_optimal"], true);
  EXPECT_EQ(j["lower_bound"], 1.0);
  ASSERT_EQ(j["systems"].size(), 3u);
  EXPECT_EQ(j["systems"][0]["name"], "A");
  EXPECT_EQ(j["systems"][0]["rank"], 1);
  EXPECT_TRUE(j["systems"][0]["rank_low"].is_null());
}

TEST(BenchmarkCli, BootstrapIsSeeded) {
  std::string f = temp_file("t.csv", kTable);
  prefero_test::CliRun a = run_cli("benchmark " + f + " --method borda --bootstrap 50 --seed 3 --json");
  prefero_test::CliRun b = run_cli("benchmark " + f + " --method borda --bootstrap 50 --seed 3 --json");
  ASSERT_EQ(a.exit_code, 0) << a.out;
  EXPECT_EQ(a.out, b.out);
  auto j = nlohmann::json::parse(a.out);
  for (const auto& s : j["systems"]) {
    EXPECT_LE(s["rank_low"].get<int>(), s["rank_high"].get<int>());
    EXPECT_EQ(s["rank_distribution"].size(), 3u);
  }
  // C is last in every task: rank 3 in every replicate.
  EXPECT_EQ(j["systems"][2]["name"], "C");
  EXPECT_EQ(j["systems"][2]["rank_low"], 3);
  EXPECT_EQ(j["systems"][2]["rank_high"], 3);
}

TEST(BenchmarkCli, BadInputIsExitCode2WithLocation) {
  std::string f = temp_file("bad.csv", "system,a\nx,1\ny,oops\n");
  CliRun r = run_cli("benchmark " + f);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("bad.csv:3:3:"), std::string::npos) << r.out;
  EXPECT_EQ(run_cli("benchmark " + f + " --method nope").exit_code, 2);
  EXPECT_EQ(run_cli("benchmark /nonexistent.csv").exit_code, 2);
  std::string g = temp_file("good.csv", kTable);
  prefero_test::CliRun m = run_cli("benchmark " + g + " --method plurality");
  EXPECT_EQ(m.exit_code, 2);
  EXPECT_NE(m.out.find("unknown benchmark method"), std::string::npos) << m.out;
}
