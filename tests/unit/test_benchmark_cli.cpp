// `prefero benchmark` as a user meets it: JSON shape, bootstrap determinism, exit codes.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

namespace {

struct CliResult {
  int exit_code = -1;
  std::string out;
};

CliResult run_cli(const std::string& args) {
  std::string cmd = std::string(PREFERO_CLI) + " " + args + " 2>&1";
  CliResult r;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf{};
  size_t got = 0;
  while ((got = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), got);
  int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string temp_file(const std::string& name, const std::string& text) {
  auto path = std::filesystem::temp_directory_path() / ("prefero_bench_cli_" + std::to_string(getpid()) + "_" + name);
  std::ofstream(path) << text;
  return path.string();
}

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
  CliResult r = run_cli("benchmark " + f + " --method kemeny --json");
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
  CliResult a = run_cli("benchmark " + f + " --method borda --bootstrap 50 --seed 3 --json");
  CliResult b = run_cli("benchmark " + f + " --method borda --bootstrap 50 --seed 3 --json");
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
  CliResult r = run_cli("benchmark " + f);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("bad.csv:3:3:"), std::string::npos) << r.out;
  EXPECT_EQ(run_cli("benchmark " + f + " --method nope").exit_code, 2);
  EXPECT_EQ(run_cli("benchmark /nonexistent.csv").exit_code, 2);
  std::string g = temp_file("good.csv", kTable);
  CliResult m = run_cli("benchmark " + g + " --method plurality");
  EXPECT_EQ(m.exit_code, 2);
  EXPECT_NE(m.out.find("unknown benchmark method"), std::string::npos) << m.out;
}
