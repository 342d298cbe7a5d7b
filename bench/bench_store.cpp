// Durable append throughput and latency of the VoteStore backends (group commit at work).
//   build/bin/bench_store [--url sqlite:PATH|postgresql://...] [--threads 1,16,64] [--seconds 2]
// Without --url: a SQLite file in a temporary folder (removed afterwards); PREFERO_TEST_PG_URL
// adds a PostgreSQL run (scripts/pg-test.sh build/bin/bench_store). Every append carries an
// idempotency key and a vote-sized JSON body, as POST /v1/arenas/ID/votes writes it.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "serve/vote_store.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using prefero::serve::StoredEvent;
using prefero::serve::VoteStore;

void run(const std::string& label, VoteStore& store, int threads, double seconds) {
  std::vector<std::vector<double>> latencies(static_cast<std::size_t>(threads));
  std::atomic<bool> stop{false};
  std::vector<std::thread> pool;
  auto start = Clock::now();
  static int round = 0;
  ++round;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      auto& lat = latencies[static_cast<std::size_t>(t)];
      StoredEvent e;
      e.stream = "arena:bench";
      e.kind = "vote";
      e.actor = "anon:0123456789abcdef";
      e.body = R"({"item":"q17","models":["model-alpha-7b","model-beta-13b"],"winner":"model_a"})";
      for (long i = 0; i < 100000000 && !stop.load(std::memory_order_relaxed); ++i) {
        e.idempotency_key = std::to_string(getpid()) + "-" + std::to_string(round) + "-" + std::to_string(t) + "-" + std::to_string(i);
        e.time_ms = i;
        auto t0 = Clock::now();
        store.append(e);
        lat.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (auto& th : pool) th.join();
  double wall = std::chrono::duration<double>(Clock::now() - start).count();
  std::vector<double> all;
  for (auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  auto pct = [&](double p) { return all.empty() ? 0.0 : all[std::min(all.size() - 1, static_cast<std::size_t>(p * static_cast<double>(all.size())))]; };
  std::printf("%-10s threads=%3d  appends=%8zu  %9.0f appends/s  latency ms p50=%.2f p99=%.2f max=%.2f\n", label.c_str(),
              threads, all.size(), static_cast<double>(all.size()) / wall, pct(0.5), pct(0.99), all.empty() ? 0.0 : all.back());
  std::fflush(stdout);
}

std::vector<int> parse_list(const std::string& s) {
  std::vector<int> out;
  std::size_t pos = 0;
  for (int guard = 0; guard < 100 && pos <= s.size(); ++guard) {
    auto comma = s.find(',', pos);
    out.push_back(std::atoi(s.substr(pos, comma - pos).c_str()));
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string url;
  std::vector<int> threads{1, 16, 64};
  double seconds = 2;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--url") url = argv[i + 1];
    else if (a == "--threads") threads = parse_list(argv[i + 1]);
    else if (a == "--seconds") seconds = std::atof(argv[i + 1]);
  }
  std::vector<std::string> urls;
  std::filesystem::path dir;
  if (!url.empty()) {
    urls.push_back(url);
  } else {
    dir = std::filesystem::temp_directory_path() / ("prefero_bench_store_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    urls.push_back("sqlite:" + (dir / "votes.db").string());
    if (const char* pg = std::getenv("PREFERO_TEST_PG_URL")) urls.push_back(pg);
  }
  for (const auto& u : urls) {
    auto store = prefero::serve::open_vote_store(u);
    std::string label = u.substr(0, u.find(':'));
    for (int t : threads) run(label, *store, std::max(t, 1), seconds);
  }
  if (!dir.empty()) std::filesystem::remove_all(dir);
  return 0;
}
