// The storage test suite of `prefero serve`: the same tests run against every VoteStore backend
// (memory, SQLite in a temporary folder, PostgreSQL when PREFERO_TEST_PG_URL names a server; see
// scripts/pg-test.sh), plus a crash test that kill -9s a process appending as fast as it can.
//
// Every test writes to streams of its own (a fresh random prefix) and looks only at events past
// the store's last seq when it started, so the tests can share one PostgreSQL database.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/error.hpp"
#include "serve/vote_store.hpp"

extern char** environ;

namespace prefero::serve {
namespace {

namespace fs = std::filesystem;

std::string random_tag() {
  std::random_device rd;
  std::mt19937_64 gen((static_cast<uint64_t>(rd()) << 32) ^ rd() ^ static_cast<uint64_t>(getpid()));
  return std::to_string(gen() % 1000000000000ULL);
}

// A temporary folder removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("prefero_store_" + std::to_string(getpid()) + "_" + random_tag());
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

StoredEvent make_event(const std::string& stream, const std::string& kind, const std::string& key,
                       const std::string& body, int64_t time_ms = 1700000000000) {
  StoredEvent e;
  e.stream = stream;
  e.kind = kind;
  e.idempotency_key = key;
  e.actor = "voter-" + key;
  e.time_ms = time_ms;
  e.body = body;
  return e;
}

// The events past `after` whose stream starts with `prefix`, in the order scan gave them.
std::vector<StoredEvent> events_of(VoteStore& store, int64_t after, const std::string& prefix) {
  std::vector<StoredEvent> out;
  store.scan(after, [&](const StoredEvent& e) {
    if (e.stream.rfind(prefix, 0) == 0) out.push_back(e);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The backends under test.

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    const std::string& backend = GetParam();
    if (backend == "memory") {
      url_ = "memory:";
    } else if (backend == "sqlite") {
      url_ = "sqlite:" + (dir_.path / "votes.db").string();
    } else if (backend == "postgresql") {
      const char* pg = std::getenv("PREFERO_TEST_PG_URL");
      if (!pg || !*pg)
        GTEST_SKIP() << "PREFERO_TEST_PG_URL is not set (run scripts/pg-test.sh build/bin/prefero_tests to test the "
                        "PostgreSQL backend on a private server)";
      url_ = pg;
    }
    store_ = open_vote_store(url_);
    base_ = store_->last_seq();
    prefix_ = "t" + random_tag() + ":";
  }

  bool durable() const { return GetParam() != "memory"; }
  // PostgreSQL's database may be shared with tests running in parallel (ctest -j): other events
  // may appear between ours, so only "at least" holds for last_seq there.
  bool shared() const { return GetParam() == "postgresql"; }
  void reopen() {
    store_.reset();
    store_ = open_vote_store(url_);
  }

  TempDir dir_;
  std::string url_;
  std::unique_ptr<VoteStore> store_;
  int64_t base_ = 0;
  std::string prefix_;
};

TEST_P(StoreTest, AppendsComeBackInSeqOrderWithEveryField) {
  std::vector<StoredEvent> written;
  int64_t prev = base_;
  for (int i = 0; i < 60; ++i) {
    StoredEvent e = make_event(prefix_ + "arena:" + std::to_string(i % 3), i % 2 ? "vote" : "battle",
                               i % 4 ? "k" + std::to_string(i) : "",
                               "{\"i\": " + std::to_string(i) + ", \"text\": \"caf\xc3\xa9 \\\"quoted\\\"\\n\"}",
                               1700000000000 + i);
    AppendResult r = store_->append(e);
    EXPECT_FALSE(r.duplicate);
    EXPECT_GT(r.seq, prev) << "seq must increase";
    prev = r.seq;
    e.seq = r.seq;
    written.push_back(e);
  }
  if (shared())
    EXPECT_GE(store_->last_seq(), prev);
  else
    EXPECT_EQ(store_->last_seq(), prev);

  auto got = events_of(*store_, base_, prefix_);
  ASSERT_EQ(got.size(), written.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].seq, written[i].seq);
    EXPECT_EQ(got[i].stream, written[i].stream);
    EXPECT_EQ(got[i].kind, written[i].kind);
    EXPECT_EQ(got[i].idempotency_key, written[i].idempotency_key);
    EXPECT_EQ(got[i].actor, written[i].actor);
    EXPECT_EQ(got[i].time_ms, written[i].time_ms);
    EXPECT_EQ(got[i].body, written[i].body);
  }
  // scan(after) starts strictly after `after`.
  auto tail = events_of(*store_, written[40].seq, prefix_);
  ASSERT_EQ(tail.size(), 19u);
  EXPECT_EQ(tail.front().seq, written[41].seq);
  EXPECT_TRUE(events_of(*store_, prev, prefix_).empty());
}

TEST_P(StoreTest, LargeBodiesSurviveIntact) {
  std::string body = "{\"text\": \"";
  for (int i = 0; i < 200000; ++i) body += static_cast<char>('a' + i % 26);
  body += "\"}";
  AppendResult r = store_->append(make_event(prefix_ + "poll:big", "ballot", "", body));
  auto got = events_of(*store_, base_, prefix_);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].seq, r.seq);
  EXPECT_EQ(got[0].body, body);
}

