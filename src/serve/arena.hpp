#pragma once
// Arena logic shared by the service's handlers and its apply path: parsing an arena and its
// items, the sufficient statistics of the votes, and the leaderboard computation.
#include <set>
#include <string>
#include <vector>

#include "serve/service_state.hpp"

namespace prefero::serve {

// Validates a posted arena (400 naming the field) and returns it with defaults filled; the
// items are returned separately (checked against the candidates).
json normalize_arena(const json& posted, std::vector<json>& items);
// Validates items against the candidates of `a` ("items[i]..." fields); `existing` ids refused.
std::vector<json> normalize_items(const json& items, const std::vector<std::string>& cand_ids,
                                  const std::map<std::string, int>& existing);
// State from the normalized config (apply of arena_created).
ArenaState arena_from_config(const json& config);
// Adds a normalized item to the arena.
void add_item(ArenaState& a, const json& item);
// Counts one vote in the sufficient statistics, the matchmaking state and the skill estimate.
void count_vote(ArenaState& a, const ArenaVote& v);
// The models shown by a vote, in slot order (A, B, ...).
std::vector<int> shown_models(const ArenaState& a, const ArenaVote& v);
// The comparisons of the counted votes. `exclude` voters and (with exclude_flagged_votes)
// self-identifying votes are left out; keep_order = one row per vote in seq order (online models).
Comparisons arena_comparisons(const ArenaState& a, const std::set<std::string>& exclude, bool exclude_flagged_votes,
                              bool keep_order);
// What identifies a matchup for the duplicate-vote rule: the 32 hex digits after the '.' of its
// sealed id (the synthetic IV, a keyed hash of the payload with its nonce); the full id is long,
// and keeping it per vote would cost memory for millions of votes.
std::pair<uint64_t, uint64_t> matchup_key(const std::string& matchup);
// "self_identifying", "duplicate", "over_cap" for the VoteFlag bits set.
std::vector<std::string> vote_flag_names(uint8_t flags);
// The interned index of a voter id (added when new).
int32_t intern_actor(ArenaState& a, const std::string& actor);
// The index of a voter id, or -1 when it never voted here.
int32_t find_actor(const ArenaState& a, const std::string& actor);
// The first vote with this seq, or nullptr.
const ArenaVote* find_vote(const ArenaState& a, int64_t seq);
// "model_a" | "model_b" | "tie" | "tie (bothbad)".
std::string outcome_name(Outcome o);
// Inverse of outcome_name (also "A", "B", "bothbad"); false for anything else.
bool outcome_from(const std::string& s, Outcome& o);
// {"models": [...], "matrix": [[...]]}: empirical win fraction of row over column among decided
// battles (ties left out, as FastChat), K-wise rankings counted as their implied pairs
// (rate/win_matrix.hpp, KwisePairs::implied); null = never decided.
json win_rate_json(const Comparisons& c, const std::vector<int>& order);

}  // namespace prefero::serve
