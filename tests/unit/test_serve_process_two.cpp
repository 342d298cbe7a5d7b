// Two `prefero serve` processes on one database serve the same arena consistently (issue 7: "the
// path to scaling out"): the arena is created through process 1, votes go through both (matchups
// drawn from one process are voted on the other), and then both give the same arena, the same
// audit and the same leaderboard vote count (after a bounded wait for the catch-up); an
// Idempotency-Key used on one process and retried on the other counts once, also when both
// copies arrive at once. PostgreSQL when PREFERO_TEST_PG_URL is set; SQLite (WAL, one file).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
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

const std::string kToken = "two-process-admin-token";

std::vector<std::string> serve_args(const std::string& db) {
  return {"--db", db, "--host", "127.0.0.1", "--port", "0", "--admin-token", kToken, "--rate", "0"};
}

// `votes` votes from one client: matchups from `from`, votes posted to `to`; the seqs answered.
std::vector<int64_t> vote_through(uint16_t from, uint16_t to, const std::string& arena, const std::string& key_prefix,
                                  int votes, std::vector<std::string>& errors) {
  static const char* kWinners[] = {"A", "B", "tie", "bothbad"};
  std::vector<int64_t> seqs;
  prefero_test::Conn next_conn(from, 20000), vote_conn(to, 20000);
  for (int i = 0; i < votes; ++i) {
    Reply next = prefero_test::exchange(next_conn, "GET", "/v1/arenas/" + arena + "/next");
    if (next.status != 200) {
      errors.push_back(key_prefix + " next: " + std::to_string(next.status) + " " + next.body);
      return seqs;
    }
    const std::string body = Json{{"matchup", Json::parse(next.body)["matchup"]["id"]}, {"winner", kWinners[i % 4]}}.dump();
    Reply r = prefero_test::exchange(vote_conn, "POST", "/v1/arenas/" + arena + "/votes", body, "",
                                     key_prefix + std::to_string(i));
    if (r.status != 201) {
      errors.push_back(key_prefix + std::to_string(i) + ": " + std::to_string(r.status) + " " + r.body);
      return seqs;
    }
    seqs.push_back(Json::parse(r.body)["vote"]["seq"].get<int64_t>());
  }
  return seqs;
}

