// The crash test of issue 7, through the real `prefero serve` process: kill -9 the server while
// client threads post votes, restart it on the same database, retry every vote whose answer was
// lost with its Idempotency-Key, and check through the audit export and the leaderboard that
// every vote answered 201 is there exactly once and that no retry counted twice. SQLite always;
// PostgreSQL when PREFERO_TEST_PG_URL is set (ctest storage_postgresql).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "serve_api_util.hpp"
#include "serve_process_util.hpp"

namespace {

using prefero_test::Json;
using prefero_test::Reply;
using Clock = std::chrono::steady_clock;

const std::string kToken = "crash-test-admin-token";

struct Attempt {
  std::string key;      // Idempotency-Key
  std::string body;     // the vote posted (the same bytes on retry)
  std::string outcome;  // the winner the audit must show
};

struct Acked {
  Attempt attempt;
  int64_t seq = 0;
  Json vote;  // the answer's "vote"
};

// What the client threads saw before the kill.
struct Ledger {
  std::mutex mu;
  std::vector<Acked> acked;
  std::vector<Attempt> lost;  // no complete answer (the server died, or a non-201 to retry)
  std::vector<std::string> odd;  // complete answers other than 201
};

std::vector<std::string> serve_args(const std::string& db) {
  return {"--db", db, "--host", "127.0.0.1", "--port", "0", "--admin-token", kToken, "--rate", "0"};
}

// One client: matchup, vote, again, until `stop`, on a keep-alive connection it reopens when lost.
void vote_loop(uint16_t port, const std::string& arena, int thread, const std::atomic<bool>& stop, Ledger& ledger) {
  static const char* kWinners[] = {"A", "B", "tie", "bothbad"};
  std::unique_ptr<prefero_test::Conn> conn;
  const auto deadline = Clock::now() + std::chrono::seconds(120);
  for (int i = 0; i < 5000 && !stop.load() && Clock::now() < deadline; ++i) {
    if (!conn || !conn->connected()) {
      conn = std::make_unique<prefero_test::Conn>(port, 20000);
      if (!conn->connected()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        continue;
      }
    }
    Reply next = prefero_test::exchange(*conn, "GET", "/v1/arenas/" + arena + "/next");
    if (!next.ok || next.status != 200) {
      if (next.ok) {
        std::lock_guard lock(ledger.mu);
        ledger.odd.push_back("next: " + std::to_string(next.status) + " " + next.body);
      }
      conn.reset();
      continue;
    }
    const std::string winner = kWinners[(thread + i) % 4];
    Attempt a;
    a.key = "crash-" + std::to_string(thread) + "-" + std::to_string(i);
    a.body = Json{{"matchup", Json::parse(next.body)["matchup"]["id"]}, {"winner", winner}}.dump();
    a.outcome = prefero_test::outcome_of(winner);
    Reply r = prefero_test::exchange(*conn, "POST", "/v1/arenas/" + arena + "/votes", a.body, "", a.key);
    std::lock_guard lock(ledger.mu);
    if (r.ok && r.status == 201) {
      Json vote = Json::parse(r.body)["vote"];
      ledger.acked.push_back({a, vote["seq"].get<int64_t>(), vote});
    } else {
      if (r.ok) ledger.odd.push_back("vote: " + std::to_string(r.status) + " " + r.body);
      ledger.lost.push_back(a);
      conn.reset();
    }
  }
}

void crash_and_restart(const std::string& db, const std::string& arena) {
  constexpr int kThreads = 8;
  constexpr size_t kAckedBeforeKill = 400;
  Ledger ledger;
  {
    prefero_test::ServeChild first(serve_args(db));
    const uint16_t port = first.port();
    ASSERT_NE(port, 0) << first.output();
    Reply created = prefero_test::call(port, "POST", "/v1/arenas", prefero_test::arena_spec(arena, 6, 4).dump(), kToken);
    ASSERT_EQ(created.status, 201) << created.body;

    std::atomic<bool> stop{false};
    std::vector<std::thread> clients;
    for (int t = 0; t < kThreads; ++t) clients.emplace_back(vote_loop, port, arena, t, std::cref(stop), std::ref(ledger));
    // kill -9 once a few hundred votes were acknowledged (bounded: at most 60 s).
    const auto deadline = Clock::now() + std::chrono::seconds(60);
    for (;;) {
      {
        std::lock_guard lock(ledger.mu);
        if (ledger.acked.size() >= kAckedBeforeKill) break;
      }
      if (Clock::now() > deadline) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    first.kill_hard();
    stop = true;
    for (auto& c : clients) c.join();
  }
  ASSERT_GE(ledger.acked.size(), kAckedBeforeKill) << "the server acknowledged too few votes within 60 s";
  EXPECT_TRUE(ledger.odd.empty()) << ledger.odd.size() << " answers other than 201, e.g. " << ledger.odd.front();
  std::printf("[ crash    ] %zu votes acknowledged, %zu answers lost at the kill\n", ledger.acked.size(), ledger.lost.size());

  prefero_test::ServeChild second(serve_args(db));
  const uint16_t port = second.port();
  ASSERT_NE(port, 0) << second.output();

  // key -> seq of every key that got a 201, first before the kill, then from the retries.
  std::map<std::string, int64_t> seq_of;
  std::map<std::string, const Attempt*> attempt_of;
  for (const auto& a : ledger.acked) {
    ASSERT_TRUE(seq_of.emplace(a.attempt.key, a.seq).second) << "key " << a.attempt.key << " answered twice";
    attempt_of[a.attempt.key] = &a.attempt;
    EXPECT_EQ(a.vote.value("winner", ""), a.attempt.outcome) << a.vote.dump();
  }
  // The last seq stored before the restart: a retried key answered at or below it had been
  // stored before the kill, only its answer was lost.
  Reply health = prefero_test::call(port, "GET", "/v1/health?verbose=true");
  ASSERT_EQ(health.status, 200) << health.body;
  const int64_t stored_before = Json::parse(health.body)["seq"].get<int64_t>();
  size_t stored_but_unanswered = 0;
  {
    prefero_test::Conn conn(port, 20000);
    ASSERT_TRUE(conn.connected());
    // Every attempt whose answer was lost, again with its key: 201, whether or not it was stored.
    for (const auto& a : ledger.lost) {
      Reply r = prefero_test::exchange(conn, "POST", "/v1/arenas/" + arena + "/votes", a.body, "", a.key);
      ASSERT_TRUE(r.ok) << second.output();
      ASSERT_EQ(r.status, 201) << a.key << ": " << r.body;
      const int64_t seq = Json::parse(r.body)["vote"]["seq"].get<int64_t>();
      ASSERT_TRUE(seq_of.emplace(a.key, seq).second) << a.key;
      attempt_of[a.key] = &a;
      if (seq <= stored_before) ++stored_but_unanswered;
    }
    std::printf("[ crash    ] retried: %zu of the lost answers had been stored before the kill\n", stored_but_unanswered);
    // Acknowledged votes retried (every 7th): the first answer's seq again, nothing new stored.
    for (size_t i = 0; i < ledger.acked.size(); i += 7) {
      const auto& a = ledger.acked[i];
      Reply r = prefero_test::exchange(conn, "POST", "/v1/arenas/" + arena + "/votes", a.attempt.body, "", a.attempt.key);
      ASSERT_TRUE(r.ok);
      ASSERT_EQ(r.status, 201) << r.body;
      EXPECT_EQ(Json::parse(r.body)["vote"]["seq"].get<int64_t>(), a.seq) << a.attempt.key;
    }
    // The restarted server takes new votes (fresh matchups) like the first one did.
    for (int i = 0; i < 20; ++i) {
      Reply next = prefero_test::exchange(conn, "GET", "/v1/arenas/" + arena + "/next");
      ASSERT_EQ(next.status, 200) << next.body;
      const std::string body = Json{{"matchup", Json::parse(next.body)["matchup"]["id"]}, {"winner", "A"}}.dump();
      const std::string key = "after-restart-" + std::to_string(i);
      Reply r = prefero_test::exchange(conn, "POST", "/v1/arenas/" + arena + "/votes", body, "", key);
      ASSERT_EQ(r.status, 201) << "fresh vote " << i << " after the restart: " << r.body;
      seq_of.emplace(key, Json::parse(r.body)["vote"]["seq"].get<int64_t>());
    }
  }

  // The audit: one line per stored vote; each key's seq there once, counted, with its winner.
  bool ok = false;
  const std::vector<Json> audit = prefero_test::audit_lines(port, arena, kToken, ok);
  ASSERT_TRUE(ok);
  std::map<int64_t, const Json*> line_of;
  size_t counted = 0;
  for (const auto& l : audit) {
    EXPECT_EQ(l["kind"], "vote");
    EXPECT_TRUE(line_of.emplace(l["seq"].get<int64_t>(), &l).second) << "seq " << l["seq"] << " twice in the audit";
    if (l["counted"].get<bool>()) ++counted;
  }
  std::set<int64_t> distinct_seqs;
  for (const auto& [key, seq] : seq_of) {
    EXPECT_TRUE(distinct_seqs.insert(seq).second) << "two keys answered with seq " << seq;
    auto line = line_of.find(seq);
    ASSERT_NE(line, line_of.end()) << "acknowledged vote " << key << " (seq " << seq << ") is missing";
    EXPECT_TRUE((*line->second)["counted"].get<bool>()) << line->second->dump();
    auto at = attempt_of.find(key);
    if (at != attempt_of.end()) {
      EXPECT_EQ((*line->second)["winner"], at->second->outcome) << line->second->dump();
    }
  }
  EXPECT_EQ(audit.size(), seq_of.size()) << "the audit holds votes no 201 answered (a retry stored twice?)";
  EXPECT_EQ(counted, seq_of.size());
  EXPECT_EQ(prefero_test::await_leaderboard_votes(port, arena, static_cast<double>(seq_of.size())),
            static_cast<double>(seq_of.size()));
  EXPECT_EQ(second.stop(SIGTERM), 0) << second.output();
}

}  // namespace

TEST(ServeProcess, KillDashNineDuringVotesKeepsEveryAcknowledgedVoteOnceSqlite) {
  prefero_test::TempDir dir;
  ASSERT_TRUE(dir.ok());
  crash_and_restart("sqlite:" + dir.file("votes.db"), "crash");
}

TEST(ServeProcessPostgres, KillDashNineDuringVotesKeepsEveryAcknowledgedVoteOnce) {
  const char* url = std::getenv("PREFERO_TEST_PG_URL");
  if (!url || !*url) GTEST_SKIP() << "PREFERO_TEST_PG_URL is not set (scripts/pg-test.sh sets it; ctest storage_postgresql)";
  crash_and_restart(url, "crash-" + prefero_test::unique_suffix());
}
