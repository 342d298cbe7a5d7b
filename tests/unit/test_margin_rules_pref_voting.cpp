// The margin-graph rules against pref_voting's own outputs (refdata axiom_violation_cases.jsonl).
// Every case of the methods below must agree. Seven cases (bullet-vote / truncated / semi-positive
// involvement reports built from linear profiles) were computed by pref_voting with "extended
// strict preference" (unranked below ranked) = our unranked=tied_last, and are run that way.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "core/profile.hpp"
#include "registry/registry.hpp"

using namespace prefero;

namespace {

struct Target {
  std::string id;
  std::map<std::string, std::string> params;
};

const std::map<std::string, Target>& targets() {
  static const std::map<std::string, Target> t = {
      {"Beat Path", {"beat_path", {}}},
      {"Leximax", {"leximax", {}}},
      {"Loss-Trimmer Voting", {"loss_trimmer", {}}},
      {"Minimax", {"minimax", {}}},
      {"Minimax (Support)", {"minimax", {{"strength", "winning_votes"}}}},
      {"Most Wins, Smallest Loss", {"most_wins_smallest_loss", {}}},
      {"Preliminary Weighted Condorcet", {"preliminary_weighted_condorcet", {}}},
      {"Ranked Pairs TB", {"ranked_pairs", {{"pair_ties", "fixed"}}}},
      {"Ranked Pairs ZT", {"ranked_pairs", {{"pair_ties", "zavist_tideman"}}}},
      {"River TB", {"river", {{"pair_ties", "fixed"}}}},
      {"River ZT", {"river", {{"pair_ties", "zavist_tideman"}}}},
      {"Simple Stable Voting", {"simple_stable_voting", {}}},
      {"Simplified Dodgson", {"simplified_dodgson", {}}},
      {"Smith-Minimax", {"smith_minimax", {}}},
      {"Split Cycle", {"split_cycle", {}}},
      {"Stable Voting", {"stable_voting", {}}},
  };
  return t;
}

// pref_voting's checkers for these axioms add a bullet or truncated ballot to a profile of linear
// orders and switch to "extended strict preference" (unranked below ranked) to evaluate it.
bool uses_extended_preferences(const nlohmann::json& c) {
  const std::string axiom = c.value("axiom_report", "");
  const bool from_linear = c.value("report_profile_type", "") == "Profile";
  return c["profile_type"] == "ProfileWithTies" &&
         (axiom == "Violation of Bullet Vote Positive Involvement" ||
          (from_linear && (axiom == "Violation of Semi-Positive Involvement" || axiom == "Violation of Truncated Involvement")));
}

Profile profile_of(const nlohmann::json& c) {
  int m = 0;  // derived cases keep the original numbering, with the removed candidates missing
  for (const auto& x : c["candidates"]) m = std::max(m, x.get<int>() + 1);
  ProfileBuilder b(Candidates::numbered(m), BallotKind::ranking);
  for (const auto& ballot : c["ballots"]) {
    std::vector<std::vector<Cand>> tiers;
    for (const auto& tier : ballot["ranking"]) tiers.push_back(tier.get<std::vector<Cand>>());
    b.add_tiers(tiers, ballot["count"].get<int64_t>());
  }
  return b.finish();
}

}  // namespace

TEST(MarginRulesPrefVoting, AgreeOnEveryCase) {
  std::ifstream in(std::string(PREFERO_SHARED_DIR) + "/refdata/pref_voting/axiom_violation_cases.jsonl");
  ASSERT_TRUE(in) << "refdata missing";
  std::map<std::string, std::pair<int, int>> tally;  // method -> (agree, disagree)
  std::string line;
  while (std::getline(in, line)) {
    const auto c = nlohmann::json::parse(line);
    auto t = targets().find(c["method"].get<std::string>());
    if (t == targets().end()) continue;
    const Profile p = profile_of(c);
    auto params = t->second.params;
    if (uses_extended_preferences(c)) params["unranked"] = "tied_last";
    const MethodInfo& method = require_method(t->second.id);
    const auto cands = c["candidates"].get<CandidateSet>();
    ElectOutcome out;
    out.result = method.elect(p, cands, resolve_params(method.id, method.params, params));
    std::vector<Cand> expected = c["winners"].get<std::vector<Cand>>();
    std::sort(expected.begin(), expected.end());
    auto& [agree, disagree] = tally[t->first];
    if (out.result.winners == expected) {
      ++agree;
    } else {
      ++disagree;
      ADD_FAILURE() << t->first << " case " << c["id"] << ": got " << nlohmann::json(out.result.winners) << " expected "
                    << nlohmann::json(expected) << "\n" << out.result.explanation.dump();
    }
  }
  for (const auto& [method, counts] : tally)
    std::cout << method << ": " << counts.first << " agree, " << counts.second << " disagree\n";
  EXPECT_EQ(tally.size(), targets().size());
}