TEST_P(StoreTest, IdempotencyKeyIsStoredOnceAndRetriesGetTheFirstSeq) {
  const std::string s = prefix_ + "arena:a";
  AppendResult first = store_->append(make_event(s, "vote", "key-1", "{\"winner\": \"model_a\"}"));
  EXPECT_FALSE(first.duplicate);
  AppendResult retry = store_->append(make_event(s, "vote", "key-1", "{\"winner\": \"model_b\"}"));
  EXPECT_TRUE(retry.duplicate);
  EXPECT_EQ(retry.seq, first.seq);
  // The same key in another stream is another event.
  AppendResult other = store_->append(make_event(prefix_ + "arena:b", "vote", "key-1", "{}"));
  EXPECT_FALSE(other.duplicate);
  EXPECT_NE(other.seq, first.seq);
  // No key: never a duplicate.
  AppendResult n1 = store_->append(make_event(s, "vote", "", "{}"));
  AppendResult n2 = store_->append(make_event(s, "vote", "", "{}"));
  EXPECT_FALSE(n1.duplicate);
  EXPECT_FALSE(n2.duplicate);
  EXPECT_NE(n1.seq, n2.seq);

  auto got = events_of(*store_, base_, prefix_);
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(got[0].seq, first.seq);
  EXPECT_EQ(got[0].body, "{\"winner\": \"model_a\"}") << "the retry must not overwrite the first event";
}

