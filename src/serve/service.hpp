#pragma once
// The service logic of `prefero serve` (arenas, polls, the /v1 API), independent of HTTP and of
// the database: `handle` answers one Request; state is the replay of the VoteStore's event log,
// so a restart or a second process on the same store gives the same answers.
//
// State changes only by appending an event to the store and then applying it (`apply` is the one
// place state changes), in seq order. Thread-safe: reads hold a shared lock; writes append
// without the lock (the store may block for group commit) and then catch up under the exclusive
// lock, which applies every new event in seq order.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <shared_mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "rate/seeded_rng.hpp"
#include "serve/http_message.hpp"
#include "serve/service_sign.hpp"
#include "serve/service_state.hpp"
#include "serve/service_util.hpp"  // IdempotencyId
#include "serve/vote_store.hpp"

namespace prefero::serve {

struct ServiceOptions {
  std::string admin_token;                // may do everything ("" = nobody is admin)
  std::string hmac_key;                   // signs matchup ids ("" = derived from admin_token)
  std::function<int64_t()> clock;         // Unix ms (default: the system clock)
  uint64_t seed = 0;                      // matchmaking and matchup nonces (tests fix it)
  size_t max_body = 1 << 20;              // larger request bodies: 413
  // Leaderboards are refitted by a background thread at most once per this interval while their
  // arena changes; requests answer from that cache (0 = no thread: a request refits whenever the
  // arena changed since the cached fit).
  int64_t leaderboard_refresh_ms = 1000;
  int catch_up_ms = 50;                   // how often requests look for other processes' events (0 = every request)
  int64_t leaderboard_idle_ms = 600000;   // a cached leaderboard nobody asked for in this long is dropped
};

// A checked write: the event to append and how to answer once it is durable, or (`now` set) the
// answer without any append (an idempotent retry, a vote over the daily cap).
struct PendingWrite {
  std::optional<Response> now;
  StoredEvent event;
  std::function<Response(const AppendResult&)> answer;
  json body = nullptr;  // event.body already parsed (null: apply parses event.body itself)
  static PendingWrite at_once(Response r) {
    PendingWrite w;
    w.now = std::move(r);
    return w;
  }
};

struct BoardQuery;  // what a leaderboard request asks for (service_leaderboard.cpp)

class Service {
 public:
  Service(VoteStore& store, ServiceOptions options);
  // Waits for the answers of appends still in the store's queue; stops and joins the
  // leaderboard refresher.
  ~Service();
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;
  Response handle(const Request& request);
  // The same answers, for a server that must not block: a vote, ballot or battle is answered by
  // `reply` on the store's completion thread once it is durable (group commit without a thread
  // waiting per vote); every other request is answered before this returns.
  void handle_async(const Request& request, Respond reply);
  // Applies events appended by another process since the last one seen.
  void catch_up();
  // The largest seq applied.
  int64_t seq() const { return last_seen_.load(); }

 private:

  void apply(const StoredEvent& e, const json* body = nullptr);  // body: e.body already parsed
  void apply_arena(const StoredEvent& e, const json& body);
  void apply_poll(const StoredEvent& e, const json& body);
  // Appends, then catches up (so the event is applied); returns the store's answer.
  AppendResult append(StoredEvent e, const json* body = nullptr);
  // After this process appended `e` (its seq set): applies it once every smaller seq is applied,
  // waiting up to `wait_ms` for other threads' appends before reading a gap from the store.
  // `body` (optional) is e.body already parsed.
  void apply_own(const StoredEvent& e, const AppendResult& res, int wait_ms, const json* body = nullptr);
  Response commit(PendingWrite w);                                      // append and answer
  void commit_async(PendingWrite w, Respond reply);  // the same, answered later
  void look_for_other_processes();  // catch_up at most every catch_up_ms
  std::atomic<int> in_flight_{0};   // commit_async calls not answered yet
  int64_t now() const;
  bool is_admin(const Request& r) const;

