// The SQLite VoteStore (`sqlite:PATH`, the default backend of `prefero serve`).
//
// One table, events(seq INTEGER PRIMARY KEY, stream, kind, idem, actor, time_ms, body), and no
// other index: the idempotency keys (idem) are checked in memory (idempotency_index.hpp), since a
// unique index over random keys costs a 4 KB page write per vote. The writer fills that index
// from the table when the store opens and, inside each batch's write transaction, from the rows
// other processes appended since its last batch, so the check stays exact across processes.
//
// Durability: journal_mode=WAL with synchronous=FULL. In WAL mode synchronous=NORMAL already
// survives a crash of the process (kill -9), but the last commits may roll back after a power
// loss or an OS crash; FULL syncs the WAL at every commit, so an append that returned survives
// both, as far as SQLite and the disk promise. Group commit (store_group_commit.hpp) shares that
// sync among all the appends that arrive while the previous batch is syncing.
//
// Checkpoints (copying the WAL back into the database file, with its own fsync) run on a
// background thread with a third connection once the WAL holds kWalCheckpointFrames frames, so
// a commit does not wait for them (SQLite's default runs them inside the commit that crossed
// 1000 frames: a latency spike). When the background checkpoints cannot keep up (the WAL keeps
// growing under constant load), the writer checkpoints itself at kWalHardCapFrames.
//
// Connections: one write connection, used only by the writer thread (plus the constructor), and
// one read connection for scan/last_seq behind its own mutex; WAL lets reads run during a write.
// Several processes may open the same file: BEGIN IMMEDIATE takes SQLite's write lock before the
// idempotency look-up, so look-up and insert are atomic across processes too. (Every process on
// one file must run a version that checks keys this way: older ones relied on the unique index,
// which opening the file now drops.)
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "serve/idempotency_index.hpp"
#include "serve/store_backends.hpp"
#include "serve/store_group_commit.hpp"
#include "serve/thread_name.hpp"

namespace prefero::serve {

namespace {

constexpr int kBusyTimeoutMs = 10000;  // wait this long for another process's write lock
constexpr int kWalCheckpointFrames = 1000;  // wake the background checkpointer (SQLite's default size)
constexpr int kWalHardCapFrames = 10000;    // ~40 MB of WAL: the writer checkpoints itself

// A prepared statement, finalized on destruction.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql, const std::string& where) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK)
      throw InputError(SourceLocation{where, 0, 0}, std::string("SQLite: ") + sqlite3_errmsg(db));
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  sqlite3_stmt* get() const { return stmt_; }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  void bind(int i, const std::string& s) { sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC); }
  void bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  std::string text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

sqlite3* open_db(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    throw InputError("sqlite:" + path + ": cannot open the database: " + msg);
  }
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  sqlite3_extended_result_codes(db, 1);
  return db;
}

