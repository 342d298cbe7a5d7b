#pragma once
// Durable storage for the service (`prefero serve`): an append-only log of events (an arena or
// poll created, a vote, a ballot, a poll closed, ...). The in-memory state of every arena and
// poll is rebuilt by replaying the log, and a second server process on the same database
// catches up by reading what it has not seen (scan from its last seq). Backends: SQLite
// (`sqlite:PATH`, the default) and PostgreSQL (`postgresql://...`).
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace prefero::serve {

// One record of the log.
struct StoredEvent {
  int64_t seq = 0;              // given by the store: increasing, unique (0 before append)
  std::string stream;           // what it belongs to: "arena:ID", "poll:ID"
  std::string kind;             // "arena_created", "vote", "poll_created", "ballot", ...
  std::string idempotency_key;  // "" = none; otherwise unique within the stream
  std::string actor;            // who: "admin", a voter id (hash of a token), "anon:<hash of ip>"
  int64_t time_ms = 0;          // when (Unix milliseconds, set by the caller)
  std::string body;             // the event itself, JSON text
};

struct AppendResult {
  int64_t seq = 0;         // the event's seq (the earlier one's for a duplicate)
  bool duplicate = false;  // the stream already had this idempotency key: nothing was written
};

// Called once an append is durable (error = nullptr) or failed: with the event as written (its
// seq set) and the store's answer.
using AppendDone = std::function<void(const StoredEvent& e, const AppendResult& result, std::exception_ptr error)>;

class VoteStore {
 public:
  virtual ~VoteStore() = default;
  // Writes one event; durable when this returns (committed and synced). Safe to call from many
  // threads at once; backends group concurrent appends into one transaction (group commit).
  virtual AppendResult append(const StoredEvent& e) = 0;
  // The same without blocking the caller: `done` runs once the event is durable, on a thread of
  // the store that calls them in commit order (or at once, in this default). `done` must be quick
  // (it delays the answers after it) and must not append; it may scan.
  virtual void append_async(StoredEvent e, AppendDone done) {
    AppendResult result;
    std::exception_ptr error;
    try {
      result = append(e);
      e.seq = result.seq;
    } catch (...) {
      error = std::current_exception();
    }
    done(e, result, error);
  }
  // Every event with seq > after, in seq order.
  virtual void scan(int64_t after, const std::function<void(const StoredEvent&)>& on_event) = 0;
  // The largest seq written (0 when empty).
  virtual int64_t last_seq() = 0;
};

// Opens (creating when missing) the store named by `url`: "sqlite:PATH", "memory:" (tests), or
// "postgresql://..." / "postgres://...". InputError for a malformed or unreachable URL.
std::unique_ptr<VoteStore> open_vote_store(const std::string& url);

// An in-memory store (not durable): for tests of the service logic.
std::unique_ptr<VoteStore> make_memory_store();

}  // namespace prefero::serve
