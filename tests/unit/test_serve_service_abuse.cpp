// The arena's vote-manipulation defences on hand-built votes, with hand-worked expected values.
#include <gtest/gtest.h>

#include <cmath>

#include "serve/abuse.hpp"

namespace prefero::serve {
namespace {

AbuseVote vote(const std::string& actor, int item, int a, int b, Outcome o) { return AbuseVote{actor, item, a, b, o}; }

TEST(ServeServiceAbuse, SelfIdentifyingIsCaseInsensitiveAndIgnoresShortNeedles) {
  EXPECT_TRUE(self_identifying({"Hello, I am GPT-4o by OpenAI."}, {"gpt-4o", "x"}));
  EXPECT_FALSE(self_identifying({"The answer is 42."}, {"gpt-4o", "a"}));  // "a" is too short to count
  EXPECT_TRUE(self_identifying({"The answer is 42."}, {"a"}, 1));
  EXPECT_FALSE(self_identifying({}, {"claude"}));
}

// Pair (0, 1): eight voters pick model 0 once each; voter "c" picks model 1 five times.
// Reference (non-tie votes on the pair, everyone's): n = 13, lo (model 0) won 8, hi won 5.
// For c every vote has v = 0: p_upper = mean(ref <= 0) = 5/13, p_lower = mean(ref >= 0) = 1,
// so M_upper = (13/10)^k and M_lower = (1/2)^k after k votes.
std::vector<AbuseVote> planted() {
  std::vector<AbuseVote> v;
  for (int i = 0; i < 8; ++i) v.push_back(vote("h" + std::to_string(i), 0, i % 2 ? 0 : 1, i % 2 ? 1 : 0, i % 2 ? Outcome::a_wins : Outcome::b_wins));
  for (int i = 0; i < 5; ++i) v.push_back(vote("c", 0, 0, 1, Outcome::b_wins));
  return v;
}

TEST(ServeServiceAbuse, OutlierTestIsFastChatsRunningProduct) {
  OutlierOptions o;
  o.alpha = 0.05;  // threshold 20: 1.3^5 = 3.71293 stays below
  auto r = outlier_test(planted(), 2, o);
  ASSERT_TRUE(r.count("c"));
  EXPECT_FALSE(r["c"].flagged);
  EXPECT_EQ(r["c"].votes_checked, 5);
  EXPECT_NEAR(r["c"].m_upper, std::pow(1.3, 5), 1e-12);
  EXPECT_NEAR(r["c"].m_lower, std::pow(0.5, 5), 1e-12);
  EXPECT_FALSE(r.count("h0"));  // one vote: below min_votes = 5
  o.alpha = 0.3;                // threshold 3.33: 1.3^4 = 2.86 below, 1.3^5 = 3.71 above
  r = outlier_test(planted(), 2, o);
  EXPECT_TRUE(r["c"].flagged);
  EXPECT_EQ(r["c"].votes_checked, 5);
  o.max_votes = 4;  // only the first four votes are examined
  r = outlier_test(planted(), 2, o);
  EXPECT_FALSE(r["c"].flagged);
}

TEST(ServeServiceAbuse, VoteAlikeClustersNeedAgreementAndOverlap) {
  // Matchups: 20 items on pair (0, 1). x and y agree on all 20; z agrees with x on 19 (95 %);
  // w agrees with x on 18 (90 %) and with z on 17; u agrees everywhere but voted on 19 matchups only.
  std::vector<AbuseVote> v;
  for (int item = 0; item < 20; ++item) {
    const Outcome o = item % 3 ? Outcome::a_wins : Outcome::b_wins;
    const Outcome flip = o == Outcome::a_wins ? Outcome::b_wins : Outcome::a_wins;
    v.push_back(vote("x", item, 0, 1, o));
    v.push_back(vote("y", item, 1, 0, flip));  // the same choice seen from the other side
    v.push_back(vote("z", item, 0, 1, item == 0 ? flip : o));
    v.push_back(vote("w", item, 0, 1, item == 1 || item == 2 ? flip : o));
    if (item > 0) v.push_back(vote("u", item, 0, 1, o));
  }
  auto c = vote_alike_clusters(v);
  ASSERT_EQ(c.size(), 1u);
  // w: with x 18/20; with z 17/20 -> out. u: 19 shared < 20 -> out.
  EXPECT_EQ(c[0].actors, (std::vector<std::string>{"x", "y", "z"}));
  EXPECT_NEAR(c[0].min_agreement, 0.95, 1e-12);
  ClusterOptions loose;
  loose.min_shared = 19;
  loose.agreement = 0.9;
  EXPECT_EQ(vote_alike_clusters(v, loose)[0].actors, (std::vector<std::string>{"u", "w", "x", "y", "z"}));
}

}  // namespace
}  // namespace prefero::serve
