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

// Flags of one vote (a bit mask; names in vote_flag_names).
enum VoteFlag : uint8_t { kSelfIdentifying = 1, kDuplicate = 2, kOverCap = 4 };

// A vote or an externally posted battle, as counted. Kept small: an arena may hold millions.
struct ArenaVote {
  int64_t seq = 0, time_ms = 0;
  int32_t actor = 0;             // index into ArenaState::actors
  int32_t item = -1;             // item index, -1 for battles
  std::vector<int> models;       // shown order
  std::vector<std::vector<int>> ranking;  // K-wise votes (tiers of model indices)
  Outcome outcome = Outcome::tie;         // pairwise votes
  uint8_t flags = 0;             // VoteFlag bits
  bool battle = false;           // posted by an external app (POST battles), not a voter
  bool counted = true;           // false: duplicate or over the daily cap
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
  std::vector<std::string> actors;        // voter ids, interned
  std::map<std::string, int32_t> actor_index;
  Comparisons stats;                      // sufficient statistics of the counted votes
  std::map<std::tuple<int, int, int>, size_t> row_of;  // (a, b, outcome) -> row of stats.pairs
  std::set<std::tuple<int32_t, uint64_t, uint64_t>> voted_matchups;  // (actor, matchup_key)
  std::map<std::pair<int32_t, int64_t>, int64_t> per_day;            // (actor, UTC day) -> counted votes
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
