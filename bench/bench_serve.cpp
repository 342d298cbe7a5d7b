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
//   bench_serve leaderboard [MODELS] [VOTES] [DB]   GET /v1/arenas/ID/leaderboard after VOTES
//       battles among MODELS models were posted (in batches of 10,000); latency percentiles.
// Every loop is bounded in count; a request taking over 10 s aborts the run.
#include <arpa/inet.h>
#include <fmt/core.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
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

Running start(const std::string& db) {
  Running r;
  r.store = open_vote_store(db);
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

int leaderboard(int models, long long total, std::string db) {
  if (db.empty()) db = temp_db();
  Running r = start(db);
  Connection c(r.server->port());
  create_arena(c, models);
  std::mt19937_64 g(1);
  const char* winners[] = {"model_a", "model_b", "tie", "tie (bothbad)"};
  auto t0 = Clock::now();
  for (long long done = 0; done < total;) {
    json batch = json::array();
    for (int i = 0; i < 10000 && done < total; ++i, ++done) {
      int a = static_cast<int>(g() % static_cast<uint64_t>(models));
      int b = static_cast<int>((static_cast<uint64_t>(a) + 1 + g() % static_cast<uint64_t>(models - 1)) % static_cast<uint64_t>(models));
      batch.push_back({{"model_a", "model-" + std::to_string(a)}, {"model_b", "model-" + std::to_string(b)}, {"winner", winners[g() % 4]}});
    }
    auto [status, body] = c.request("POST", "/v1/arenas/" + kArena + "/battles", json{{"battles", batch}}.dump());
    if (status != 201) throw std::runtime_error("battles: " + body);
  }
  double load = std::chrono::duration<double>(Clock::now() - t0).count();
  std::vector<double> lat;
  for (int i = 0; i < 200; ++i) {
    auto s = Clock::now();
    auto [status, body] = c.request("GET", "/v1/arenas/" + kArena + "/leaderboard");
    lat.push_back(std::chrono::duration<double, std::milli>(Clock::now() - s).count());
    if (status != 200) throw std::runtime_error("leaderboard: " + body);
  }
  fmt::print("{} models, {} battles stored in {:.1f} s ({}): leaderboard first {:.2f} ms, then p50 {:.2f} ms, p99 {:.2f} ms\n",
             models, total, load, db.substr(0, db.find(':')), lat[0], percentile({lat.begin() + 1, lat.end()}, 0.5),
             percentile({lat.begin() + 1, lat.end()}, 0.99));
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
  try {
    if (mode == "votes")
      return votes(argc > 2 ? std::atoi(argv[2]) : 100000, argc > 3 ? std::atoi(argv[3]) : 32, argc > 4 ? argv[4] : "");
    if (mode == "wrk") return votes_wrk(argc > 2 ? std::atoi(argv[2]) : 10, argc > 3 ? std::atoi(argv[3]) : 128, argc > 4 ? argv[4] : "");
    if (mode == "leaderboard")
      return leaderboard(argc > 2 ? std::atoi(argv[2]) : 200, argc > 3 ? std::atoll(argv[3]) : 10000000, argc > 4 ? argv[4] : "");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_serve: %s\n", e.what());
    return 1;
  }
  std::fprintf(stderr, "usage: bench_serve votes [VOTES] [CONNECTIONS] [DB] | wrk [SECONDS] [CONNECTIONS] [DB] | leaderboard [MODELS] [VOTES] [DB]\n");
  return 2;
}