// 8 threads x 500 appends; every key is posted by every thread (in a different order), as
// retries racing each other would be. Each key must be stored exactly once, and every caller must
// get the seq of that one stored event; exactly one caller per key sees duplicate=false.
TEST_P(StoreTest, ConcurrentDuplicatesAreStoredOnce) {
  constexpr int kThreads = 8, kPerThread = 500, kKeys = 500;
  const std::string s = prefix_ + "arena:c";
  std::vector<std::vector<AppendResult>> results(kThreads, std::vector<AppendResult>(kKeys));
  std::vector<std::thread> threads;
  std::atomic<int> errors{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        int key = (i * 7 + t * 61) % kKeys;  // 7 is coprime to 500: each thread covers every key once
        try {
          results[t][key] = store_->append(make_event(s, "vote", "k" + std::to_string(key),
                                                      "{\"thread\": " + std::to_string(t) + "}"));
        } catch (...) {
          ++errors;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  ASSERT_EQ(errors.load(), 0);

  auto got = events_of(*store_, base_, prefix_);
  ASSERT_EQ(got.size(), static_cast<std::size_t>(kKeys));
  std::map<std::string, StoredEvent> by_key;
  for (const auto& e : got) EXPECT_TRUE(by_key.emplace(e.idempotency_key, e).second) << e.idempotency_key;
  for (int k = 0; k < kKeys; ++k) {
    const StoredEvent& stored = by_key.at("k" + std::to_string(k));
    int fresh = 0, winner = -1;
    for (int t = 0; t < kThreads; ++t) {
      EXPECT_EQ(results[t][k].seq, stored.seq) << "key k" << k << " thread " << t;
      if (!results[t][k].duplicate) ++fresh, winner = t;
    }
    EXPECT_EQ(fresh, 1) << "key k" << k;
    EXPECT_EQ(stored.body, "{\"thread\": " + std::to_string(winner) + "}") << "the stored event is the one acknowledged as new";
  }
  for (std::size_t i = 1; i < got.size(); ++i) EXPECT_LT(got[i - 1].seq, got[i].seq);
}

TEST_P(StoreTest, ReopenKeepsEverythingAndTheKeys) {
  if (!durable()) GTEST_SKIP() << "the memory store is not durable";
  const std::string s = prefix_ + "poll:p";
  std::vector<AppendResult> first;
  for (int i = 0; i < 30; ++i)
    first.push_back(store_->append(make_event(s, "ballot", "b" + std::to_string(i), "{\"n\": " + std::to_string(i) + "}")));
  auto before = events_of(*store_, base_, prefix_);
  int64_t last = store_->last_seq();
  reopen();
  if (shared())
    EXPECT_GE(store_->last_seq(), last);
  else
    EXPECT_EQ(store_->last_seq(), last);
  auto after = events_of(*store_, base_, prefix_);
  ASSERT_EQ(after.size(), before.size());
  for (std::size_t i = 0; i < after.size(); ++i) {
    EXPECT_EQ(after[i].seq, before[i].seq);
    EXPECT_EQ(after[i].body, before[i].body);
    EXPECT_EQ(after[i].idempotency_key, before[i].idempotency_key);
  }
  // The keys survive the reopen; new appends continue above the old seqs.
  AppendResult retry = store_->append(make_event(s, "ballot", "b7", "{}"));
  EXPECT_TRUE(retry.duplicate);
  EXPECT_EQ(retry.seq, first[7].seq);
  AppendResult fresh = store_->append(make_event(s, "ballot", "b30", "{}"));
  EXPECT_FALSE(fresh.duplicate);
  EXPECT_GT(fresh.seq, last);
}

// on_event may call the store again (the service appends while replaying, or scans a stream):
// no deadlock, and the scan stops at the events committed when it started.
TEST_P(StoreTest, ScanCallbackMayUseTheStore) {
  const std::string s = prefix_ + "arena:r";
  {  // 2500 events (> 2 scan chunks) from 10 threads: group commit keeps this quick on SQLite
    std::vector<std::thread> threads;
    for (int t = 0; t < 10; ++t)
      threads.emplace_back([&] {
        for (int i = 0; i < 250; ++i) store_->append(make_event(s, "vote", "", "{}"));
      });
    for (auto& th : threads) th.join();
  }
  int seen = 0;
  int64_t prev = base_;
  store_->scan(base_, [&](const StoredEvent& e) {
    EXPECT_GT(e.seq, prev);
    prev = e.seq;
    if (e.stream != s) return;
    ++seen;
    if (seen % 500 == 0) {
      store_->append(make_event(s, "late", "", "{}"));
      EXPECT_GE(store_->last_seq(), e.seq);
    }
  });
  EXPECT_EQ(seen, 2500);
  EXPECT_EQ(events_of(*store_, base_, prefix_).size(), 2505u);
}

// Two stores on one database (as two server processes would be) append at once, while a reader
// tails the log with scan(last seq seen). Seq order must be commit order: a tail that saw seq N
// must never later find a new event below N, so the reader sees every event exactly once.
TEST_P(StoreTest, TwoWritersAndATailingReaderSeeEveryEventOnce) {
  if (!durable()) GTEST_SKIP() << "two memory stores are two logs";
  auto second = open_vote_store(url_);
  constexpr int kPerThread = 150;
  std::atomic<int> writers_left{8};
  std::atomic<int> errors{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      VoteStore& store = t % 2 ? *second : *store_;
      for (int i = 0; i < kPerThread; ++i) {
        try {
          store.append(make_event(prefix_ + "arena:two", "vote", "w" + std::to_string(t) + "-" + std::to_string(i), "{}"));
        } catch (...) {
          ++errors;
        }
      }
      --writers_left;
    });
  }
  std::map<int64_t, std::string> tailed;  // seq -> key, as the tailing reader saw them
  int duplicates = 0;
  int64_t last = base_;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  for (int pass = 0; pass < 1000000 && std::chrono::steady_clock::now() < deadline; ++pass) {
    bool done = writers_left.load() == 0;  // read before the scan: a final pass after the last append
    second->scan(last, [&](const StoredEvent& e) {
      last = std::max(last, e.seq);
      if (e.stream.rfind(prefix_, 0) == 0 && !tailed.emplace(e.seq, e.idempotency_key).second) ++duplicates;
    });
    if (done) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  for (auto& th : threads) th.join();
  ASSERT_EQ(errors.load(), 0);
  EXPECT_EQ(duplicates, 0);
  auto all = events_of(*store_, base_, prefix_);
  EXPECT_EQ(all.size(), 8u * kPerThread);
  std::size_t missed = 0;
  for (const auto& e : all)
    if (!tailed.count(e.seq)) ++missed;
  EXPECT_EQ(missed, 0u) << "the tailing reader skipped events: seq order differs from commit order";
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values("memory", "sqlite", "postgresql"),
                         [](const auto& p) { return p.param; });

// The PostgreSQL server restarts under a running store (an upgrade, a failover): appends and
// reads after the restart work again (the store reconnects), and nothing is lost. (Under
// LeakSanitizer this test reports ~4 KB leaked inside libpqxx 6.4: the PGresult of the statement
// that met the lost connection is never freed by libpqxx's error path, not by our code.)
TEST(PostgresStore, SurvivesAServerRestart) {
  const char* pg = std::getenv("PREFERO_TEST_PG_URL");
  const char* restart = std::getenv("PREFERO_TEST_PG_RESTART");
  if (!pg || !*pg || !restart || !*restart)
    GTEST_SKIP() << "PREFERO_TEST_PG_URL / PREFERO_TEST_PG_RESTART are not set (scripts/pg-test.sh --restart sets "
                    "both; not under ctest -j, the restart would disturb the other tests)";
  auto store = open_vote_store(pg);
  const std::string s = "t" + random_tag() + ":arena:restart";
  int64_t base = store->last_seq();
  AppendResult before = store->append(make_event(s, "vote", "r1", "{}"));
  ASSERT_EQ(std::system((std::string(restart) + " >/dev/null 2>&1").c_str()), 0) << restart;
  AppendResult after = store->append(make_event(s, "vote", "r2", "{}"));
  EXPECT_GT(after.seq, before.seq);
  AppendResult retry = store->append(make_event(s, "vote", "r1", "{}"));
  EXPECT_TRUE(retry.duplicate);
  EXPECT_EQ(retry.seq, before.seq);
  std::vector<int64_t> seen;
  store->scan(base, [&](const StoredEvent& e) {
    if (e.stream == s) seen.push_back(e.seq);
  });
  EXPECT_EQ(seen, (std::vector<int64_t>{before.seq, after.seq}));
}

// ---------------------------------------------------------------------------------------------
// open_vote_store: clear errors.

std::string error_of(const std::string& url) {
  try {
    open_vote_store(url);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no InputError)";
}

// The background checkpointer copies the WAL back into the database file while appends go on:
// after ~19 MB of appends (under the writer's own checkpoint at 40 MB of WAL) the database file
// holds most of them. It stayed a few KB when the checkpointer's connection had never read the
// file (SQLite then treats a checkpoint request as a no-op) and the WAL grew instead.
TEST(SqliteStore, BackgroundCheckpointerCopiesTheWalIntoTheDatabase) {
  TempDir dir;
  const fs::path db = dir.path / "votes.db";
  auto store = open_vote_store("sqlite:" + db.string());
  const std::string body(8000, 'x');  // two to three 4 KB pages per event
  constexpr int kRounds = 60, kPerRound = 40;
  std::mutex mu;
  std::condition_variable cv;
  int done = 0;
  for (int round = 0; round < kRounds; ++round) {
    for (int i = 0; i < kPerRound; ++i)
      store->append_async(make_event("wal", "k", "", body), [&](const StoredEvent&, const AppendResult&, std::exception_ptr) {
        std::lock_guard lock(mu);
        ++done;
        cv.notify_all();
      });
    std::unique_lock lock(mu);
    ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(30), [&] { return done == (round + 1) * kPerRound; }));
  }
  EXPECT_EQ(store->last_seq(), kRounds * kPerRound);
  // Bounded wait for the checkpointer (slow under a sanitizer or a loaded machine).
  const uintmax_t written = uintmax_t{kRounds} * kPerRound * body.size();
  uintmax_t in_file = 0;
  for (int i = 0; i < 200 && in_file < written / 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    in_file = fs::file_size(db);
  }
  EXPECT_GE(in_file, written / 2) << "database file of " << in_file << " bytes after appending " << written;
}

