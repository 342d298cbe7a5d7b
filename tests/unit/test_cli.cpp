// The CLI as a user meets it: exit codes, JSON shapes, generated docs kept current.
#include <gtest/gtest.h>

#include "cli_test_util.hpp"
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace {

using prefero_test::CliRun;
using prefero_test::run_cli;
using prefero_test::temp_file;

const char* kElection =
    "# FILE NAME: tiny.soc\n# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 3\n# NUMBER VOTERS: 5\n"
    "# NUMBER UNIQUE ORDERS: 2\n# ALTERNATIVE NAME 1: Ada\n# ALTERNATIVE NAME 2: Bo\n# ALTERNATIVE NAME 3: Cy\n"
    "3: 2,1,3\n2: 1,3,2\n";

}  // namespace

TEST(Cli, UnknownRuleIsUsageErrorWithSuggestion) {
  CliRun r = run_cli("elect nothing.soc --rule plurlity");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("did you mean: plurality"), std::string::npos) << r.out;
}

TEST(Cli, MissingRuleOptionIsUsageError) {
  CliRun r = run_cli("elect nothing.soc");
  EXPECT_EQ(r.exit_code, 2);
}

TEST(Cli, MalformedParamIsUsageError) {
  std::string f = temp_file("tiny.soc", kElection);
  CliRun r = run_cli("elect " + f + " --rule plurality --param top_ties");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("expected NAME=VALUE"), std::string::npos) << r.out;
  r = run_cli("elect " + f + " --rule plurality --param top_ties=sometimes");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("one of split | whole | ignore"), std::string::npos) << r.out;
  r = run_cli("elect " + f + " --rule plurality --param colour=blue");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("unknown parameter 'colour'"), std::string::npos) << r.out;
}

TEST(Cli, ElectJsonHasTheDocumentedShape) {
  std::string f = temp_file("tiny.soc", kElection);
  CliRun r = run_cli("elect " + f + " --rule plurality --json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["rule"], "plurality");
  EXPECT_EQ(j["winners"], nlohmann::json::array({2}));  // Bo: 3 first places of 5
  EXPECT_EQ(j["names"], nlohmann::json::array({"Bo"}));
  EXPECT_TRUE(j["params"].contains("tie_break"));
  EXPECT_TRUE(j["explanation"].is_object());
}

TEST(Cli, FixedTieBreakPicksFirstOfTheGivenOrder) {
  std::string f = temp_file("tie.soc",
                            "# FILE NAME: tie.soc\n# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 2\n# NUMBER VOTERS: 2\n"
                            "# NUMBER UNIQUE ORDERS: 2\n# ALTERNATIVE NAME 1: A\n# ALTERNATIVE NAME 2: B\n1: 1,2\n1: 2,1\n");
  CliRun r = run_cli("elect " + f + " --rule plurality --json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(nlohmann::json::parse(r.out)["winners"], nlohmann::json::array({1, 2}));
  r = run_cli("elect " + f + " --rule plurality --param tie_break=fixed --param tie_break_order=B,A --json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(nlohmann::json::parse(r.out)["winners"], nlohmann::json::array({2}));
}

TEST(Cli, MethodsJsonListsParamsWithDefaults) {
  CliRun r = run_cli("methods --json");
  ASSERT_EQ(r.exit_code, 0);
  auto j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j.is_array());
  ASSERT_FALSE(j.empty());
  for (const auto& m : j) {
    EXPECT_TRUE(m.contains("id"));
    for (const auto& p : m["params"]) EXPECT_TRUE(p.contains("default")) << m["id"];
  }
}

// docs/methods.md is generated from the registry; it must not fall behind.
TEST(Cli, MethodReferenceIsCurrent) {
  CliRun r = run_cli("methods --markdown");
  ASSERT_EQ(r.exit_code, 0);
  std::ifstream in(std::string(PREFERO_SOURCE_DIR) + "/docs/methods.md");
  std::stringstream doc;
  doc << in.rdbuf();
  EXPECT_EQ(doc.str(), r.out) << "regenerate: build/bin/prefero methods --markdown > docs/methods.md";
}
