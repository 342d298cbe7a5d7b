// `prefero committee` on Pabulib files and with --lenient PrefLib, as a user meets it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_test_util.hpp"

namespace {

using prefero_test::run_cli;
using prefero_test::temp_file;

TEST(CliCommitteeFiles, PabulibCommitteeByProjectIds) {
  // AV: A is approved 3 times, C twice, B once.
  const auto pb = temp_file("small.pb",
                            "META\nkey;value\nbudget;10\nvote_type;approval\nnum_votes;3\nPROJECTS\nproject_id;cost\n"
                            "A;5\nB;3\nC;2\nVOTES\nvoter_id;vote\n1;A,C\n2;A,B\n3;C,A\n");
  auto r = run_cli("committee " + pb + " --rule av --size 2 --json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(nlohmann::json::parse(r.out)["committees"], nlohmann::json::parse(R"([["A","C"]])"));
}

TEST(CliCommitteeFiles, LenientPreflib) {
  // a trailing comma and an undeclared alternative 4: strict rejects, --lenient reads {1} x2, {2}
  const auto soi = temp_file("odd.soi",
                             "# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 3\n# NUMBER VOTERS: 3\n# NUMBER UNIQUE ORDERS: 2\n"
                             "2: 1,2,\n1: 4,2\n");
  auto r = run_cli("committee " + soi + " --rule av --size 1 --json");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  r = run_cli("committee " + soi + " --lenient --rule av --size 1 --all --json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(nlohmann::json::parse(r.out)["committees"], nlohmann::json::parse("[[1]]"));
}

}  // namespace
