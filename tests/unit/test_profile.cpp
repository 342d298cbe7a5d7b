// Profile building: merging identical ballots, pairwise support under both truncation modes.
#include <gtest/gtest.h>

#include "core/profile.hpp"

using namespace prefero;

TEST(Profile, MergesIdenticalBallotsAndCountsPairwiseByHand) {
  ProfileBuilder b(Candidates::numbered(3), BallotKind::ranking);
  b.add_tiers({{0}, {1}, {2}}, 2);
  b.add_tiers({{0}, {1}}, 1);       // truncated: 2 unranked
  b.add_tiers({{0}, {1}, {2}}, 3);  // same as the first
  b.add_levels(std::vector<int32_t>{5, 5, 9}, 1);  // {0,1} tied, then 2 (levels get compacted)
  Profile p = b.finish();
  EXPECT_EQ(p.num_voters, 7);
  ASSERT_EQ(p.num_ballots(), 3u);
  EXPECT_EQ(p.counts[0], 5);
  EXPECT_EQ(p.ballot(2)[0], 0);
  EXPECT_EQ(p.ballot(2)[2], 1);
  // 0 over 1: 5 + 1 = 6 ; 1 over 2: 5 (+1 truncated only when tied_last) + 1 = 6 / 7
  EXPECT_EQ(p.support_ranked(0, 1), 6);
  EXPECT_EQ(p.support_ranked(1, 0), 0);
  EXPECT_EQ(p.support_ranked(1, 2), 6);
  EXPECT_EQ(p.support_tied_last(1, 2), 7);
  EXPECT_EQ(p.support_tied_last(0, 2), 7);
  EXPECT_EQ(p.support_ranked(0, 2), 6);
  EXPECT_EQ(p.support_ranked.margin(2, 0), -6);
}

TEST(Profile, StatsCountTruncationTiesAndEmptyBallots) {
  ProfileBuilder b(Candidates::numbered(3), BallotKind::ranking);
  b.add_tiers({{0, 1}, {2}}, 2);
  b.add_tiers({{2}}, 3);
  b.add_tiers({}, 4);
  ProfileStats s = stats_of(b.finish());
  EXPECT_EQ(s.voters, 9);
  EXPECT_EQ(s.voters_with_ties, 2);
  EXPECT_EQ(s.voters_truncated, 7);
  EXPECT_EQ(s.voters_empty, 4);
}

// A count above 2^31 (found by fuzzing: it once made pairwise counting loop for minutes).
TEST(Profile, HugeCountsAreCountedExactly) {
  ProfileBuilder b(Candidates::numbered(3), BallotKind::ranking);
  b.add_tiers({{0}, {1}}, 4855555555LL);
  b.add_tiers({{1}, {0}, {2}}, 3);
  Profile p = b.finish();
  EXPECT_EQ(p.support_ranked(0, 1), 4855555555LL);
  EXPECT_EQ(p.support_ranked(1, 0), 3);
  EXPECT_EQ(p.support_ranked(0, 2), 3);
  EXPECT_EQ(p.support_tied_last(0, 2), 4855555555LL + 3);
}
