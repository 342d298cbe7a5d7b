// The PostgreSQL VoteStore (`postgresql://...`), via libpqxx; compiled to a stub that says so
// when the build did not find libpqxx (CMake defines PREFERO_HAVE_PQXX for this file only).
//
// Same table and semantics as the SQLite store: events(seq, stream, kind, idem, actor, time_ms,
// body), a partial unique index on (stream, idem) where idem <> '', group commit (one writer
// thread per process, store_group_commit.hpp), scan in seq order on a second connection.
//
// Seq order == commit order, also with several server processes on one database. A plain
// identity column is not enough: process A may draw seq 10, process B seq 11, and B commit first;
// a reader that saw 11 and asks for "after 11" would never see 10. So every batch transaction
// first takes a transaction-level advisory lock (pg_advisory_xact_lock, released by the commit
// itself, after the commit is visible): seqs are drawn only while holding it, hence every seq a
// later transaction draws is larger than every seq of the transactions committed before, and a
// snapshot that sees a seq sees every smaller committed one. The lock also makes the idempotency
// look-up and the insert atomic across processes (the unique index stays as the last guard).
// With one writer per process the lock costs one round trip per batch, not per vote.
//
// Durability: PostgreSQL's default synchronous_commit=on; the commit returns after the WAL is
// flushed. A connection lost during COMMIT is "in doubt" (the error reaches the caller): a retry
// with the same idempotency key gets the stored seq if it did commit.
#include <memory>
#include <string>

#include "core/error.hpp"
#include "serve/store_backends.hpp"

#ifdef PREFERO_HAVE_PQXX

#include <chrono>
#include <cstdint>
#include <mutex>
#include <pqxx/pqxx>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

#include "serve/store_group_commit.hpp"

namespace prefero::serve {

namespace {

constexpr int64_t kLockKey = 0x7072656665726fLL;  // "prefero": the advisory lock of the event log
constexpr int kAttempts = 5;  // a lost connection: libpqxx reconnects on the next use; retry this often

// Runs fn, again after a lost connection (the server restarted, a proxy dropped it), waiting
// 0.1, 0.2, 0.4, 0.8 s in between (a server restart takes about a second). Only for work that did not commit anything when the connection
// broke: a loss during COMMIT is pqxx::in_doubt_error, which is not retried (the caller sees it;
// a retry with the same idempotency key is the safe way on).
template <typename Fn>
auto with_reconnect(Fn&& fn) {
  for (int attempt = 1;; ++attempt) {
    try {
      return fn();
    } catch (const pqxx::broken_connection&) {
      if (attempt >= kAttempts) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(100 << (attempt - 1)));
    }
  }
}

// The URL without a password, for messages.
std::string redact(const std::string& url) {
  auto scheme = url.find("://");
  auto at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos || at < scheme) return url;
  auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

class PostgresStore : public VoteStore {
 public:
  explicit PostgresStore(const std::string& url) : where_(redact(url)) {
    try {
      wconn_ = std::make_unique<pqxx::connection>(url);
      rconn_ = std::make_unique<pqxx::connection>(url);
    } catch (const pqxx::broken_connection& e) {
      throw InputError(where_ + ": cannot connect to PostgreSQL: " + trim(e.what()));
    } catch (const std::exception& e) {
      throw InputError(where_ + ": cannot connect to PostgreSQL: " + trim(e.what()));
    }
    try {
      pqxx::work tx(*wconn_);
      tx.exec_params("SELECT pg_advisory_xact_lock($1)", kLockKey);  // two servers starting at once
      tx.exec(
          "CREATE TABLE IF NOT EXISTS events(seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
          "stream TEXT NOT NULL, kind TEXT NOT NULL, idem TEXT NOT NULL DEFAULT '', actor TEXT NOT NULL DEFAULT '', "
          "time_ms BIGINT NOT NULL DEFAULT 0, body TEXT NOT NULL DEFAULT '')");
      tx.exec("CREATE UNIQUE INDEX IF NOT EXISTS events_idem ON events(stream, idem) WHERE idem <> ''");
      tx.commit();
    } catch (const pqxx::sql_error& e) {
      throw InputError(where_ + ": cannot create the events table: " + trim(e.what()));
    }
    wconn_->prepare("lock", "SELECT pg_advisory_xact_lock($1)");
    wconn_->prepare("find", "SELECT seq FROM events WHERE stream = $1 AND idem = $2 AND idem <> ''");
    wconn_->prepare("insert",
                    "INSERT INTO events(stream, kind, idem, actor, time_ms, body) VALUES ($1, $2, $3, $4, $5, $6) "
                    "ON CONFLICT (stream, idem) WHERE idem <> '' DO NOTHING RETURNING seq");
    rconn_->prepare("scan",
                    "SELECT seq, stream, kind, idem, actor, time_ms, body FROM events WHERE seq > $1 AND seq <= $2 "
                    "ORDER BY seq LIMIT $3");
    rconn_->prepare("last", "SELECT coalesce(max(seq), 0) FROM events");
    committer_ = std::make_unique<GroupCommitter>([this](std::vector<PendingAppend*>& batch) { write(batch); });
  }