class SqliteStore : public VoteStore {
 public:
  explicit SqliteStore(std::string path) : path_(std::move(path)) {
    try {
      wdb_ = open_db(path_);
      if (sqlite3_db_readonly(wdb_, "main") == 1)
        throw InputError("sqlite:" + path_ + ": the database file is read-only (the server must be able to write it)");
      if (switch_to_wal() != "wal")
        throw InputError("sqlite:" + path_ + ": SQLite cannot use its WAL journal here (a network file system?); "
                         "put the database on a local disk");
      exec(wdb_, "PRAGMA synchronous=FULL");
      exec(wdb_,
           "CREATE TABLE IF NOT EXISTS events(seq INTEGER PRIMARY KEY, stream TEXT NOT NULL, kind TEXT NOT NULL, "
           "idem TEXT NOT NULL DEFAULT '', actor TEXT NOT NULL DEFAULT '', time_ms INTEGER NOT NULL DEFAULT 0, "
           "body TEXT NOT NULL DEFAULT '')");
      exec(wdb_, "DROP INDEX IF EXISTS events_idem");  // the unique index of earlier versions
      rdb_ = open_db(path_);
      cdb_ = open_db(path_);
      // A connection learns that the file is in WAL mode only when it first reads it; until then
      // sqlite3_wal_checkpoint_v2 on it is a silent no-op (the WAL grew to the hard cap before).
      query_text(cdb_, "PRAGMA journal_mode");
      sqlite3_wal_hook(wdb_, &SqliteStore::on_wal_commit, this);  // replaces SQLite's autocheckpoint
      exec(rdb_, "PRAGMA synchronous=FULL");
      key_at_ = std::make_unique<Statement>(wdb_, "SELECT stream, idem FROM events WHERE seq = ?1", where());
      newer_ = std::make_unique<Statement>(wdb_, "SELECT seq, stream, idem FROM events WHERE seq > ?1 ORDER BY seq", where());
      insert_ = std::make_unique<Statement>(
          wdb_, "INSERT INTO events(stream, kind, idem, actor, time_ms, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING seq",
          where());
      learn_newer_keys();  // every key stored so far
      scan_ = std::make_unique<Statement>(
          rdb_,
          "SELECT seq, stream, kind, idem, actor, time_ms, body FROM events WHERE seq > ?1 AND seq <= ?2 "
          "ORDER BY seq LIMIT ?3",
          where());
      last_ = std::make_unique<Statement>(rdb_, "SELECT coalesce(max(seq), 0) FROM events", where());
      checkpointer_ = std::thread([this] {
        name_this_thread("sqlite-ckpt");
        run_checkpoints();
      });
      committer_ = std::make_unique<GroupCommitter>([this](std::vector<PendingAppend*>& batch) { write(batch); });
    } catch (...) {
      shut_down();
      throw;
    }
  }

  ~SqliteStore() override { shut_down(); }

  AppendResult append(const StoredEvent& e) override { return committer_->append(e); }
  void append_async(StoredEvent e, AppendDone done) override { committer_->append_async(std::move(e), std::move(done)); }

  void scan(int64_t after, const std::function<void(const StoredEvent&)>& on_event) override {
    auto read = [this](int64_t from, int64_t until, int64_t limit) { return read_chunk(from, until, limit); };
    scan_in_chunks(after, last_seq(), read, on_event);
  }

  int64_t last_seq() override {
    std::lock_guard lock(read_mu_);
    last_->reset();
    int rc = sqlite3_step(last_->get());
    if (rc != SQLITE_ROW) fail(rdb_, "last_seq");
    int64_t v = sqlite3_column_int64(last_->get(), 0);
    last_->reset();
    return v;
  }

 private:
  std::string where() const { return "sqlite:" + path_; }

  // Up to `limit` events with from < seq <= until, in seq order (scan_in_chunks).
  std::vector<StoredEvent> read_chunk(int64_t from, int64_t until, int64_t limit) {
    std::vector<StoredEvent> chunk;
    std::lock_guard lock(read_mu_);
    scan_->reset();
    scan_->bind(1, from);
    scan_->bind(2, until);
    scan_->bind(3, limit);
    int rc = SQLITE_ROW;
    for (int64_t i = 0; i < limit && (rc = sqlite3_step(scan_->get())) == SQLITE_ROW; ++i) {
      StoredEvent ev;
      ev.seq = sqlite3_column_int64(scan_->get(), 0);
      ev.stream = scan_->text(1);
      ev.kind = scan_->text(2);
      ev.idempotency_key = scan_->text(3);
      ev.actor = scan_->text(4);
      ev.time_ms = sqlite3_column_int64(scan_->get(), 5);
      ev.body = scan_->text(6);
      chunk.push_back(std::move(ev));
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) fail(rdb_, "scan");
    scan_->reset();
    return chunk;
  }

  [[noreturn]] void fail(sqlite3* db, const std::string& what) const {
    throw std::runtime_error(where() + ": " + what + ": " + sqlite3_errmsg(db));
  }

