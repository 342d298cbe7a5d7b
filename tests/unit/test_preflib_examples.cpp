// The project's own sample elections (written into build/examples by scripts/make-examples.py)
// read cleanly and have the properties their descriptions claim. The expected numbers were worked out when the files were designed
// (tallied by hand / a throwaway script over the ballot lines), not taken from Prefero output.
#include <gtest/gtest.h>

#include <filesystem>

#include "elect/dominance.hpp"
#include "io/read.hpp"

using namespace prefero;

namespace {
Profile example(const std::string& file) {
  return read_profile((std::filesystem::path(PREFERO_EXAMPLES_DIR) / file).string());
}

// First-place votes of ballots whose top tier is a single candidate.
std::vector<int64_t> first_places(const Profile& p) {
  std::vector<int64_t> t(static_cast<size_t>(p.num_candidates()), 0);
  for (size_t b = 0; b < p.num_ballots(); ++b) {
    auto tiers = p.tiers(b);
    if (!tiers.empty() && tiers[0].size() == 1) t[tiers[0][0]] += p.counts[b];
  }
  return t;
}
}  // namespace

TEST(PreflibExamples, CityCouncilPluralityAndCondorcetWinnersDiffer) {
  Profile p = example("city_council.toi");
  EXPECT_EQ(p.num_voters, 101);
  EXPECT_EQ(p.num_candidates(), 5);
  EXPECT_EQ(first_places(p), (std::vector<int64_t>{35, 21, 33, 5, 5}));  // Alvarez leads on first places
  const auto all = all_candidates(5);
  EXPECT_EQ(condorcet_winner(p.support_ranked, all), std::optional<Cand>(1));     // Brooks
  EXPECT_EQ(condorcet_winner(p.support_tied_last, all), std::optional<Cand>(1));  // Brooks
  // Alvarez vs Chen flips with the unranked mode: -4 (incomparable) vs +3 (tied last).
  EXPECT_EQ(p.support_ranked.margin(0, 2), -4);
  EXPECT_EQ(p.support_tied_last.margin(0, 2), 3);
}

TEST(PreflibExamples, LunchHasACondorcetCycle) {
  Profile p = example("lunch.soc");
  EXPECT_EQ(p.num_voters, 23);
  EXPECT_EQ(p.support_ranked.margin(0, 1), 1);  // Pizza > Sushi
  EXPECT_EQ(p.support_ranked.margin(1, 2), 7);  // Sushi > Tacos
  EXPECT_EQ(p.support_ranked.margin(2, 0), 5);  // Tacos > Pizza
  EXPECT_EQ(condorcet_winner(p.support_ranked, all_candidates(4)), std::nullopt);
  for (Cand c = 0; c < 3; ++c) EXPECT_TRUE(p.support_ranked.beats(c, 3));  // Salad loses to all
}

TEST(PreflibExamples, ParkApprovalTallies) {
  Profile p = example("park_approval.cat");
  EXPECT_EQ(p.kind, BallotKind::categorical);
  EXPECT_EQ(p.num_voters, 39);
  std::vector<int64_t> approvals(6, 0);
  for (size_t b = 0; b < p.num_ballots(); ++b)
    for (Cand c = 0; c < 6; ++c)
      if (p.ballot(b)[c] == 0) approvals[c] += p.counts[b];
  EXPECT_EQ(approvals, (std::vector<int64_t>{14, 14, 21, 9, 13, 6}));
}
