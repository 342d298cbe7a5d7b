// Beat Path (Schulze) and Minimax against Condorcet PHP's results on the Tideman/ERS and Debian
// elections (refdata/condorcet_tideman): our rules run on the pairwise counts Condorcet PHP
// printed, in both its modes (explicit = unranked incomparable, implicit = unranked tied last),
// and must elect the top tier of its ranking.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/profile.hpp"
#include "registry/registry.hpp"

using namespace prefero;
namespace fs = std::filesystem;

namespace {

nlohmann::json load(const fs::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

// Candidate names in Condorcet PHP's order, and a profile holding just their pairwise counts.
Profile from_pairwise(const nlohmann::json& pairwise, std::vector<std::string>& names) {
  names.clear();
  for (auto it = pairwise.begin(); it != pairwise.end(); ++it) names.push_back(it.key());
  const int m = static_cast<int>(names.size());
  Profile p;
  p.candidates = Candidates::numbered(m);
  p.support_ranked = PairwiseMatrix(m);
  for (int a = 0; a < m; ++a)
    for (int b = 0; b < m; ++b)
      if (a != b) p.support_ranked.at(a, b) = pairwise[names[a]]["win"][names[b]].get<int64_t>();
  p.support_tied_last = p.support_ranked;
  return p;
}

// First tier of "A > B = C > ..." as candidate indices.
std::vector<Cand> top_tier(const std::string& ranking, const std::vector<std::string>& names) {
  const std::string first = ranking.substr(0, ranking.find(" > "));
  std::vector<Cand> out;
  size_t start = 0;
  while (start <= first.size()) {
    size_t end = first.find(" = ", start);
    if (end == std::string::npos) end = first.size();
    const std::string name = first.substr(start, end - start);
    out.push_back(static_cast<Cand>(std::find(names.begin(), names.end(), name) - names.begin()));
    start = end + 3;
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST(MarginRulesCondorcetPhp, SchulzeAndMinimaxOnTidemanCollection) {
  const fs::path root = fs::path(PREFERO_SHARED_DIR) / "refdata/condorcet_tideman/Output_Results";
  ASSERT_TRUE(fs::exists(root));
  const std::vector<std::tuple<std::string, std::string, std::string>> methods = {
      {"Schulze_Margin", "beat_path", "margin"},         {"Schulze_Winning", "beat_path", "winning_votes"},
      {"Schulze_Ratio", "beat_path", "ratio"},           {"Minimax_Margin", "minimax", "margin"},
      {"Minimax_Winning", "minimax", "winning_votes"},   {"Minimax_Opposition", "minimax", "pairwise_opposition"},
      {"Dodgson_Tideman_Approximation", "simplified_dodgson", ""}};
  std::map<std::string, std::pair<int, int>> tally;
  for (const auto& election : fs::directory_iterator(root)) {
    for (const std::string mode : {"explicitRankingEvaluationOfVotes", "implicitRankingEvaluationOfVotes"}) {
      const fs::path dir = election.path() / mode;
      const std::string stem = election.path().filename().string() + "-" + mode + "-";
      if (!fs::exists(dir / (stem + "Pairwise.json"))) continue;
      std::vector<std::string> names;
      const Profile p = from_pairwise(load(dir / (stem + "Pairwise.json")), names);
      for (const auto& [file, rule, strength] : methods) {
        const fs::path result = dir / (stem + file + ".json");
        if (!fs::exists(result)) continue;
        const auto expected = top_tier(load(result)["Ranking"].get<std::string>(), names);
        std::map<std::string, std::string> params;
        if (!strength.empty()) params["strength"] = strength;
        const auto got = run_elect(require_method(rule), p, params).result.winners;
        auto& [agree, disagree] = tally[file];
        if (got == expected) {
          ++agree;
        } else {
          ++disagree;
          ADD_FAILURE() << stem << file << ": got " << nlohmann::json(got) << " expected " << nlohmann::json(expected);
        }
      }
    }
  }
  for (const auto& [file, counts] : tally)
    std::cout << file << ": " << counts.first << " agree, " << counts.second << " disagree\n";
  EXPECT_EQ(tally.size(), methods.size());
}

namespace {

// Cells of a markdown table row "| a | b | ... |".
std::vector<std::string> cells(const std::string& line) {
  std::vector<std::string> out;
  size_t start = line.find('|') + 1;
  while (true) {
    size_t end = line.find('|', start);
    if (end == std::string::npos) break;
    std::string c = line.substr(start, end - start);
    c.erase(0, c.find_first_not_of(' '));
    c.erase(c.find_last_not_of(' ') + 1);
    out.push_back(c);
    start = end + 1;
  }
  return out;
}

}  // namespace

// Condorcet PHP's Ranked Pairs rankings (only in the summary tables). Its winner must be one of
// our pair_ties=all winners, and equal to it when that set is a single candidate.
TEST(MarginRulesCondorcetPhp, RankedPairsOnTidemanCollection) {
  const fs::path shared = fs::path(PREFERO_SHARED_DIR) / "refdata/condorcet_tideman";
  int compared = 0, too_ambiguous = 0;
  for (const std::string mode : {"explicitRankingEvaluationOfVotes", "implicitRankingEvaluationOfVotes"}) {
    std::ifstream in(shared / (mode + "-summary.md"));
    ASSERT_TRUE(in);
    std::string line;
    std::vector<std::string> header;
    while (std::getline(in, line)) {
      if (line.rfind("| --- | Number", 0) == 0) header = cells(line);
      if (header.empty() || line.rfind("| --- |", 0) == 0 || line.rfind("| ", 0) != 0) continue;
      const auto row = cells(line);
      const std::string election = row[0];
      const fs::path pairwise = shared / "Output_Results" / election / mode / (election + "-" + mode + "-Pairwise.json");
      if (!fs::exists(pairwise)) continue;
      std::vector<std::string> names;
      const Profile p = from_pairwise(load(pairwise), names);
      for (const auto& [column, strength] : std::vector<std::pair<std::string, std::string>>{
               {"Ranked Pairs Margin", "margin"}, {"Ranked Pairs Winning", "winning_votes"}}) {
        const size_t col = static_cast<size_t>(std::find(header.begin(), header.end(), column) - header.begin());
        ASSERT_LT(col, row.size());
        const auto top = top_tier(row[col], names);
        std::vector<Cand> ours;
        try {
          ours = run_elect(require_method("ranked_pairs"), p, {{"strength", strength}}).result.winners;
        } catch (const InputError& e) {  // too many tie-breakings to explore: the fixed order must still agree
          std::cout << election << " " << mode << " " << column << ": " << e.what() << "\n";
          ++too_ambiguous;
          continue;
        }
        for (Cand c : top) {
          EXPECT_TRUE(std::binary_search(ours.begin(), ours.end(), c)) << election << " " << mode << " " << column;
        }
        if (ours.size() == 1) {
          EXPECT_EQ(top, ours) << election << " " << mode << " " << column;
        }
        ++compared;
      }
    }
  }
  std::cout << "ranked pairs rankings compared: " << compared << ", too ambiguous: " << too_ambiguous << "\n";
  EXPECT_GT(compared, 400);
}
