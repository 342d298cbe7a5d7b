#pragma once
// The in-memory state of the service: what replaying the event log yields (arenas with their
// votes and sufficient statistics, polls with their ballots). Changed only by Service::apply.
#include <cstdint>
#include <map>
#include <set>
#include <tuple>
#include <utility>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "rate/comparisons.hpp"
#include "rate/matchmaking.hpp"

namespace prefero::serve {

struct ArenaItem {
  std::string id, prompt;
  std::map<int, json> outputs;  // candidate index -> {"text": ...} | {"image": ...}
};

// A vote or an externally posted battle, as counted.
struct ArenaVote {
  int64_t seq = 0, time_ms = 0;
  std::string actor, kind;       // kind: "vote" or "battle"
  std::string matchup;           // matchup_key of the matchup ("" for battles)
  int item = -1;                 // item index, -1 for battles
  std::vector<int> models;       // shown order
  Outcome outcome = Outcome::tie;                 // pairwise votes
  std::vector<std::vector<int>> ranking;          // K-wise votes (tiers of model indices)
  std::vector<std::string> flags;                 // "self_identifying", "duplicate", "over_cap"
  bool counted = true;                            // false: duplicate or over the daily cap
};

struct ArenaState {
  json config;                   // the arena object with defaults filled
  std::string id, name, voting, model, policy;
  int k = 2;
  int64_t daily_cap = 0;
  std::map<std::string, std::string> params;
  std::vector<std::string> cand_ids, cand_names;
  std::map<std::string, int> cand_index;
  std::vector<ArenaItem> items;
  std::map<std::string, int> item_index;
  MatchState match;
  std::vector<ArenaVote> votes;           // every vote and battle in seq order (counted or not)
  std::map<int64_t, size_t> vote_by_seq;  // seq -> index into votes (battle batches: first seq)
  Comparisons stats;                      // sufficient statistics of the counted votes
  std::map<std::tuple<int, int, int>, size_t> row_of;  // (a, b, outcome) -> row of stats.pairs
  std::set<std::pair<std::string, std::string>> voted_matchups;  // (actor, matchup)
  std::map<std::pair<std::string, int64_t>, int64_t> per_day;    // (actor, UTC day) -> counted votes
  std::set<std::string> token_hashes;     // voter tokens of a "token" arena
  int64_t last_seq = 0;                   // the last event of this arena
};

struct PollBallot {
  int64_t seq = 0, time_ms = 0;
  std::string actor;
  json body;                                  // as stored (candidate names)
  std::vector<std::vector<int>> tiers;        // ranking: best first
  std::vector<int> approved;                  // approval
  std::vector<int64_t> grades;                // score: one per candidate (kNoGrade = none)
};

struct PollState {
  json config;
  std::string id, title, ballot, rule, voting;
  std::map<std::string, std::string> params;
  int seats = 1;
  int64_t opens_at = 0, closes_at = 0;  // Unix ms, 0 = none
  bool replace = false, closed = false;
  int64_t max_score = 10;
  std::vector<std::string> candidates;
  std::map<std::string, int> cand_index;
  std::set<std::string> token_hashes;
  std::vector<PollBallot> ballots;             // the ballot that counts per actor, in order of first ballot
  std::map<std::string, size_t> ballot_of;     // actor -> index into ballots
  std::map<int64_t, std::string> actor_of_seq; // ballot seq -> actor (answers for idempotent retries)
  int64_t last_seq = 0;
};

}  // namespace prefero::serve