TEST(OpenVoteStore, NamesTheAcceptedFormsForAnUnknownUrl) {
  std::string msg = error_of("mysql://localhost/votes");
  EXPECT_NE(msg.find("sqlite:PATH"), std::string::npos) << msg;
  EXPECT_NE(msg.find("postgresql://"), std::string::npos) << msg;
  EXPECT_NE(msg.find("memory:"), std::string::npos) << msg;
  EXPECT_NE(error_of("votes.db").find("unknown vote store"), std::string::npos);
}

TEST(OpenVoteStore, SqlitePathThatCannotBeOpenedIsInputError) {
  TempDir dir;
  std::string missing = (dir.path / "no-such-folder" / "votes.db").string();
  std::string msg = error_of("sqlite:" + missing);
  EXPECT_NE(msg.find("cannot open"), std::string::npos) << msg;
  EXPECT_NE(msg.find(missing), std::string::npos) << msg;
  EXPECT_NE(error_of("sqlite:").find("needs a file path"), std::string::npos);
  // A file that is not a database.
  std::string junk = (dir.path / "junk.db").string();
  std::ofstream(junk) << std::string(4096, 'x');
  EXPECT_NE(error_of("sqlite:" + junk).find("not a database"), std::string::npos) << error_of("sqlite:" + junk);
}

