// `prefero serve` under load, on loopback, in one process (server threads + client threads on
// the same 2 cores, as wrk on the same machine would be):
//   bench_serve votes [VOTES] [CONNECTIONS] [DB]    durable vote ingestion: VOTES posts of
//       /v1/arenas/ID/votes (each on its own matchup, fetched before the clock starts) over
//       CONNECTIONS keep-alive connections; votes/s and latency percentiles. DB defaults to
//       sqlite:<temp file>; give postgresql://... for PostgreSQL.
//   bench_serve wrk [SECONDS] [CONNECTIONS] [DB]     the same load from wrk (Debian's; 2 threads,
//       CONNECTIONS connections, bench/serve_votes.lua), which costs the machine far less than
//       one client thread per connection. PostgreSQL on a private throw-away server (the URL must
//       expand after scripts/pg-test.sh set it, hence the inner shell):
//         scripts/pg-test.sh bash -c 'build/bin/bench_serve wrk 5 128 "$PREFERO_TEST_PG_URL"'
//   bench_serve leaderboard [MODELS] [VOTES] [DB] [LOAD]   GET /v1/arenas/ID/leaderboard after
//       VOTES battles among MODELS models were stored (LOAD http: posted in batches of 10,000;
//       store: the same events appended to the store directly, then replayed by a new service;
//       votes: VOTES single-vote events with idempotency keys, as POST votes stores them,
//       appended directly, then replayed);
//       latency percentiles idle and while battles keep coming, and the process's RSS.
// DB: absent or "sqlite" = a temporary SQLite file (removed afterwards); sqlite:PATH; or
// postgresql://... ("" is refused: an unexpanded "$PREFERO_TEST_PG_URL" must not measure SQLite).
// Every loop is bounded in count; a request taking over 10 s aborts the run.
#include <arpa/inet.h>
#include <fmt/core.h>
#include <malloc.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "serve/http_server.hpp"
#include "serve/service.hpp"
#include "serve/vote_store.hpp"
#include "serve/web_assets.hpp"

using namespace prefero::serve;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kAdmin = "bench-admin-token";
// The arena of this run: its own id, so runs against one PostgreSQL database never meet.
const std::string kArena = "bench-" + std::to_string(getpid()) + "-" +
                           std::to_string(std::chrono::system_clock::now().time_since_epoch().count() % 1000000007);

