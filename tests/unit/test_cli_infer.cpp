// `prefero infer` as a user meets it: JSON shape, accuracy with gold, --out, exit codes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli_test_util.hpp"

namespace {

prefero_test::CliRun run_infer_cli(const std::string& args) { return prefero_test::run_cli("infer " + args); }

std::string infer_temp(const std::string& name, const std::string& text) { return prefero_test::temp_file("infer_" + name, text); }

}  // namespace

TEST(CliInfer, JsonLabelsPosteriorsWorkersAccuracyAndOut) {
  auto answers = infer_temp("a.csv", "task,worker,label\nt1,w1,x\nt1,w2,x\nt1,w3,y\nt2,w1,y\nt2,w2,y\n");
  auto gold = infer_temp("g.csv", "task,truth\nt1,x\nt2,x\nt3,y\n");
  auto out = infer_temp("labels.csv", "");
  auto r = run_infer_cli(answers + " --gold " + gold + " --method majority_vote --json --out " + out);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["method"], "majority_vote");
  EXPECT_EQ(j["labels"]["t1"], "x");
  EXPECT_EQ(j["labels"]["t2"], "y");
  EXPECT_FALSE(j["labels"].contains("t3"));  // a gold task nobody answered has no label
  EXPECT_DOUBLE_EQ(j["posteriors"]["t1"]["x"].get<double>(), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(j["workers"]["w3"]["skill"].get<double>(), 0.0);
  EXPECT_DOUBLE_EQ(j["accuracy"]["accuracy"].get<double>(), 0.5);
  EXPECT_EQ(j["accuracy"]["gold_without_judgments"], 1);
  EXPECT_DOUBLE_EQ(j["accuracy"]["zheng_expected_accuracy"].get<double>(), (1 + 0.5) / 3);
  std::ifstream in(out);
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_EQ(ss.str(), "task,label\nt1,x\nt2,y\n");
}

TEST(CliInfer, BadInputExitsTwoWithLocation) {
  auto answers = infer_temp("bad.csv", "task,worker,label\nt1,w1\n");
  auto r = run_infer_cli(answers + " --method dawid_skene");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("bad.csv:2:6: expected 3 columns, found 2"), std::string::npos) << r.out;
  auto ok = infer_temp("ok.csv", "task,worker,label\nt1,w1,a\n");
  EXPECT_EQ(run_infer_cli(ok + " --method no_such_method").exit_code, 2);
  EXPECT_EQ(run_infer_cli(ok + " --method dawid_skene --param n_iter=x").exit_code, 2);
  EXPECT_EQ(run_infer_cli(ok + " --method plurality").exit_code, 2);  // not a crowd method
}