TEST(OpenVoteStore, SqliteUrlSpellings) {
  TempDir dir;
  std::string path = (dir.path / "a.db").string();
  { open_vote_store("sqlite://" + path)->append(make_event("s", "k", "", "{}")); }
  EXPECT_EQ(open_vote_store("sqlite:" + path)->last_seq(), 1);
}

TEST(OpenVoteStore, UnreachablePostgresIsInputError) {
  // Port 1 on loopback: connection refused at once.
  std::string msg = error_of("postgresql://nobody:secret@127.0.0.1:1/votes?connect_timeout=2");
  EXPECT_TRUE(msg.find("cannot connect") != std::string::npos || msg.find("without PostgreSQL") != std::string::npos)
      << msg;
  EXPECT_EQ(msg.find("secret"), std::string::npos) << "the password must not be echoed: " << msg;
}

// ---------------------------------------------------------------------------------------------
// The crash test: a child process (this test binary, started with PREFERO_STORE_CRASH_CHILD=URL)
// appends from 4 threads as fast as it can and prints "SEQ KEY\n" for each acknowledged append
// (a retry of an earlier key now and then, as a client would after a timeout). The parent reads
// the acknowledgements for ~0.5 s, kill -9s the child, reopens the store, and checks that every
// acknowledged key is stored with the acknowledged seq, and that no key is stored twice.

constexpr const char* kCrashEnv = "PREFERO_STORE_CRASH_CHILD";
constexpr const char* kCrashStreamEnv = "PREFERO_STORE_CRASH_STREAM";  // a fresh stream per run

[[noreturn]] void crash_child(const std::string& url) {
  int code = 0;
  const char* stream_env = std::getenv(kCrashStreamEnv);
  const std::string stream = stream_env ? stream_env : "arena:crash";
  try {
    auto store = open_vote_store(url);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&store, &stream, t] {
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);  // if never killed
        for (int i = 0; i < 1000000 && std::chrono::steady_clock::now() < deadline; ++i) {
          int n = (i % 10 == 9) ? i - 5 : i;  // every 10th append retries the key of 5 appends ago
          std::string key = "t" + std::to_string(t) + "-" + std::to_string(n);
          AppendResult r = store->append(make_event(stream, "vote", key, "{\"key\": \"" + key + "\"}"));
          std::string line = std::to_string(r.seq) + " " + key + "\n";
          if (write(1, line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(3);  // < PIPE_BUF: atomic
        }
      });
    }
    for (auto& th : threads) th.join();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "crash child: %s\n", e.what());
    code = 4;
  }
  _exit(code);
}

// Runs before gtest's main in the child only.
const bool crash_child_mode = [] {
  if (const char* url = std::getenv(kCrashEnv)) crash_child(url);
  return false;
}();

class StoreCrashTest : public ::testing::TestWithParam<std::string> {};

