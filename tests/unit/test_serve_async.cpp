// Votes answered without a thread waiting for the disk: GroupCommitter::append_async,
// Service::handle_async on a real SQLite file, and an HttpServer whose handler answers later from
// another thread. Expected values are counted by the test from what it sends.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "serve/http_server.hpp"
#include "serve/service.hpp"
#include "serve/store_group_commit.hpp"
#include "serve/vote_store.hpp"
#include "serve_arena_fixture.hpp"
#include "test_serve_http_client.hpp"

namespace prefero::serve {
namespace {

using prefero_test::Conn;
using Clock = std::chrono::steady_clock;

// Answers collected from any thread; wait() is bounded.
struct Answers {
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::pair<size_t, Response>> got;  // (request index, answer)
  std::set<std::thread::id> threads;
  Respond for_request(size_t i) {
    return [this, i](Response r) {
      std::lock_guard lock(mu);
      got.emplace_back(i, std::move(r));
      threads.insert(std::this_thread::get_id());
      cv.notify_all();
    };
  }
  bool wait(size_t n) {
    std::unique_lock lock(mu);
    return cv.wait_for(lock, std::chrono::seconds(30), [&] { return got.size() >= n; });
  }
};

TEST(ServeAsync, GroupCommitCallsBackOnceInSeqOrderAfterEachBatch) {
  std::mutex mu;
  std::vector<size_t> batch_sizes;
  int64_t next_seq = 0;
  bool fail_next = false;
  GroupCommitter committer([&](std::vector<PendingAppend*>& batch) {
    std::lock_guard lock(mu);
    batch_sizes.push_back(batch.size());
    if (fail_next) {
      fail_next = false;
      throw std::runtime_error("disk full");
    }
    for (PendingAppend* p : batch) p->result = {++next_seq, false};
  });
  Answers seen;
  std::vector<int64_t> seqs;
  std::vector<std::string> bodies;
  std::atomic<int> errors{0};
  const int n = 500;
  for (int i = 0; i < n; ++i) {
    StoredEvent e;
    e.body = "event " + std::to_string(i);
    committer.append_async(e, [&](const StoredEvent& w, const AppendResult& r, std::exception_ptr error) {
      std::lock_guard lock(seen.mu);
      if (error) ++errors;
      EXPECT_EQ(w.seq, r.seq);
      seqs.push_back(r.seq);
      bodies.push_back(w.body);
      seen.cv.notify_all();
    });
  }
  {
    std::unique_lock lock(seen.mu);
    ASSERT_TRUE(seen.cv.wait_for(lock, std::chrono::seconds(30), [&] { return seqs.size() == n; }));
  }
  EXPECT_EQ(errors.load(), 0);
  for (int i = 0; i < n; ++i) {  // queue order = seq order = answer order
    EXPECT_EQ(seqs[static_cast<size_t>(i)], i + 1);
    EXPECT_EQ(bodies[static_cast<size_t>(i)], "event " + std::to_string(i));
  }
  // A failed batch gives its error to every append in it; the committer goes on.
  {
    std::lock_guard lock(mu);
    fail_next = true;
  }
  std::atomic<int> failed{0}, called{0};
  committer.append_async(StoredEvent{}, [&](const StoredEvent&, const AppendResult&, std::exception_ptr error) {
    failed += error != nullptr;
    ++called;
  });
  for (int i = 0; i < 30000 && called.load() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  EXPECT_EQ(called.load(), 1);
  EXPECT_EQ(failed.load(), 1);
  EXPECT_EQ(committer.append(StoredEvent{}).seq, n + 1);  // a later batch succeeds
}

// An arena of 4 models whose outputs say which model wrote them, on a real SQLite file; 300 votes are sent without waiting for any answer, plus 30 retries of earlier ones.
TEST(ServeAsync, VotesInFlightTogetherAreAnsweredOnceAndCountedOnce) {
  const auto dir = std::filesystem::temp_directory_path() / ("prefero_async_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const std::string url = "sqlite:" + (dir / "votes.db").string();
  ServiceOptions o;
  o.admin_token = "admin";
  o.leaderboard_refresh_ms = 0;
  json lb_first;
  const int n = 300, retries = 30;
  std::vector<std::pair<int, int>> shown(n);  // models behind slots A, B
  std::map<std::string, int> appearances;     // votes each model took part in
  {
    auto store = open_vote_store(url);
    Service svc(*store, o);
    auto call = [&](const std::string& method, const std::string& path, const json& body, const std::string& client) {
      Request r;
      r.method = method;
      r.path = path;
      r.body = body.is_null() ? "" : body.dump();
      r.client = client;
      r.headers["authorization"] = "Bearer admin";
      return r;
    };
    const Response created = svc.handle(call("POST", "/v1/arenas", test::arena_body("a", 4, 3), "c"));
    ASSERT_EQ(created.status, 201) << created.body;
    std::vector<Request> votes;
    for (int i = 0; i < n; ++i) {
      const std::string client = "10.0." + std::to_string(i / 200) + "." + std::to_string(i % 200);
      Request next = call("GET", "/v1/arenas/a/next", nullptr, client);
      next.headers.clear();
      const json m = json::parse(svc.handle(next).body)["matchup"];
      shown[static_cast<size_t>(i)] = {test::model_of_output(m["outputs"][0]), test::model_of_output(m["outputs"][1])};
      ++appearances["m" + std::to_string(shown[static_cast<size_t>(i)].first)];
      ++appearances["m" + std::to_string(shown[static_cast<size_t>(i)].second)];
      Request v = call("POST", "/v1/arenas/a/votes", {{"matchup", m["id"]}, {"winner", i % 4 == 0 ? "tie" : "A"}}, client);
      v.headers.clear();
      v.headers["idempotency-key"] = "k" + std::to_string(i);
      votes.push_back(v);
    }
    Answers answers;
    for (size_t i = 0; i < votes.size(); ++i) {
      svc.handle_async(votes[i], answers.for_request(i));
      if (i % 10 == 9) svc.handle_async(votes[i - 5], answers.for_request(n + i / 10));  // a retry while in flight
    }
    ASSERT_TRUE(answers.wait(n + retries));
    EXPECT_EQ(answers.got.size(), static_cast<size_t>(n + retries));  // nothing answered twice
    EXPECT_TRUE(answers.threads.count(std::this_thread::get_id()) == 0 || answers.threads.size() > 1)
        << "answers should come from the store's completion thread";
    std::map<size_t, json> by_request;
    for (const auto& [i, r] : answers.got) {
      ASSERT_EQ(r.status, 201) << r.body;
      by_request[i] = json::parse(r.body)["vote"];
    }
    std::set<int64_t> seqs;
    for (int i = 0; i < n; ++i) {
      const json& v = by_request[static_cast<size_t>(i)];
      EXPECT_EQ(v["models"][0], "m" + std::to_string(shown[static_cast<size_t>(i)].first));  // revealed after the vote
      EXPECT_EQ(v["models"][1], "m" + std::to_string(shown[static_cast<size_t>(i)].second));
      seqs.insert(v["seq"].get<int64_t>());
    }
    EXPECT_EQ(seqs.size(), static_cast<size_t>(n));
    for (int r = 0; r < retries; ++r)  // a retry gets the first answer's seq
      EXPECT_EQ(by_request[static_cast<size_t>(n + r)]["seq"], by_request[static_cast<size_t>(r * 10 + 4)]["seq"]);
    lb_first = json::parse(svc.handle(call("GET", "/v1/arenas/a/leaderboard", nullptr, "c")).body);
    EXPECT_EQ(lb_first["votes"], n);
    for (const auto& row : lb_first["ratings"]) EXPECT_EQ(row["votes"], appearances[row["name"].get<std::string>()]) << row;
  }
  {  // the log replays to the same leaderboard
    auto store = open_vote_store(url);
    Service svc(*store, o);
    Request r;
    r.method = "GET";
    r.path = "/v1/arenas/a/leaderboard";
    json again = json::parse(svc.handle(r).body);
    again.erase("fitted_at");  // the time of the fit, not of the log
    lb_first.erase("fitted_at");
    EXPECT_EQ(again.dump(), lb_first.dump());
  }
  std::filesystem::remove_all(dir);
}

TEST(ServeAsync, ErrorsAndReadsAreAnsweredBeforeHandleAsyncReturns) {
  auto store = make_memory_store();
  ServiceOptions o;
  o.admin_token = "admin";
  Service svc(*store, o);
  Answers answers;
  Request bad;
  bad.method = "POST";
  bad.path = "/v1/arenas/nope/votes";
  bad.body = R"({"matchup": "x", "winner": "A"})";
  svc.handle_async(bad, answers.for_request(0));
  Request health;
  health.method = "GET";
  health.path = "/v1/health";
  svc.handle_async(health, answers.for_request(1));
  ASSERT_EQ(answers.got.size(), 2u);  // no wait: neither needed the store's writer
  EXPECT_EQ(answers.got[0].second.status, 404);
  EXPECT_EQ(answers.got[1].second.status, 200);
}

// A handler that answers 20 ms later from its own thread, in the order requests came.
struct LateAnswers {
  std::mutex mu;
  std::condition_variable cv;
  std::deque<std::pair<Request, Respond>> queue;
  bool stop = false;
  std::thread worker{[this] { run(); }};
  void run() {
    std::unique_lock lock(mu);
    for (;;) {
      cv.wait(lock, [&] { return stop || !queue.empty(); });
      if (queue.empty()) return;
      auto [r, respond] = std::move(queue.front());
      queue.pop_front();
      lock.unlock();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      Response out;
      out.body = "late " + r.path;
      respond(std::move(out));
      lock.lock();
    }
  }
  void take(const Request& r, Respond respond) {
    std::lock_guard lock(mu);
    queue.emplace_back(r, std::move(respond));
    cv.notify_one();
  }
  ~LateAnswers() {
    {
      std::lock_guard lock(mu);
      stop = true;
    }
    cv.notify_one();
    worker.join();
  }
};

TEST(ServeAsync, HttpServerWritesAnswersGivenLaterByAnotherThread) {
  LateAnswers late;
  HttpLimits limits;
  limits.threads = 1;  // one server thread: it must not be the one waiting
  HttpServer server("127.0.0.1", 0, AsyncHandler([&](const Request& r, Respond respond) { late.take(r, std::move(respond)); }),
                    limits);
  server.start();
  Conn a(server.port()), b(server.port());
  ASSERT_TRUE(a.send("GET /one HTTP/1.1\r\nHost: x\r\n\r\n"));
  ASSERT_TRUE(b.send("GET /two HTTP/1.1\r\nHost: x\r\n\r\n"));  // served while /one waits
  auto rb = b.read(), ra = a.read();
  ASSERT_TRUE(ra.ok && rb.ok);
  EXPECT_EQ(ra.body, "late /one");
  EXPECT_EQ(rb.body, "late /two");
  ASSERT_TRUE(a.send("GET /again HTTP/1.1\r\nHost: x\r\n\r\n"));  // keep-alive goes on after a late answer
  auto again = a.read();
  ASSERT_TRUE(again.ok);
  EXPECT_EQ(again.body, "late /again");
  server.stop();
}

}  // namespace
}  // namespace prefero::serve