// One keep-alive HTTP/1.1 connection to 127.0.0.1.
class Connection {
 public:
  explicit Connection(uint16_t port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) throw std::runtime_error("connect failed");
    int one = 1;
    setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    timeval tv{10, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  }
  ~Connection() { close(fd_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Sends one request and returns (status, body).
  std::pair<int, std::string> request(const std::string& method, const std::string& path, const std::string& body = "",
                                      const std::string& extra_headers = "") {
    std::string req = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + kAdmin + "\r\n" +
                      extra_headers + "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                      "\r\n\r\n" + body;
    for (size_t sent = 0; sent < req.size();) {
      ssize_t n = send(fd_, req.data() + sent, req.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) throw std::runtime_error("send failed");
      sent += static_cast<size_t>(n);
    }
    for (;;) {
      size_t end = buf_.find("\r\n\r\n");
      if (end != std::string::npos) {
        size_t cl = buf_.find("ontent-Length: ");
        if (cl == std::string::npos || cl > end) throw std::runtime_error("no Content-Length");
        size_t len = std::strtoull(buf_.c_str() + cl + 15, nullptr, 10);
        if (buf_.size() >= end + 4 + len) {
          int status = std::atoi(buf_.c_str() + 9);
          std::string out = buf_.substr(end + 4, len);
          buf_.erase(0, end + 4 + len);
          return {status, out};
        }
      }
      char tmp[65536];
      ssize_t n = recv(fd_, tmp, sizeof tmp, 0);
      if (n <= 0) throw std::runtime_error("connection closed or timed out");
      buf_.append(tmp, static_cast<size_t>(n));
    }
  }

 private:
  int fd_ = -1;
  std::string buf_;
};

struct Running {
  std::unique_ptr<VoteStore> store;
  std::unique_ptr<Service> service;
  std::unique_ptr<HttpServer> server;
};

// A service on r.store (replaying its log) and the HTTP server in front of it, as `prefero serve`.
void serve(Running& r) {
  ServiceOptions o;
  o.admin_token = kAdmin;
  r.service = std::make_unique<Service>(*r.store, o);
  HttpLimits limits;
  limits.rate_per_client = 0;  // one client address sends everything
  const char* threads = std::getenv("BENCH_SERVE_THREADS");
  limits.threads = threads ? std::atoi(threads) : 4;  // as `prefero serve` (votes wait for their commit without a thread)
  Service* s = r.service.get();
  r.server = std::make_unique<HttpServer>("127.0.0.1", 0,
                                          AsyncHandler([s](const Request& q, Respond reply) {
                                            if (q.path.rfind("/v1", 0) == 0) return s->handle_async(q, std::move(reply));
                                            reply(web_page(q));
                                          }),
                                          limits);
  r.server->start();
}

Running start(const std::string& db) {
  Running r;
  r.store = open_vote_store(db);
  serve(r);
  return r;
}

// Stops the server, closes the store, and removes a SQLite file with its -wal and -shm (which
// outlive the file when it is removed while the store is still open).
void stop(Running& r, const std::string& db) {
  r.server->stop();
  r.server.reset();
  r.service.reset();
  r.store.reset();
  if (db.rfind("sqlite:", 0) != 0) return;
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db.substr(7) + suffix, ec);
}

void create_arena(Connection& c, int models) {
  json arena = {{"id", kArena}, {"name", "bench"}, {"k", 2}, {"policy", "uniform"}, {"voting", "anonymous"}, {"model", "bt"}};
  json outputs = json::object();
  for (int m = 0; m < models; ++m) {
    arena["candidates"].push_back({{"id", "model-" + std::to_string(m)}});
    outputs["model-" + std::to_string(m)] = {{"text", "output of model " + std::to_string(m)}};
  }
  arena["items"] = json::array({{{"id", "q1"}, {"prompt", "p"}, {"outputs", outputs}}});
  auto [status, body] = c.request("POST", "/v1/arenas", arena.dump());
  if (status != 201) throw std::runtime_error("create arena: " + std::to_string(status) + " " + body);
}

double percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(q * static_cast<double>(v.size())))];
}

std::string temp_db() {
  return "sqlite:" + (std::filesystem::temp_directory_path() / ("bench_serve_" + std::to_string(getpid()) + ".db")).string();
}

int votes(int total, int connections, std::string db) {
  if (db.empty()) db = temp_db();
  Running r = start(db);
  uint16_t port = r.server->port();
  {
    Connection c(port);
    create_arena(c, 20);
  }
  // Matchups first (one per vote), outside the clock.
  std::vector<std::vector<std::string>> matchups(static_cast<size_t>(connections));
  for (int t = 0; t < connections; ++t) {
    Connection c(port);
    for (int i = t; i < total; i += connections) {
      auto [status, body] = c.request("GET", "/v1/arenas/" + kArena + "/next");
      if (status != 200) throw std::runtime_error("next: " + body);
      matchups[static_cast<size_t>(t)].push_back(json::parse(body)["matchup"]["id"].get<std::string>());
    }
  }
  std::vector<std::vector<double>> lat(static_cast<size_t>(connections));
  std::atomic<int> failed{0};
  auto t0 = Clock::now();
  std::vector<std::thread> clients;
  for (int t = 0; t < connections; ++t)
    clients.emplace_back([&, t] {
      Connection c(port);
      std::mt19937 g(static_cast<unsigned>(t));
      const char* winners[] = {"A", "B", "tie", "bothbad"};
      for (const std::string& m : matchups[static_cast<size_t>(t)]) {
        json v = {{"matchup", m}, {"winner", winners[g() % 4]}};
        auto s = Clock::now();
        auto [status, body] = c.request("POST", "/v1/arenas/" + kArena + "/votes", v.dump(), "Idempotency-Key: " + m + "\r\n");
        lat[static_cast<size_t>(t)].push_back(std::chrono::duration<double, std::milli>(Clock::now() - s).count());
        if (status != 201) ++failed;
      }
    });
  for (auto& c : clients) c.join();
  double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  std::vector<double> all;
  for (auto& l : lat) all.insert(all.end(), l.begin(), l.end());
  fmt::print("{} votes over {} connections into {}: {:.0f} votes/s (acknowledged 201: {}), latency p50 {:.2f} ms, "
             "p99 {:.2f} ms, max {:.2f} ms\n",
             total, connections, db.substr(0, db.find(':')), total / secs, total - failed.load(), percentile(all, 0.5),
             percentile(all, 0.99), percentile(all, 1.0));
  stop(r, db);
  return failed.load() == 0 ? 0 : 1;
}