// Polls until both processes give the same `path` (admin) with the expected vote count in the
// audit, or `ms` pass; true when they agree.
bool await_same(uint16_t p1, uint16_t p2, const std::string& arena, size_t expected_lines, int ms = 15000) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  for (;;) {
    bool ok1 = false, ok2 = false;
    std::string raw1, raw2;
    const auto a1 = prefero_test::audit_lines(p1, arena, kToken, ok1, &raw1);
    const auto a2 = prefero_test::audit_lines(p2, arena, kToken, ok2, &raw2);
    if (ok1 && ok2 && raw1 == raw2 && a1.size() == expected_lines) return true;
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

void two_processes(const std::string& db, const std::string& arena) {
  prefero_test::ServeChild one(serve_args(db)), two(serve_args(db));
  const uint16_t p1 = one.port(), p2 = two.port();
  ASSERT_NE(p1, 0) << one.output();
  ASSERT_NE(p2, 0) << two.output();
  Reply created = prefero_test::call(p1, "POST", "/v1/arenas", prefero_test::arena_spec(arena, 5, 3).dump(), kToken);
  ASSERT_EQ(created.status, 201) << created.body;
  // Process 2 knows the arena after its catch-up (bounded wait), and refuses to create it again.
  Reply seen;
  for (int i = 0; i < 150 && seen.status != 200; ++i) {
    seen = prefero_test::call(p2, "GET", "/v1/arenas/" + arena, "", kToken);
    if (seen.status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_EQ(prefero_test::call(p2, "POST", "/v1/arenas", prefero_test::arena_spec(arena, 5, 3).dump(), kToken).status, 409);

  // Four clients: each process's own matchups, and matchups of one process voted on the other.
  constexpr int kVotes = 60;
  std::vector<std::string> errors[4];
  std::vector<int64_t> seqs[4];
  {
    std::vector<std::thread> clients;
    const uint16_t from[4] = {p1, p2, p1, p2}, to[4] = {p1, p2, p2, p1};
    for (int c = 0; c < 4; ++c)
      clients.emplace_back([&, c] { seqs[c] = vote_through(from[c], to[c], arena, "c" + std::to_string(c) + "-", kVotes, errors[c]); });
    for (auto& t : clients) t.join();
  }
  std::set<int64_t> all;
  for (int c = 0; c < 4; ++c) {
    EXPECT_TRUE(errors[c].empty()) << "client " << c << ": " << errors[c].front();
    all.insert(seqs[c].begin(), seqs[c].end());
  }
  EXPECT_EQ(all.size(), static_cast<size_t>(4 * kVotes)) << "two keys were answered with one seq";

  // One key, posted to process 1 and retried on process 2 (and the other way round): one vote.
  size_t extra = 0;
  for (int dir = 0; dir < 2; ++dir) {
    const uint16_t first = dir == 0 ? p1 : p2, retry = dir == 0 ? p2 : p1;
    Reply next = prefero_test::call(first, "GET", "/v1/arenas/" + arena + "/next");
    ASSERT_EQ(next.status, 200) << next.body;
    const std::string body = Json{{"matchup", Json::parse(next.body)["matchup"]["id"]}, {"winner", "B"}}.dump();
    const std::string key = "moved-" + std::to_string(dir);
    Reply r1 = prefero_test::call(first, "POST", "/v1/arenas/" + arena + "/votes", body, "", key);
    Reply r2 = prefero_test::call(retry, "POST", "/v1/arenas/" + arena + "/votes", body, "", key);
    ASSERT_EQ(r1.status, 201) << r1.body;
    ASSERT_EQ(r2.status, 201) << r2.body;
    EXPECT_EQ(Json::parse(r1.body)["vote"]["seq"], Json::parse(r2.body)["vote"]["seq"]) << r1.body << " / " << r2.body;
    ++extra;
  }
  // The same key sent to both processes at once, a few times: each stored once.
  for (int round = 0; round < 10; ++round) {
    Reply next = prefero_test::call(p1, "GET", "/v1/arenas/" + arena + "/next");
    ASSERT_EQ(next.status, 200) << next.body;
    const std::string body = Json{{"matchup", Json::parse(next.body)["matchup"]["id"]}, {"winner", "tie"}}.dump();
    const std::string key = "race-" + std::to_string(round);
    Reply r1, r2;
    std::thread a([&] { r1 = prefero_test::call(p1, "POST", "/v1/arenas/" + arena + "/votes", body, "", key); });
    std::thread b([&] { r2 = prefero_test::call(p2, "POST", "/v1/arenas/" + arena + "/votes", body, "", key); });
    a.join();
    b.join();
    ASSERT_EQ(r1.status, 201) << r1.body;
    ASSERT_EQ(r2.status, 201) << r2.body;
    EXPECT_EQ(Json::parse(r1.body)["vote"]["seq"], Json::parse(r2.body)["vote"]["seq"]) << r1.body << " / " << r2.body;
    ++extra;
  }

  const size_t expected = all.size() + extra;
  EXPECT_TRUE(await_same(p1, p2, arena, expected)) << "the two processes disagree on the audit (or its size is not "
                                                    << expected << ")";
  bool ok = false;
  size_t counted = 0;
  for (const auto& l : prefero_test::audit_lines(p1, arena, kToken, ok))
    if (l["counted"].get<bool>()) ++counted;
  EXPECT_EQ(counted, expected);
  EXPECT_EQ(prefero_test::await_leaderboard_votes(p1, arena, static_cast<double>(expected)), static_cast<double>(expected));
  EXPECT_EQ(prefero_test::await_leaderboard_votes(p2, arena, static_cast<double>(expected)), static_cast<double>(expected));
  Reply a1 = prefero_test::call(p1, "GET", "/v1/arenas/" + arena, "", kToken);
  Reply a2 = prefero_test::call(p2, "GET", "/v1/arenas/" + arena, "", kToken);
  EXPECT_EQ(a1.body, a2.body);
  EXPECT_EQ(one.stop(SIGTERM), 0) << one.output();
  EXPECT_EQ(two.stop(SIGTERM), 0) << two.output();
}

}  // namespace

TEST(ServeProcess, TwoProcessesOnOneSqliteFileServeTheSameArena) {
  prefero_test::TempDir dir;
  ASSERT_TRUE(dir.ok());
  two_processes("sqlite:" + dir.file("votes.db"), "shared");
}

TEST(ServeProcessPostgres, TwoProcessesOnOneDatabaseServeTheSameArena) {
  const char* url = std::getenv("PREFERO_TEST_PG_URL");
  if (!url || !*url) GTEST_SKIP() << "PREFERO_TEST_PG_URL is not set (scripts/pg-test.sh sets it; ctest storage_postgresql)";
  two_processes(url, "shared-" + prefero_test::unique_suffix());
}
