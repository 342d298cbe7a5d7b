// The HTTP layer of `prefero serve` alone (no store, no service): a server with a trivial JSON
// handler on 127.0.0.1 and C keep-alive clients posting small bodies for S seconds; prints the
// request rate and latency percentiles. Bounded in time; loopback only.
// Usage: build/bin/bench_serve_http [SECONDS=3] [CLIENTS=4] [SERVER_THREADS=2]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "serve/http_server.hpp"
#include "tests/unit/test_serve_http_client.hpp"

using namespace prefero::serve;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  const double seconds = argc > 1 ? std::atof(argv[1]) : 3.0;
  const int clients = argc > 2 ? std::atoi(argv[2]) : 4;
  HttpLimits limits;
  limits.rate_per_client = 0;  // every client is 127.0.0.1
  limits.threads = argc > 3 ? std::atoi(argv[3]) : 2;
  HttpServer server("127.0.0.1", 0, [](const Request& r) {
    Response out;
    out.status = 201;
    out.body = R"({"vote": {"seq": 1, "bytes": )" + std::to_string(r.body.size()) + "}}";
    return out;
  }, limits);
  server.start();

  const std::string body = R"({"matchup": "a1.i7.m3.m9.0123456789abcdef", "winner": "A"})";
  const std::string request = "POST /v1/arenas/a1/votes HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                              "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  std::vector<std::vector<double>> latencies(static_cast<size_t>(clients));
  std::atomic<int> errors{0};
  const auto end = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c)
    threads.emplace_back([&, c] {
      prefero_test::Conn conn(server.port());
      auto& lat = latencies[static_cast<size_t>(c)];
      while (Clock::now() < end) {
        const auto t0 = Clock::now();
        if (!conn.send(request) || conn.read().status != 201) {
          ++errors;
          return;
        }
        lat.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
      }
    });
  for (auto& t : threads) t.join();
  server.stop();

  std::vector<double> all;
  for (auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  auto pct = [&](double p) { return all.empty() ? 0.0 : all[std::min(all.size() - 1, static_cast<size_t>(p * static_cast<double>(all.size())))]; };
  std::printf("bench_serve_http: %d clients, %d server threads, %.1f s: %zu requests, %.0f req/s, latency p50 %.0f us, "
              "p99 %.0f us, max %.0f us, errors %d\n",
              clients, limits.threads, seconds, all.size(), static_cast<double>(all.size()) / seconds, pct(0.5), pct(0.99),
              all.empty() ? 0.0 : all.back(), errors.load());
  return errors.load() == 0 ? 0 : 1;
}
