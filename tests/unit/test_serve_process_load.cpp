// A bounded load test of `prefero serve` (issue 7): 16 keep-alive connections post 200 votes each
// (3,200 in all, a few seconds on 2 cores) into a SQLite file through the real binary. Every answer
// must be 201 with its own seq, and the audit and the leaderboard must count exactly the votes
// sent. Speed is not asserted (bench/bench_serve.cpp measures it); the hard cap of 120 s only
// bounds the run.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
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

const std::string kToken = "load-test-admin-token";

struct Client {
  std::vector<int64_t> seqs;
  std::string error;  // the first answer other than 201
};

void post_votes(uint16_t port, int id, int votes, Clock::time_point deadline, Client& out) {
  static const char* kWinners[] = {"A", "B", "tie", "bothbad"};
  prefero_test::Conn conn(port, 20000);
  for (int i = 0; i < votes; ++i) {
    if (Clock::now() > deadline) {
      out.error = "hard time cap reached after " + std::to_string(i) + " votes";
      return;
    }
    Reply next = prefero_test::exchange(conn, "GET", "/v1/arenas/load/next");
    if (next.status != 200) {
      out.error = "next: " + std::to_string(next.status) + " " + next.body;
      return;
    }
    const std::string body = Json{{"matchup", Json::parse(next.body)["matchup"]["id"]}, {"winner", kWinners[(id + i) % 4]}}.dump();
    Reply r = prefero_test::exchange(conn, "POST", "/v1/arenas/load/votes", body, "",
                                     "load-" + std::to_string(id) + "-" + std::to_string(i));
    if (r.status != 201) {
      out.error = "vote: " + std::to_string(r.status) + " " + r.body;
      return;
    }
    out.seqs.push_back(Json::parse(r.body)["vote"]["seq"].get<int64_t>());
  }
}

}  // namespace

TEST(ServeProcess, LoadOf16ConnectionsEveryVoteAcknowledgedAndCounted) {
  constexpr int kConnections = 16, kVotesEach = 200;
  prefero_test::TempDir dir;
  ASSERT_TRUE(dir.ok());
  prefero_test::ServeChild server({"--db", "sqlite:" + dir.file("load.db"), "--host", "127.0.0.1", "--port", "0",
                                   "--admin-token", kToken, "--rate", "0"});
  const uint16_t port = server.port();
  ASSERT_NE(port, 0) << server.output();
  Reply created = prefero_test::call(port, "POST", "/v1/arenas", prefero_test::arena_spec("load", 8, 5).dump(), kToken);
  ASSERT_EQ(created.status, 201) << created.body;

  std::vector<Client> clients(kConnections);
  const auto t0 = Clock::now();
  {
    std::vector<std::thread> threads;
    for (int c = 0; c < kConnections; ++c)
      threads.emplace_back(post_votes, port, c, kVotesEach, t0 + std::chrono::seconds(120), std::ref(clients[static_cast<size_t>(c)]));
    for (auto& t : threads) t.join();
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  std::set<int64_t> seqs;
  for (const auto& c : clients) {
    EXPECT_EQ(c.error, "");
    seqs.insert(c.seqs.begin(), c.seqs.end());
  }
  const size_t total = static_cast<size_t>(kConnections * kVotesEach);
  EXPECT_EQ(seqs.size(), total) << "every vote gets its own seq";
  std::printf("[ load     ] %zu votes over %d connections in %.2f s (%.0f votes/s with matchup fetches; not asserted)\n",
              seqs.size(), kConnections, seconds, static_cast<double>(seqs.size()) / seconds);

  bool ok = false;
  const auto audit = prefero_test::audit_lines(port, "load", kToken, ok);
  ASSERT_TRUE(ok);
  size_t counted = 0;
  std::set<int64_t> audited;
  for (const auto& l : audit) {
    audited.insert(l["seq"].get<int64_t>());
    if (l["counted"].get<bool>()) ++counted;
  }
  EXPECT_EQ(audit.size(), total);
  EXPECT_EQ(counted, total);
  EXPECT_EQ(audited, seqs);
  EXPECT_EQ(prefero_test::await_leaderboard_votes(port, "load", static_cast<double>(total)), static_cast<double>(total));
  EXPECT_EQ(server.stop(SIGTERM), 0) << server.output();
}
