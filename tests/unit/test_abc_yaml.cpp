// abcvoting's YAML reader: the valid and invalid files of abcvoting's own file-I/O tests
// (../shared/refdata/abcvoting/fileio_examples), and hand-made malformed inputs.
#include <gtest/gtest.h>

#include <filesystem>

#include "committee/approval_profile.hpp"
#include "core/error.hpp"
#include "io/abc_yaml.hpp"
#include "io/read.hpp"

namespace prefero {
namespace {

const std::string kDir = std::string(PREFERO_SHARED_DIR) + "/refdata/abcvoting/fileio_examples/";

// Approval sets of the profile expanded to voters (in unique-ballot order) as candidate ids.
std::multiset<std::vector<int64_t>> voters_of(const Profile& p) {
  ApprovalProfile a = approval_profile(p, 1);
  std::multiset<std::vector<int64_t>> out;
  for (size_t b = 0; b < a.size(); ++b) {
    std::vector<int64_t> ids;
    for (Cand c : a.approved[b]) ids.push_back(p.id(c));
    for (int64_t i = 0; i < a.weights[b]; ++i) out.insert(ids);
  }
  return out;
}

void expect_error_at(const std::string& text, int line, int column, const std::string& fragment) {
  try {
    read_abc_yaml_text(text, "t.abc.yaml");
    FAIL() << "expected an error for:\n" << text;
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, line) << e.what();
    EXPECT_EQ(e.where().column, column) << e.what();
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
  }
}

TEST(AbcYaml, ValidTest6) {
  if (!std::filesystem::exists(kDir)) GTEST_SKIP() << "refdata missing";
  AbcInstance inst = read_abc_yaml(kDir + "valid/test6.abc.yaml");
  EXPECT_EQ(inst.profile.num_candidates(), 6);
  EXPECT_EQ(inst.profile.num_voters, 8);
  ASSERT_TRUE(inst.committee_size);
  EXPECT_EQ(*inst.committee_size, 3);
  std::multiset<std::vector<int64_t>> want{{3}, {1, 4, 5}, {0, 2}, {}, {0, 1, 2, 3, 4, 5}, {5}, {1}, {1}};
  EXPECT_EQ(voters_of(inst.profile), want);
  ASSERT_EQ(inst.compute.size(), 3u);
  EXPECT_EQ(inst.compute[0].rule_id, "pav");
  EXPECT_EQ(inst.compute[0].resolute, std::optional<bool>(true));
  EXPECT_FALSE(inst.compute[0].result);
  EXPECT_EQ(inst.compute[1].rule_id, "seqphragmen");
  ASSERT_EQ(inst.compute[1].kwargs.size(), 1u);
  EXPECT_EQ(inst.compute[1].kwargs[0].first, "algorithm");
  EXPECT_EQ(inst.compute[1].kwargs[0].second, "float-fractions");
}

TEST(AbcYaml, ValidTest7WeightsScaledExactly) {
  if (!std::filesystem::exists(kDir)) GTEST_SKIP() << "refdata missing";
  AbcInstance inst = read_abc_yaml(kDir + "valid/test7.abc.yaml");
  // weights 1.3, 1, 1, 1, 1, 1, 2 -> 13, 10, 10, 10, 10, 10, 20 (scale 10)
  EXPECT_EQ(inst.profile.meta("weight_scale"), std::optional<std::string>("10"));
  EXPECT_EQ(inst.profile.num_voters, 13 + 5 * 10 + 20);
  EXPECT_FALSE(inst.committee_size);
  EXPECT_EQ(inst.description, "just a profile");
}

TEST(AbcYaml, ValidTest8YamlSets) {
  if (!std::filesystem::exists(kDir)) GTEST_SKIP() << "refdata missing";
  AbcInstance inst = read_abc_yaml(kDir + "valid/test8.abc.yaml");
  EXPECT_EQ(inst.profile.num_candidates(), 6);  // no num_cand: largest candidate + 1
  std::multiset<std::vector<int64_t>> want{{3}, {1, 4, 5}, {0, 2}, {}, {0, 1, 2, 3, 4, 5}, {1, 3}, {1}, {1}};
  EXPECT_EQ(voters_of(inst.profile), want);
  ASSERT_EQ(inst.compute.size(), 1u);
  ASSERT_TRUE(inst.compute[0].result);
  EXPECT_EQ(*inst.compute[0].result, (std::vector<std::vector<Cand>>{{1, 3}}));
  EXPECT_EQ(inst.compute[0].resolute, std::optional<bool>(false));
}

TEST(AbcYaml, InvalidFilesGiveLocatedErrors) {
  if (!std::filesystem::exists(kDir)) GTEST_SKIP() << "refdata missing";
  struct Case {
    std::string file;
    int line, column;
    std::string fragment;
  };
  for (const Case& c : {Case{"test1.abc.yaml", 3, 16, "voter_weights has 6 entries but the profile has 7 voters"},
                        Case{"test2.abc.yaml", 4, 3, "without rule_id"},
                        Case{"test3.abc.yaml", 3, 1, "unknown key 'num_voters'"}}) {
    try {
      read_abc_yaml(kDir + "invalid/" + c.file);
      ADD_FAILURE() << c.file << " was accepted";
    } catch (const InputError& e) {
      EXPECT_EQ(e.where().line, c.line) << e.what();
      EXPECT_EQ(e.where().column, c.column) << e.what();
      EXPECT_NE(std::string(e.what()).find(c.fragment), std::string::npos) << e.what();
    }
  }
}

TEST(AbcYaml, InvalidPreflibFilesAreRejected) {
  if (!std::filesystem::exists(kDir)) GTEST_SKIP() << "refdata missing";
  for (const char* f : {"test1.toi", "test2.soi", "test3.toc", "test6.soi", "test7.toi", "test8.soi"})
    EXPECT_THROW(read_profile(kDir + "invalid/" + f), InputError) << f;
}

TEST(AbcYaml, ValidPreflibFilesRead) {
  if (!std::filesystem::exists(kDir)) GTEST_SKIP() << "refdata missing";
  // test1.toi: 5 voters, 6 alternatives; approval = first indifference class
  Profile p = read_profile(kDir + "valid/test1.toi");
  EXPECT_EQ(p.num_voters, 5);
  std::multiset<std::vector<int64_t>> want{{1}, {2}, {2}, {1, 2}, {4}};
  EXPECT_EQ(voters_of(p), want);
  Profile q = read_profile(kDir + "valid/test5.cat");
  std::multiset<std::vector<int64_t>> want5{{4}, {2, 5, 6}, {1, 3}, {}, {1, 2, 3, 4, 5, 6}, {6}, {2}, {2, 3}};
  EXPECT_EQ(voters_of(q), want5);
}

TEST(AbcYaml, MalformedInputs) {
  expect_error_at("profile: [[0, 1], [2]\nnum_cand: 3\n", 2, 9, "malformed YAML");
  expect_error_at("profile: [[0, 1], [7]]\nnum_cand: 3\n", 2, 11, "approves candidate 7");
  expect_error_at("profile: [[0, x]]\n", 1, 15, "expected an integer");
  expect_error_at("profile: [[0], [1]]\nvoter_weights: [1, -2]\n", 2, 20, "positive number");
  expect_error_at("profile: [[0], [1]]\nvoter_weights: [1, 0]\n", 2, 20, "positive number");
  expect_error_at("profile: [[0], [1]]\ncommitteesize: 5\n", 2, 16, "outside 1..2");
  expect_error_at("profile: [[0], [1]]\ncompute:\n- rule_id: pav\n  resolute: maybe\n", 4, 13, "true or false");
  expect_error_at("num_cand: 3\n", 1, 1, "missing key 'profile'");
  expect_error_at("- 1\n- 2\n", 1, 1, "expected a mapping");
}

TEST(AbcYaml, FractionWeights) {
  AbcInstance inst = read_abc_yaml_text("profile: [[0], [1], [0, 1]]\nvoter_weights: [1/3, 0.5, 2]\n", "t");
  // lcm(3, 2) = 6: counts 2, 3, 12
  EXPECT_EQ(inst.profile.meta("weight_scale"), std::optional<std::string>("6"));
  EXPECT_EQ(inst.profile.num_voters, 17);
}

}  // namespace
}  // namespace prefero
