#pragma once
// Vote-manipulation defences of an arena (notes/arena.md §11): self-identifying votes, FastChat's
// sequential per-voter outlier test (§1.9) and clusters of voters who vote alike (as SybilWall
// flags sybils). Pure functions of the votes, so every server process flags the same voters.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "rate/comparisons.hpp"

namespace prefero::serve {

// One pairwise vote as the defences see it.
struct AbuseVote {
  std::string actor;
  int item = 0;          // item index
  int a = 0, b = 0;      // model indices in shown order
  Outcome outcome = Outcome::tie;
};

// True when any output text contains any needle (a shown candidate's id or name), compared
// case-insensitively. Needles shorter than `min_length` characters are ignored (an id such as
// "a" would match almost every text).
bool self_identifying(const std::vector<std::string>& output_texts, const std::vector<std::string>& needles,
                      size_t min_length = 3);

// FastChat's `outlier_detect` (arena.md §1.9): voters with >= min_votes pairwise votes are
// checked on their first max_votes votes, in order. For a vote on the unordered pair (m1 < m2)
// v = 1 if the voter picked m1, 0.5 for a tie, 0 otherwise; the reference sample is every
// non-tie vote on that pair (all voters, 1 = m1 won). p_upper = mean(ref <= v), p_lower =
// mean(ref >= v); M_upper *= 1/(2 p_upper), M_lower *= 1/(2 p_lower); flagged as soon as either
// exceeds 1/alpha. A factor whose p is 0 (a tie on a pair nobody else decided) is skipped.
struct OutlierOptions {
  double alpha = 0.05;  // FastChat's default (the service's arenas default to 0.001: see arena.cpp)
  int min_votes = 5;
  int max_votes = 100;
};
struct OutlierVerdict {
  int votes_checked = 0;
  double m_upper = 1, m_lower = 1;  // the running products when the test stopped
  bool flagged = false;
};
std::map<std::string, OutlierVerdict> outlier_test(const std::vector<AbuseVote>& votes, size_t num_models,
                                                   const OutlierOptions& opt = {});

// Voters who vote alike: two voters are linked when, over the matchups both voted on (same item,
// same unordered model pair; a voter's latest vote on it counts), they gave the same outcome on
// at least `agreement` of at least `min_shared` shared matchups. Clusters are the connected
// components (union-find) with two or more voters, each sorted, listed by their first voter.
struct ClusterOptions {
  int min_shared = 20;
  double agreement = 0.95;
};
struct VoterCluster {
  std::vector<std::string> actors;
  double min_agreement = 1;  // the weakest link that joined them
};
std::vector<VoterCluster> vote_alike_clusters(const std::vector<AbuseVote>& votes, const ClusterOptions& opt = {});

}  // namespace prefero::serve