// wrk against the in-process server: matchups for ~30k votes/s over `seconds` are fetched first.
int votes_wrk(int seconds, int connections, std::string db) {
  if (db.empty()) db = temp_db();
  Running r = start(db);
  uint16_t port = r.server->port();
  const int needed = 30000 * seconds;
  std::string file = (std::filesystem::temp_directory_path() / ("bench_serve_matchups_" + std::to_string(getpid()))).string();
  {
    Connection c(port);
    create_arena(c, 20);
    std::FILE* f = std::fopen(file.c_str(), "w");
    for (int i = 0; i < needed; ++i) {
      auto [status, body] = c.request("GET", "/v1/arenas/" + kArena + "/next");
      if (status != 200) throw std::runtime_error("next: " + body);
      std::fprintf(f, "%s\n", json::parse(body)["matchup"]["id"].get<std::string>().c_str());
    }
    std::fclose(f);
  }
  std::string script = std::string(PREFERO_SOURCE_DIR) + "/bench/serve_votes.lua";
  std::string cmd = fmt::format("wrk -t2 -c{} -d{}s --latency -s {} http://127.0.0.1:{}/ -- {} 2 {}", connections, seconds,
                                script, port, file, kArena);
  std::fprintf(stderr, "%s\n", cmd.c_str());
  int rc = std::system(cmd.c_str());
  std::filesystem::remove(file);
  Connection c(port);
  auto [status, body] = c.request("GET", "/v1/arenas/" + kArena + "/leaderboard");
  fmt::print("votes stored in the arena: {} (store: {})\n", json::parse(body)["votes"].get<double>(), db.substr(0, db.find(':')));
  stop(r, db);
  return rc == 0 ? 0 : 1;
}

// The process's resident set size (MB, after returning freed heap memory to the system with
// malloc_trim: the live state) and its peak so far, from /proc/self/status.
std::pair<double, double> rss_mb() {
  malloc_trim(0);
  std::FILE* f = std::fopen("/proc/self/status", "r");
  double now = 0, peak = 0;
  if (!f) return {0, 0};
  char line[256];
  while (std::fgets(line, sizeof line, f)) {
    long kb = 0;
    if (std::sscanf(line, "VmRSS: %ld kB", &kb) == 1) now = static_cast<double>(kb) / 1024;
    if (std::sscanf(line, "VmHWM: %ld kB", &kb) == 1) peak = static_cast<double>(kb) / 1024;
  }
  std::fclose(f);
  return {now, peak};
}

// `count` random battles among `models` models as the body of POST battles / a "battle" event.
std::string battle_batch(std::mt19937_64& g, int models, long long count) {
  static const char* winners[] = {"model_a", "model_b", "tie", "tie (bothbad)"};
  json batch = json::array();
  for (long long i = 0; i < count; ++i) {
    int a = static_cast<int>(g() % static_cast<uint64_t>(models));
    int b = static_cast<int>((static_cast<uint64_t>(a) + 1 + g() % static_cast<uint64_t>(models - 1)) % static_cast<uint64_t>(models));
    batch.push_back({{"model_a", "model-" + std::to_string(a)}, {"model_b", "model-" + std::to_string(b)}, {"winner", winners[g() % 4]}});
  }
  return json{{"battles", batch}}.dump();
}

