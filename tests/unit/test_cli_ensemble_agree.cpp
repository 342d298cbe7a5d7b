// `prefero ensemble` and `prefero agree` as a user meets them.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_test_util.hpp"

namespace {

using prefero_test::run_cli;
using prefero_test::temp_file;

TEST(CliEnsemble, DpaJsonHasPredictionsCertificatesAndSummary) {
  // 3 models, 2 classes: sample a votes 0,0,0 (cert floor(3/2) = 1), sample b votes 1,1,0 (cert 0).
  auto f = temp_file("ens.jsonl",
                     "{\"id\": \"a\", \"scores\": [[1, 0], [1, 0], [1, 0]], \"label\": 0}\n"
                     "{\"id\": \"b\", \"scores\": [[0, 1], [0, 1], [1, 0]], \"label\": 1}\n");
  auto r = run_cli("ensemble " + f + " --method dpa --json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["method"], "dpa");
  EXPECT_EQ(j["samples"][0]["certificate"], 1);
  EXPECT_EQ(j["samples"][1]["prediction"], "1");
  EXPECT_EQ(j["samples"][1]["certificate"], 0);
  EXPECT_DOUBLE_EQ(j["explanation"]["summary"]["accuracy"].get<double>(), 1.0);
}

TEST(CliEnsemble, BadInputIsExitCodeTwoWithLocation) {
  auto f = temp_file("bad.jsonl", "{\"scores\": [[1, 0]]}\n{\"scores\": [[1, 0, 2]]}\n");
  auto r = run_cli("ensemble " + f + " --method run_off");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find(":2:"), std::string::npos) << r.out;
  EXPECT_EQ(run_cli("ensemble " + f + " --method schulze").exit_code, 2);  // not an ensemble method
}

TEST(CliAgree, CohenKappaOfTwoRaters) {
  // Raters agree on 3 of 4 binary tasks: p_o 0.75; marginals (a: 2/2, b: 1/3) -> p_e 0.5, kappa 0.5.
  auto f = temp_file("two.csv", "task,worker,label\n1,a,x\n1,b,x\n2,a,x\n2,b,y\n3,a,y\n3,b,y\n4,a,y\n4,b,y\n");
  auto r = run_cli("agree " + f + " --metric cohen_kappa --json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NEAR(nlohmann::json::parse(r.out)["cohen_kappa"].get<double>(), 0.5, 1e-12);
  EXPECT_EQ(run_cli("agree " + f + " --metric judge_agreement").exit_code, 2);  // needs --judge
}

}  // namespace