  void exec(sqlite3* db, const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errmsg(db);
      sqlite3_free(err);
      throw InputError(SourceLocation{where(), 0, 0}, std::string("SQLite: ") + sql + ": " + msg);
    }
  }

  // The writer thread's transaction for one batch. The batch's own keys join the index only
  // once the transaction committed (a rolled-back batch leaves the index as it was).
  void write(std::vector<PendingAppend*>& batch) {
    std::unordered_map<std::string, int64_t> batch_keys;
    exec_or_fail("BEGIN IMMEDIATE");
    try {
      learn_newer_keys();  // other processes' appends since our last batch
      for (PendingAppend* p : batch) p->result = write_one(p->event, batch_keys);
      exec_or_fail("COMMIT");
    } catch (...) {
      sqlite3_exec(wdb_, "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
    for (const auto& [slot, seq] : batch_keys) keys_.add(slot, seq, key_at());
    for (const PendingAppend* p : batch) known_seq_ = std::max(known_seq_, p->result.seq);
  }

  // The keys of the events past known_seq_ (appended by other processes, or all of them when the
  // store opens) into the index.
  void learn_newer_keys() {
    newer_->reset();
    newer_->bind(1, known_seq_);
    int rc = SQLITE_ROW;
    std::vector<std::pair<std::string, int64_t>> found;
    while ((rc = sqlite3_step(newer_->get())) == SQLITE_ROW) {
      known_seq_ = sqlite3_column_int64(newer_->get(), 0);
      std::string key = newer_->text(2);
      if (!key.empty()) found.emplace_back(idempotency_slot(newer_->text(1), key), known_seq_);
    }
    newer_->reset();
    if (rc != SQLITE_DONE) fail(wdb_, "reading the idempotency keys");
    for (const auto& [slot, seq] : found) keys_.add(slot, seq, key_at());
  }

  // The idempotency slot of the stored event `seq` (to confirm a hash hit in keys_).
  IdempotencyIndex::KeyAt key_at() {
    return [this](int64_t seq) {
      key_at_->reset();
      key_at_->bind(1, seq);
      std::string slot;
      if (sqlite3_step(key_at_->get()) == SQLITE_ROW) slot = idempotency_slot(key_at_->text(0), key_at_->text(1));
      key_at_->reset();
      return slot;
    };
  }

  // A key already stored (or earlier in this batch) gives its seq; otherwise one insert.
  AppendResult write_one(const StoredEvent& e, std::unordered_map<std::string, int64_t>& batch_keys) {
    std::string slot;
    if (!e.idempotency_key.empty()) {
      slot = idempotency_slot(e.stream, e.idempotency_key);
      if (auto same = batch_keys.find(slot); same != batch_keys.end()) return {same->second, true};
      if (const int64_t seq = keys_.find(slot, key_at())) return {seq, true};
    }
    insert_->reset();
    insert_->bind(1, e.stream);
    insert_->bind(2, e.kind);
    insert_->bind(3, e.idempotency_key);
    insert_->bind(4, e.actor);
    insert_->bind(5, e.time_ms);
    insert_->bind(6, e.body);
    const int rc = sqlite3_step(insert_->get());
    const int64_t seq = rc == SQLITE_ROW ? sqlite3_column_int64(insert_->get(), 0) : 0;
    insert_->reset();
    if (rc != SQLITE_ROW) fail(wdb_, "insert");
    if (!slot.empty()) batch_keys.emplace(std::move(slot), seq);
    return {seq, false};
  }

  void exec_or_fail(const char* sql) {
    if (sqlite3_exec(wdb_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail(wdb_, sql);
  }

  // SQLite's WAL hook, on the writer thread after each commit: `frames` = frames in the WAL.
  static int on_wal_commit(void* self, sqlite3* db, const char* name, int frames) {
    auto* store = static_cast<SqliteStore*>(self);
    if (frames < store->frames_at_request_) store->frames_at_request_ = 0;  // the WAL restarted
    if (frames >= kWalHardCapFrames) {
      sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    } else if (frames >= store->frames_at_request_ + kWalCheckpointFrames) {
      // Once per kWalCheckpointFrames new frames, not after every commit past the threshold (a
      // checkpoint with little to copy still costs a pass over the WAL index).
      store->frames_at_request_ = frames;
      {
        std::lock_guard lock(store->checkpoint_mu_);
        store->checkpoint_requested_ = true;
      }
      store->checkpoint_wanted_.notify_one();
    }
    return SQLITE_OK;
  }

  // The checkpointer thread: one passive checkpoint per request, until the store closes.
  void run_checkpoints() {
    std::unique_lock lock(checkpoint_mu_);
    for (;;) {
      checkpoint_wanted_.wait(lock, [&] { return stopping_ || checkpoint_requested_; });
      if (stopping_) return;
      checkpoint_requested_ = false;
      lock.unlock();
      // SQLITE_BUSY (a reader or another checkpoint in the way) is fine: the next request retries.
      sqlite3_wal_checkpoint_v2(cdb_, "main", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
      lock.lock();
    }
  }

  // Stops the writer (after it wrote what is queued), then the checkpointer; closes the connections.
  void shut_down() {
    committer_.reset();
    if (checkpointer_.joinable()) {
      {
        std::lock_guard lock(checkpoint_mu_);
        stopping_ = true;
      }
      checkpoint_wanted_.notify_all();
      checkpointer_.join();
    }
    close();
  }

  // PRAGMA journal_mode=WAL. Two processes opening a new file at once both convert it, and SQLite
  // answers the loser SQLITE_BUSY at once (no busy handler on that path): retried for the busy
  // timeout.
  std::string switch_to_wal() {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
    for (;;) {
      Statement st(wdb_, "PRAGMA journal_mode=WAL", where());
      const int rc = sqlite3_step(st.get());
      if (rc == SQLITE_ROW) return st.text(0);
      if ((rc & 0xff) != SQLITE_BUSY || std::chrono::steady_clock::now() > give_up)
        throw InputError(SourceLocation{where(), 0, 0}, std::string("SQLite: PRAGMA journal_mode=WAL: ") + sqlite3_errmsg(wdb_));
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }

  // The first column of the first row of `sql` as text ("" when there is none).
  std::string query_text(sqlite3* db, const char* sql) {
    Statement st(db, sql, where());
    int rc = sqlite3_step(st.get());
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
      throw InputError(SourceLocation{where(), 0, 0}, std::string("SQLite: ") + sql + ": " + sqlite3_errmsg(db));
    return rc == SQLITE_ROW ? st.text(0) : std::string();
  }

  void close() {
    key_at_.reset();
    newer_.reset();
    insert_.reset();
    scan_.reset();
    last_.reset();
    sqlite3_close(cdb_);
    sqlite3_close(rdb_);
    sqlite3_close(wdb_);
    cdb_ = rdb_ = wdb_ = nullptr;
  }

  std::string path_;
  sqlite3* wdb_ = nullptr;
  sqlite3* rdb_ = nullptr;
  sqlite3* cdb_ = nullptr;  // the checkpointer thread's
  std::unique_ptr<Statement> key_at_, newer_, insert_;  // on wdb_ (the writer's)
  std::unique_ptr<Statement> scan_, last_;              // on rdb_
  IdempotencyIndex keys_;  // writer thread only (and the constructor)
  int64_t known_seq_ = 0;  // every event up to here is in keys_
  std::mutex read_mu_;
  std::mutex checkpoint_mu_;
  std::condition_variable checkpoint_wanted_;
  bool checkpoint_requested_ = false;
  int frames_at_request_ = 0;  // WAL frames when the checkpointer was last woken (writer thread only)
  bool stopping_ = false;
  std::thread checkpointer_;
  std::unique_ptr<GroupCommitter> committer_;
};

}  // namespace

std::unique_ptr<VoteStore> open_sqlite_store(const std::string& path) {
  if (path.empty()) throw InputError("sqlite: needs a file path, e.g. sqlite:votes.db");
  return std::make_unique<SqliteStore>(path);
}

}  // namespace prefero::serve