  // Answers r; with `deferred`, a vote, ballot or battle is left there to commit_async instead.
  Response route(const Request& r, PendingWrite* deferred);
  // Arenas (arena.cpp).
  Response create_arena(const Request& r);
  Response list_arenas(const Request& r);
  Response get_arena(const Request& r, const std::string& id);
  Response add_items(const Request& r, const std::string& id);
  Response arena_tokens(const Request& r, const std::string& id);
  Response next_matchup(const Request& r, const std::string& id);
  PendingWrite post_vote(const Request& r, const std::string& id);
  PendingWrite post_battles(const Request& r, const std::string& id);
  Response leaderboard(const Request& r, const std::string& id);
  Response audit(const Request& r, const std::string& id);
  Response flags(const Request& r, const std::string& id);
  std::string vote_answer(const ArenaState& a, int64_t seq) const;  // JSON text {"vote": {...}}
  Response matchup_answer(const std::string& id, const ArenaItem& item, const std::vector<int>& picked,
                          const std::vector<int>& cands, const ArenaState& a, SeededRng& rng) const;
  json flags_json(const ArenaState& a) const;
  std::set<std::string> flagged_actors(const ArenaState& a) const;
  // Polls (poll.cpp).
  Response create_poll(const Request& r);
  Response list_polls(const Request& r);
  Response get_poll(const Request& r, const std::string& id);
  Response poll_tokens(const Request& r, const std::string& id);
  PendingWrite post_ballot(const Request& r, const std::string& id);
  Response poll_results(const Request& r, const std::string& id);
  Response poll_preflib(const Request& r, const std::string& id);
  Response close_poll(const Request& r, const std::string& id);

  const ArenaState& arena_or_404(const std::string& id) const;
  const PollState& poll_or_404(const std::string& id) const;

  VoteStore& store_;
  ServiceOptions opt_;
  const SealKey seal_key_;  // matchup ids (from hmac_key, or derived from admin_token)
  mutable std::shared_mutex mu_;   // guards the state below
  std::mutex catch_up_mu_;         // one catch-up at a time
  std::atomic<int64_t> last_seen_{0};
  // This process's own appended events, applied directly (no read back from the store) as soon
  // as every smaller seq is applied; guarded by mu_. applied_ is signalled after each drain.
  std::map<int64_t, StoredEvent> pending_;
  std::condition_variable_any applied_;
  void drain_pending();  // with mu_ held exclusively
  // When handle() last asked the store for other processes' events (Unix ms).
  std::atomic<int64_t> last_poll_ms_{0};
  std::atomic<uint64_t> draws_{0};  // matchmaking stream counter
  std::map<std::string, ArenaState> arenas_;
  std::map<std::string, PollState> polls_;
  std::unordered_map<IdempotencyId, int64_t, IdempotencyIdHash> idempotency_;  // -> seq
  // Leaderboard cache: (arena, model, params, exclude_flagged) -> the answer at an arena seq.
  struct CachedBoard {
    std::shared_ptr<const BoardQuery> query;
    int64_t seq = 0, fitted_at = 0, requested_at = 0;  // arena seq fitted; Unix ms of the fit and of the last request
    std::shared_ptr<const std::string> body;           // shared: a hit copies the text outside cache_mu_
  };
  mutable std::mutex cache_mu_;
  mutable std::map<std::string, CachedBoard> cache_;

 public:
  // One pass of the leaderboard refresher (the thread calls it every refresh interval / 10):
  // drops cached leaderboards not requested for leaderboard_idle_ms and refits those whose arena
  // changed since a fit at least leaderboard_refresh_ms old. Public for tests.
  void refresh_leaderboards();

 private:
  // Fits `q` on a copy of its arena's statistics: the copy under the shared lock (not held by
  // the caller), the fit without it.
  CachedBoard fit_board(std::shared_ptr<const BoardQuery> q) const;
  void refresher_loop();
  void start_refresher();  // from the constructor (no thread when leaderboard_refresh_ms is 0)
  std::mutex refresher_mu_;
  std::condition_variable refresher_cv_;
  bool stopping_ = false;  // guarded by refresher_mu_
  // A leaderboard request's arena and query parameters -> its cache key (guarded by cache_mu_).
  std::map<std::string, std::string> board_alias_;
  std::thread refresher_;  // last: started after everything above exists
};

// {"openapi": "3.1.0", ...} describing every /v1 endpoint (service_openapi.cpp).
json openapi_document();

}  // namespace prefero::serve