// `total` vote events as POST /v1/arenas/ID/votes stores them, appended asynchronously (at most
// 100,000 waiting at a time).
void append_votes(VoteStore& store, std::mt19937_64& g, int models, long long total) {
  static const char* winners[] = {"model_a", "model_b", "tie", "tie (bothbad)"};
  std::mutex mu;
  std::condition_variable cv;
  long long acknowledged = 0;
  std::exception_ptr failed;
  const auto t = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  for (long long i = 0; i < total; ++i) {
    const int a = static_cast<int>(g() % static_cast<uint64_t>(models));
    const int b = static_cast<int>((static_cast<uint64_t>(a) + 1 + g() % static_cast<uint64_t>(models - 1)) % static_cast<uint64_t>(models));
    StoredEvent e;
    e.stream = "arena:" + kArena;
    e.kind = "vote";
    e.idempotency_key = fmt::format("{:016x}{:016x}", g(), g());
    e.actor = "anon:voter-" + std::to_string(i % 100000);
    e.time_ms = t;
    e.body = json{{"matchup", e.idempotency_key}, {"item", "q1"}, {"models", {"model-" + std::to_string(a), "model-" + std::to_string(b)}},
                  {"winner", winners[g() % 4]}}.dump();
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return i - acknowledged < 100000; });
    lock.unlock();
    store.append_async(std::move(e), [&](const StoredEvent&, const AppendResult&, std::exception_ptr error) {
      std::lock_guard done(mu);
      if (error) failed = error;
      ++acknowledged;
      cv.notify_one();
    });
  }
  std::unique_lock lock(mu);
  cv.wait(lock, [&] { return acknowledged == total; });
  if (failed) std::rethrow_exception(failed);
}