  ~PostgresStore() override { committer_.reset(); }

  AppendResult append(const StoredEvent& e) override { return committer_->append(e); }
  void append_async(StoredEvent e, AppendDone done) override { committer_->append_async(std::move(e), std::move(done)); }

  void scan(int64_t after, const std::function<void(const StoredEvent&)>& on_event) override {
    auto read = [this](int64_t from, int64_t until, int64_t limit) { return read_chunk(from, until, limit); };
    scan_in_chunks(after, last_seq(), read, on_event);
  }

  int64_t last_seq() override {
    std::lock_guard lock(read_mu_);
    return with_reconnect([&] {
      pqxx::nontransaction tx(*rconn_);
      return tx.exec_prepared1("last")[0].as<int64_t>();
    });
  }

 private:
  static std::string trim(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
  }

  // Up to `limit` events with from < seq <= until, in seq order (scan_in_chunks).
  std::vector<StoredEvent> read_chunk(int64_t from, int64_t until, int64_t limit) {
    std::vector<StoredEvent> chunk;
    std::lock_guard lock(read_mu_);
    pqxx::result r = with_reconnect([&] {
      pqxx::nontransaction tx(*rconn_);
      return tx.exec_prepared("scan", from, until, limit);
    });
    for (const auto& row : r) {
      StoredEvent ev;
      ev.seq = row[0].as<int64_t>();
      ev.stream = row[1].as<std::string>();
      ev.kind = row[2].as<std::string>();
      ev.idempotency_key = row[3].as<std::string>();
      ev.actor = row[4].as<std::string>();
      ev.time_ms = row[5].as<int64_t>();
      ev.body = row[6].as<std::string>();
      chunk.push_back(std::move(ev));
    }
    return chunk;
  }

  // The writer thread's transaction for one batch (see the comment at the top on the lock).
  void write(std::vector<PendingAppend*>& batch) {
    with_reconnect([&] { write_once(batch); });
  }

  void write_once(std::vector<PendingAppend*>& batch) {
    pqxx::work tx(*wconn_);
    tx.exec_prepared("lock", kLockKey);
    // The batch's inserts go out together in a pipeline (a few round trips per batch, not one
    // per event), each one statement with its values quoted by libpq, executed in order. An
    // insert skips a key the stream already has (RETURNING no row; also a key repeated in the
    // batch); only those are looked up afterwards for the earlier seq.
    std::vector<PendingAppend*> skipped;
    {
      pqxx::pipeline pipe(tx);
      std::vector<pqxx::pipeline::query_id> ids;
      ids.reserve(batch.size());
      for (PendingAppend* p : batch) {
        const StoredEvent& e = p->event;
        ids.push_back(pipe.insert("INSERT INTO events(stream, kind, idem, actor, time_ms, body) VALUES (" +
                                  tx.quote(e.stream) + ", " + tx.quote(e.kind) + ", " + tx.quote(e.idempotency_key) +
                                  ", " + tx.quote(e.actor) + ", " + std::to_string(e.time_ms) + ", " + tx.quote(e.body) +
                                  ") ON CONFLICT (stream, idem) WHERE idem <> '' DO NOTHING RETURNING seq"));
      }
      pipe.complete();
      for (std::size_t i = 0; i < batch.size(); ++i) {
        pqxx::result r = pipe.retrieve(ids[i]);
        if (r.empty())
          skipped.push_back(batch[i]);
        else
          batch[i]->result = {r[0][0].as<int64_t>(), false};
      }
    }
    for (PendingAppend* p : skipped) {
      pqxx::result found = tx.exec_prepared("find", p->event.stream, p->event.idempotency_key);
      if (found.empty()) throw std::runtime_error(where_ + ": an insert was skipped but its key is not there");
      p->result = {found[0][0].as<int64_t>(), true};
    }
    tx.commit();
  }

  std::string where_;
  std::unique_ptr<pqxx::connection> wconn_;  // the writer thread's (after construction)
  std::unique_ptr<pqxx::connection> rconn_;  // scan and last_seq, behind read_mu_
  std::mutex read_mu_;
  std::unique_ptr<GroupCommitter> committer_;
};

}  // namespace

std::unique_ptr<VoteStore> open_postgres_store(const std::string& url) { return std::make_unique<PostgresStore>(url); }

bool postgres_store_available() { return true; }

}  // namespace prefero::serve

#else  // no libpqxx

namespace prefero::serve {

std::unique_ptr<VoteStore> open_postgres_store(const std::string&) {
  throw InputError(
      "this prefero was built without PostgreSQL support (libpqxx was not found; install libpqxx-dev and "
      "rebuild), use --db sqlite:PATH");
}

bool postgres_store_available() { return false; }

}  // namespace prefero::serve

#endif