TEST_P(StoreCrashTest, EveryAcknowledgedAppendSurvivesKill9) {
  TempDir dir;
  std::string url;
  if (GetParam() == "sqlite") {
    url = "sqlite:" + (dir.path / "crash.db").string();
  } else {
    const char* pg = std::getenv("PREFERO_TEST_PG_URL");
    if (!pg || !*pg) GTEST_SKIP() << "PREFERO_TEST_PG_URL is not set (see scripts/pg-test.sh)";
    url = pg;
  }
  int64_t base = open_vote_store(url)->last_seq();

  int out[2];
  ASSERT_EQ(pipe(out), 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  posix_spawn_file_actions_addclose(&actions, out[1]);
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e)
    if (std::string(*e).rfind("GTEST_", 0) != 0) env_strings.emplace_back(*e);
  const std::string stream = "t" + random_tag() + ":arena:crash";
  env_strings.push_back(std::string(kCrashEnv) + "=" + url);
  env_strings.push_back(std::string(kCrashStreamEnv) + "=" + stream);
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::string self = fs::read_symlink("/proc/self/exe").string();
  std::vector<char*> argv{self.data(), nullptr};
  pid_t pid = 0;
  int rc = posix_spawn(&pid, self.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  ASSERT_EQ(rc, 0) << "posix_spawn failed";

  // Read acknowledgements for 0.5 s after the first one (the child needs a moment to start).
  std::string text;
  char buf[65536];
  auto start = std::chrono::steady_clock::now();
  auto kill_at = start + std::chrono::seconds(20);  // bound if the child never acknowledges
  bool killed = false;
  for (int turn = 0; turn < 1000000; ++turn) {
    auto now = std::chrono::steady_clock::now();
    if (!killed && now >= kill_at) {
      kill(pid, SIGKILL);
      killed = true;
    }
    pollfd pfd{out[0], POLLIN, 0};
    int timeout = killed ? 5000 : 20;
    if (poll(&pfd, 1, timeout) < 0) break;
    ssize_t got = read(out[0], buf, sizeof buf);
    if (got == 0 && killed) break;  // EOF after the kill: everything acknowledged is read
    if (got < 0 && errno != EINTR && errno != EAGAIN) break;
    if (got > 0) {
      bool first = text.empty();
      text.append(buf, static_cast<std::size_t>(got));
      if (first && !killed) kill_at = std::min(kill_at, std::chrono::steady_clock::now() + std::chrono::milliseconds(500));
    }
    if (got == 0 && !killed) {  // the child exited by itself: a failure, reported below
      kill(pid, SIGKILL);
      killed = true;
      break;
    }
  }
  close(out[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
      << "the child should have been killed, exit status " << status;

  // Parse complete lines only (the last one may be cut by the kill).
  std::map<std::string, int64_t> acked;
  std::istringstream lines(text.substr(0, text.rfind('\n') + 1));
  std::string line;
  std::size_t acks = 0;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    int64_t seq = 0;
    std::string key;
    ASSERT_TRUE(fields >> seq >> key) << line;
    ++acks;
    auto [it, fresh] = acked.emplace(key, seq);
    EXPECT_EQ(it->second, seq) << "two acknowledgements of key " << key << " with different seqs";
  }
  ASSERT_GT(acked.size(), 20u) << "the child acknowledged too little to test anything";

  auto store = open_vote_store(url);
  std::map<std::string, int64_t> stored;
  store->scan(base, [&](const StoredEvent& e) {
    if (e.stream != stream) return;
    EXPECT_TRUE(stored.emplace(e.idempotency_key, e.seq).second) << "key stored twice: " << e.idempotency_key;
    EXPECT_EQ(e.body, "{\"key\": \"" + e.idempotency_key + "\"}");
  });
  std::size_t missing = 0;
  for (const auto& [key, seq] : acked) {
    auto it = stored.find(key);
    if (it == stored.end()) {
      ++missing;
      ADD_FAILURE() << "acknowledged key " << key << " (seq " << seq << ") is lost";
    } else {
      EXPECT_EQ(it->second, seq) << key;
    }
    if (missing > 10) break;
  }
  EXPECT_GE(stored.size(), acked.size());
  std::printf("crash test (%s): %zu acknowledgements (%zu keys) in ~0.5 s, %zu events stored after kill -9\n",
              GetParam().c_str(), acks, acked.size(), stored.size());
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreCrashTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& p) { return p.param; });

}  // namespace
}  // namespace prefero::serve
