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
#include "serve/flat_u64.hpp"

namespace prefero::serve {

struct ArenaItem {
  std::string id, prompt;
  std::map<int, json> outputs;  // candidate index -> {"text": ...} | {"image": ...}
};

// Flags of one vote (a bit mask; names in vote_flag_names).
enum VoteFlag : uint8_t { kSelfIdentifying = 1, kDuplicate = 2, kOverCap = 4 };

// A vote or an externally posted battle, as counted. Fixed-size (40 bytes, no allocation): an
// arena may hold millions. A K-wise vote keeps its models and ranking in ArenaState::kwise.
struct ArenaVote {
  int64_t seq = 0, time_ms = 0;
  int32_t actor = 0;             // index into ArenaState::actors
  int32_t item = -1;             // item index, -1 for battles
  int32_t a = 0, b = 0;          // pairwise: the models in shown order (slot A, slot B)
  int32_t kwise = -1;            // K-wise: index into ArenaState::kwise; -1 = pairwise
  Outcome outcome = Outcome::tie;  // pairwise votes
  uint8_t flags = 0;             // VoteFlag bits
  bool battle = false;           // posted by an external app (POST battles), not a voter
  bool counted = true;           // false: duplicate or over the daily cap
};
static_assert(sizeof(ArenaVote) <= 40, "ArenaVote is kept for every vote: keep it small");

// (a, b, outcome) of a battle as a 64-bit key -> its row of Comparisons::pairs.
using PairRowIndex = FlatU64Map<size_t>;

// The models shown and the ranking given (tiers of model indices, best first) of a K-wise vote.
struct KwiseVote {
  std::vector<int> models;
  std::vector<std::vector<int>> ranking;
};

// The (actor, matchup) pairs voted on, for the one-vote-per-matchup rule, as one 64-bit hash per
// pair (the matchup key is already a keyed hash; two pairs share a hash with probability
// ≈ n² / 2^65, 3e-6 at 10 M votes, which would refuse the second as a duplicate).
class VotedMatchups {
 public:
  using Key = std::tuple<int32_t, uint64_t, uint64_t>;  // (actor, matchup_key)
  size_t count(const Key& k) const { return set_.find(hash(k)) ? 1 : 0; }
  bool insert(const Key& k) { return set_.insert(hash(k)).second; }  // false: voted before
  size_t size() const { return set_.size(); }

 private:
  static uint64_t hash(const Key& k) {
    const uint64_t actor = static_cast<uint32_t>(std::get<0>(k));
    return std::get<1>(k) ^ (std::get<2>(k) << 29 | std::get<2>(k) >> 35) ^ (actor + 1) * 0x9e3779b97f4a7c15ULL;
  }
  FlatU64Set set_;
};

// Counted votes per (actor, UTC day), keyed by actor << 32 | day.
class DailyCounts {
 public:
  using Key = std::pair<int32_t, int64_t>;  // (actor, days since 1970-01-01 UTC)
  using Entry = FlatU64Map<int64_t>::Slot;  // ->second: the count
  const Entry* find(const Key& k) const { return map_.find(key(k)); }
  const Entry* end() const { return nullptr; }
  int64_t& operator[](const Key& k) { return map_[key(k)]; }

 private:
  static uint64_t key(const Key& k) {
    return static_cast<uint64_t>(static_cast<uint32_t>(k.first)) << 32 | static_cast<uint32_t>(k.second);
  }
  FlatU64Map<int64_t> map_;
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
  PairRowIndex row_of;                    // (a, b, outcome) -> row of stats.pairs
  std::vector<KwiseVote> kwise;           // the models and rankings of K-wise votes (ArenaVote::kwise)
  VotedMatchups voted_matchups;           // (actor, matchup_key) voted on
  DailyCounts per_day;                    // (actor, UTC day) -> counted votes
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