// load = "http": POST battles in batches of 10,000 through the server. load = "store": append
// the same events (one "battle" event of 10,000 battles each, as POST battles writes them) to
// the store directly, then start a new service on it, which replays them (timed). load =
// "votes": one "vote" event per vote, as POST votes writes them (a random 32-hex-digit matchup id,
// also the idempotency key; 100,000 anonymous voters), appended directly, then replayed.
int leaderboard(int models, long long total, std::string db, const std::string& load_mode) {
  if (db.empty()) db = temp_db();
  if (load_mode != "http" && load_mode != "store" && load_mode != "votes")
    throw std::runtime_error("load must be http, store or votes");
  Running r = start(db);
  {
    Connection c(r.server->port());
    create_arena(c, models);
  }
  std::mt19937_64 g(1);
  auto t0 = Clock::now();
  double replay = 0;
  if (load_mode == "http") {
    Connection c(r.server->port());
    for (long long done = 0; done < total; done += 10000) {
      auto [status, body] = c.request("POST", "/v1/arenas/" + kArena + "/battles", battle_batch(g, models, std::min(10000LL, total - done)));
      if (status != 201) throw std::runtime_error("battles: " + body);
    }
  } else if (load_mode == "votes") {
    r.server->stop();
    r.server.reset();
    r.service.reset();
    append_votes(*r.store, g, models, total);
    auto t1 = Clock::now();
    serve(r);
    replay = std::chrono::duration<double>(Clock::now() - t1).count();
  } else {
    r.server->stop();
    r.server.reset();
    r.service.reset();
    for (long long done = 0; done < total; done += 10000) {
      StoredEvent e;
      e.stream = "arena:" + kArena;
      e.kind = "battle";
      e.actor = "admin";
      e.time_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
      e.body = battle_batch(g, models, std::min(10000LL, total - done));
      r.store->append(e);
    }
    auto t1 = Clock::now();
    serve(r);  // the service's constructor replays the log
    replay = std::chrono::duration<double>(Clock::now() - t1).count();
  }
  const double loaded = std::chrono::duration<double>(Clock::now() - t0).count();
  const auto [rss, peak] = rss_mb();
  Connection c(r.server->port());
  auto timed_get = [&](json* out) {
    auto s = Clock::now();
    auto [status, body] = c.request("GET", "/v1/arenas/" + kArena + "/leaderboard");
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - s).count();
    if (status != 200) throw std::runtime_error("leaderboard: " + body);
    if (out) *out = json::parse(body);
    return ms;
  };
  json first_answer;
  const double first = timed_get(&first_answer);
  if (first_answer["votes"].get<double>() != static_cast<double>(total))
    throw std::runtime_error("the leaderboard counts " + first_answer["votes"].dump() + " battles");
  std::vector<double> idle;
  for (int i = 0; i < 200; ++i) idle.push_back(timed_get(nullptr));
  // While battles keep coming (batches of 1,000 from a second connection): the refresher refits
  // in the background; requests are answered from its last fit. 200 requests, 10 ms apart.
  std::atomic<bool> done{false};
  std::atomic<long long> posted{0};
  std::thread writer([&] {
    Connection w(r.server->port());
    std::mt19937_64 gw(2);
    while (!done.load()) {
      auto [status, body] = w.request("POST", "/v1/arenas/" + kArena + "/battles", battle_batch(gw, models, 1000));
      if (status != 201) {
        std::fprintf(stderr, "battles: %d %s\n", status, body.c_str());
        return;
      }
      posted += 1000;
    }
  });
  std::vector<double> busy;
  double max_lag = 0;
  std::set<int64_t> fits;
  for (int i = 0; i < 200; ++i) {
    json a;
    busy.push_back(timed_get(&a));
    const double lag = static_cast<double>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                               std::chrono::system_clock::now().time_since_epoch()).count() -
                                           a["fitted_at"].get<int64_t>());
    max_lag = std::max(max_lag, lag);
    fits.insert(a["fitted_at"].get<int64_t>());
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  done = true;
  writer.join();
  fmt::print("{} models, {} battles stored in {:.1f} s ({}, load {}{}); RSS {:.0f} MB (peak {:.0f} MB)\n", models, total,
             loaded, db.substr(0, db.find(':')), load_mode,
             load_mode != "http" ? fmt::format(", of which the service's replay {:.1f} s", replay) : "", rss, peak);
  fmt::print("leaderboard: first (fitted in the request) {:.2f} ms; then idle p50 {:.2f} ms, p99 {:.2f} ms; "
             "while {} battles were posted: p50 {:.2f} ms, p99 {:.2f} ms, max {:.2f} ms, answers up to {:.0f} ms old, "
             "{} distinct fits served\n",
             first, percentile(idle, 0.5), percentile(idle, 0.99), posted.load(), percentile(busy, 0.5), percentile(busy, 0.99),
             percentile(busy, 1.0), max_lag, fits.size());
  stop(r, db);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "votes";
  if (argc > 4 && argv[4][0] == '\0') {
    // Typically "$PREFERO_TEST_PG_URL" expanded before scripts/pg-test.sh set it: measuring
    // SQLite instead, silently, would mislabel the figures.
    std::fprintf(stderr, "bench_serve: the DB argument is empty (for PostgreSQL: scripts/pg-test.sh bash -c "
                         "'build/bin/bench_serve %s ... \"$PREFERO_TEST_PG_URL\"')\n", mode.c_str());
    return 2;
  }
  // DB: absent or "sqlite" = a temporary SQLite file.
  const std::string db = argc > 4 && std::string(argv[4]) != "sqlite" ? argv[4] : "";
  try {
    if (mode == "votes") return votes(argc > 2 ? std::atoi(argv[2]) : 100000, argc > 3 ? std::atoi(argv[3]) : 32, db);
    if (mode == "wrk") return votes_wrk(argc > 2 ? std::atoi(argv[2]) : 10, argc > 3 ? std::atoi(argv[3]) : 128, db);
    if (mode == "leaderboard")
      return leaderboard(argc > 2 ? std::atoi(argv[2]) : 200, argc > 3 ? std::atoll(argv[3]) : 10000000, db,
                         argc > 5 ? argv[5] : "http");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_serve: %s\n", e.what());
    return 1;
  }
  std::fprintf(stderr, "usage: bench_serve votes [VOTES] [CONNECTIONS] [DB] | wrk [SECONDS] [CONNECTIONS] [DB] | leaderboard [MODELS] [VOTES] [DB] [http|store|votes]\n");
  return 2;
}
