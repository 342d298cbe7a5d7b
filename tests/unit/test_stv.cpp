// STV against hand-worked counts: the Wikipedia food election (Droop quota 6, transfer value 1/2),
// an exclusion tie (every outcome unless a tie-break is asked for), and a count where weighted
// inclusive Gregory, last-parcel Gregory and Condorcet PHP's recount elect different committees
// (worked by hand in the comments).
#include <gtest/gtest.h>

#include <map>

#include "committee/committee.hpp"
#include "core/error.hpp"
#include "core/profile.hpp"
#include "registry/registry.hpp"

namespace prefero {
namespace {

using Committees = std::vector<std::vector<Cand>>;

CommitteeResult run_stv(const Profile& p, int k, std::map<std::string, std::string> given = {}) {
  const MethodInfo& m = require_method("stv");
  return m.committee(p, k, resolve_params(m.id, m.params, given));
}

Profile build(int m, const std::vector<std::pair<std::vector<Cand>, int64_t>>& ballots) {
  ProfileBuilder b(Candidates::numbered(m), BallotKind::ranking);
  for (const auto& [order, n] : ballots) {
    std::vector<std::vector<Cand>> tiers;
    for (Cand c : order) tiers.push_back({c});
    b.add_tiers(tiers, n);
  }
  return b.finish();
}

// Wikipedia "Single transferable vote", example: 0 Oranges, 1 Pears, 2 Chocolate, 3 Strawberries,
// 4 Hamburgers; 20 voters, 3 seats, Droop quota 6. Chocolate (12) is elected, surplus 6 at 1/2
// gives Strawberries 4 and Hamburgers 2; Pears are excluded and Oranges reach 6; Hamburgers are
// excluded; Strawberries take the last seat.
Profile food() {
  return build(5, {{{0}, 4}, {{1, 0}, 2}, {{2, 3}, 8}, {{2, 4}, 4}, {{3}, 1}, {{4}, 1}});
}

TEST(Stv, WikipediaFoodElection) {
  for (const std::string transfer : {"gregory", "last_parcel", "meek", "condorcet_php"}) {
    const auto r = run_stv(food(), 3, {{"transfer", transfer}});
    EXPECT_EQ(r.committees, (Committees{{0, 2, 3}})) << transfer;
  }
  const auto r = run_stv(food(), 3);
  EXPECT_EQ(r.explanation["quota"], "6");
  const auto& stages = r.explanation["stages"];
  EXPECT_EQ(stages[0]["elected"], json::array({3}));  // Chocolate, external id 3
  EXPECT_EQ(stages[1]["action"], "transfer_surplus");
  EXPECT_EQ(stages[1]["transfer_value"], "1/2");
  EXPECT_EQ(stages[1]["tallies"]["4"], "5");  // Strawberries 1 + 4
  EXPECT_EQ(stages[1]["tallies"]["5"], "3");  // Hamburgers 1 + 2
  EXPECT_EQ(stages[2]["action"], "exclude");
  EXPECT_EQ(stages[2]["candidate"], 2);  // Pears
  EXPECT_EQ(stages[2]["elected"], json::array({1}));
  EXPECT_EQ(r.explanation["order_of_election"], json::array({3, 1, 4}));
}

// 0:A 2, 1:B 2, 2:C 3 (A>B, B>A): one seat, quota 4; A and B tie for exclusion; whoever stays
// gets the other's 2 votes and wins.
TEST(Stv, ExclusionTieGivesEveryOutcome) {
  const Profile p = build(3, {{{0, 1}, 2}, {{1, 0}, 2}, {{2}, 3}});
  EXPECT_EQ(run_stv(p, 1).committees, (Committees{{0}, {1}}));
  EXPECT_EQ(run_stv(p, 1, {{"tie_break", "fixed"}}).committees, (Committees{{0}}));  // highest id excluded
  EXPECT_EQ(run_stv(p, 1, {{"tie_break", "fixed"}, {"tie_break_order", "2,1,3"}}).committees, (Committees{{1}}));
  EXPECT_EQ(run_stv(p, 1, {{"resolute", "true"}}).committees.size(), 1u);
  EXPECT_EQ(run_stv(p, 1, {{"transfer", "condorcet_php"}}).committees, (Committees{{0}, {1}}));
}

// A>B>C x12, B>D x6, C x4, D x4, E x3; 3 seats; 29 votes, Droop quota 8.
// A elected (12), surplus 4 at 1/3 -> B 10, elected with surplus 2.
//  gregory: B's 22 papers worth 10 at 1/5: C +4/5 = 24/5, D +6/5 = 26/5; E excluded, then C -> D wins.
//  last_parcel: only the parcel from A (worth 4) at 2/4: C +2 = 6, D 4; E excluded, then D -> C wins.
//  condorcet_php: recount; the A>B>C ballots carry 12*4/12 = 4 to C (8, at the quota) -> C wins,
//  the B>D ballots carry 6*2/10 to D.
TEST(Stv, TransferRulesDiffer) {
  const Profile p = build(5, {{{0, 1, 2}, 12}, {{1, 3}, 6}, {{2}, 4}, {{3}, 4}, {{4}, 3}});
  const auto g = run_stv(p, 3);
  EXPECT_EQ(g.committees, (Committees{{0, 1, 3}}));
  EXPECT_EQ(g.explanation["stages"][2]["transfer_value"], "1/5");
  EXPECT_EQ(g.explanation["stages"][2]["tallies"]["3"], "24/5");
  const auto lp = run_stv(p, 3, {{"transfer", "last_parcel"}});
  EXPECT_EQ(lp.committees, (Committees{{0, 1, 2}}));
  EXPECT_EQ(lp.explanation["stages"][2]["transfer_value"], "1/2");
  const auto cp = run_stv(p, 3, {{"transfer", "condorcet_php"}});
  EXPECT_EQ(cp.committees, (Committees{{0, 1, 2}}));
  EXPECT_EQ(cp.explanation["rounds"][2]["tallies"]["3"], "8");
  EXPECT_EQ(cp.explanation["rounds"][2]["tallies"]["4"], "26/5");
}

TEST(Stv, Quotas) {
  // 20 voters, 3 seats: droop 6, droop_exact 5 (elected above it), hare 20/3.
  EXPECT_EQ(run_stv(food(), 3, {{"quota", "droop_exact"}}).explanation["quota"], "5");
  EXPECT_EQ(run_stv(food(), 3, {{"quota", "hare"}}).explanation["quota"], "20/3");
  EXPECT_EQ(run_stv(food(), 3, {{"quota", "hare"}}).committees, (Committees{{0, 2, 3}}));
}

TEST(Stv, BallotTies) {
  // Voter 1 ranks {A,B} tied first then C: skip -> counts for C; exhaust -> counts for nobody.
  ProfileBuilder b(Candidates::numbered(3), BallotKind::ranking);
  b.add_tiers({{0, 1}, {2}}, 3);
  b.add_tiers({{0}}, 2);
  b.add_tiers({{1}}, 2);
  const Profile p = b.finish();
  EXPECT_EQ(run_stv(p, 1, {{"ballot_ties", "skip"}}).committees, (Committees{{2}}));
  EXPECT_EQ(run_stv(p, 1, {{"ballot_ties", "exhaust"}}).explanation["valid_votes"], "4");
}

TEST(Stv, BadInput) {
  EXPECT_THROW(run_stv(food(), 6), InputError);
  EXPECT_THROW(run_stv(food(), 2, {{"tie_break_order", "9"}}), InputError);
}

}  // namespace
}  // namespace prefero
