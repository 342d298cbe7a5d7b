// Arena rating speed (plain main, wall-clock, best of several runs):
//   bench_arena                       BT fit, BT + 1,000-round bootstrap (2 threads) and sandwich on
//                                     the Chatbot Arena 2024-08-14 pair-count summary
//   bench_arena generate N FILE       writes N battles as JSONL, drawn from the summary's
//                                     pair × outcome frequencies (with judge, tstamp, question_id)
//   bench_arena battles FILE [THREADS] time to just read FILE (1 thread as `cat`, and THREADS
//                                     threads in 256 KB windows as the reader), to read it and
//                                     scan every line's structure (no fields), vs
//                                     read_comparisons + BT fit
#include <fmt/core.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstring>
#include <algorithm>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <thread>

#include "io/json_line_scan.hpp"
#include "io/read_comparisons.hpp"
#include "rate/comparisons.hpp"
#include "registry/registry.hpp"

using namespace prefero;

namespace {

const std::string kSummary = std::string(PREFERO_SHARED_DIR) + "/refdata/arena/leaderbot/chatbotarena_20240814.json";

// Best wall-clock seconds of `reps` runs; `cpu` gets the process CPU seconds (all threads) of
// that run, which is what a shared, loaded machine measures reliably.
double seconds(const std::function<void()>& f, int reps, double* cpu = nullptr) {
  double best = 1e300;
  for (int i = 0; i < reps; ++i) {
    std::clock_t c0 = std::clock();
    auto t0 = std::chrono::steady_clock::now();
    f();
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (wall < best) {
      best = wall;
      if (cpu) *cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
    }
  }
  return best;
}

RatingResult run(const Comparisons& c, std::map<std::string, std::string> given) {
  const MethodInfo& m = require_method("bradley_terry");
  return m.rate(c, resolve_params(m.id, m.params, given));
}

int summary() {
  Comparisons c;
  double t_read = seconds([&] { c = read_comparisons(kSummary); }, 3);
  const std::string anchor = "mixtral-8x7b-instruct-v0.1=1114";
  double t_fit = seconds([&] { run(c, {{"anchor", anchor}}); }, 5);
  double t_mm = seconds([&] { run(c, {{"anchor", anchor}, {"solver", "mm"}}); }, 3);
  double t_sand = seconds([&] { run(c, {{"anchor", anchor}, {"intervals", "sandwich"}}); }, 3);
  double cpu2 = 0, cpu1 = 0;
  double t_boot2 = seconds([&] { run(c, {{"anchor", anchor}, {"bootstrap", "1000"}, {"threads", "2"}}); }, 3, &cpu2);
  double t_boot1 = seconds([&] { run(c, {{"anchor", anchor}, {"bootstrap", "1000"}, {"threads", "1"}}); }, 1, &cpu1);
  fmt::print("Chatbot Arena 2024-08-14 summary: {} models, {} unique rows\n", c.models.size(), c.pairs.size());
  fmt::print("  read JSON                       {:8.2f} ms\n", t_read * 1e3);
  fmt::print("  BT fit (newton)                 {:8.2f} ms\n", t_fit * 1e3);
  fmt::print("  BT fit (mm, tol 1e-10)          {:8.2f} ms\n", t_mm * 1e3);
  fmt::print("  BT + sandwich intervals         {:8.2f} ms\n", t_sand * 1e3);
  fmt::print("  BT + 1000 bootstrap, 2 threads  {:8.2f} ms wall, {:8.2f} ms CPU\n", t_boot2 * 1e3, cpu2 * 1e3);
  fmt::print("  BT + 1000 bootstrap, 1 thread   {:8.2f} ms wall, {:8.2f} ms CPU\n", t_boot1 * 1e3, cpu1 * 1e3);
  return 0;
}

int generate(long long n, const std::string& path) {
  Comparisons c = read_comparisons(kSummary);
  std::vector<double> cum;
  double t = 0;
  for (const auto& r : c.pairs) cum.push_back(t += r.count);
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return fmt::print(stderr, "cannot write {}\n", path), 2;
  std::mt19937_64 gen(42);
  std::uniform_real_distribution<double> u(0, t);
  const char* winners[4] = {"model_a", "model_b", "tie", "tie (bothbad)"};
  std::string buf;
  for (long long i = 0; i < n; ++i) {
    size_t k = static_cast<size_t>(std::upper_bound(cum.begin(), cum.end(), u(gen)) - cum.begin());
    k = std::min(k, c.pairs.size() - 1);
    const PairRow& r = c.pairs[k];
    bool swap = gen() & 1;  // random sides, as in the arena
    int a = swap ? r.b : r.a, b = swap ? r.a : r.b;
    int o = static_cast<int>(r.outcome);
    if (swap && o < 2) o = 1 - o;
    buf += fmt::format("{{\"question_id\": \"{:016x}\", \"model_a\": \"{}\", \"model_b\": \"{}\", \"winner\": \"{}\", "
                       "\"judge\": \"arena_user_{}\", \"tstamp\": {:.3f}}}\n",
                       gen(), c.models[static_cast<size_t>(a)], c.models[static_cast<size_t>(b)], winners[o], gen() % 200000,
                       1.7e9 + static_cast<double>(i) * 0.01);
    if (buf.size() > (1 << 20)) std::fwrite(buf.data(), 1, buf.size(), f), buf.clear();
  }
  std::fwrite(buf.data(), 1, buf.size(), f);
  std::fclose(f);
  return 0;
}

// Reads `path` in `threads` contiguous parts, each in 256 KB windows (as the JSONL reader's
// workers do), calling on_window(thread, bytes, n) for each window of whole lines.
void read_in_parts(const std::string& path, int threads, const std::function<void(int, char*, size_t)>& on_window) {
  int fd = open(path.c_str(), O_RDONLY);
  struct stat st;
  fstat(fd, &st);
  const auto size = static_cast<size_t>(st.st_size);
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      const size_t window = size_t{1} << 18;
      std::vector<char> buf(window + 128);
      size_t lo = size / static_cast<size_t>(threads) * static_cast<size_t>(t);
      size_t hi = t == threads - 1 ? size : size / static_cast<size_t>(threads) * static_cast<size_t>(t + 1);
      size_t have = 0;
      for (size_t at = lo; at < hi;) {
        ssize_t got = pread(fd, buf.data() + have, std::min(window - have, hi - at), static_cast<off_t>(at));
        if (got <= 0) break;
        at += static_cast<size_t>(got);
        size_t end = have + static_cast<size_t>(got), cut = end;
        while (at < hi && cut > 0 && buf[cut - 1] != '\n') --cut;
        std::memset(buf.data() + end, ' ', 128);
        buf[cut] = '\n';
        on_window(t, buf.data(), cut);
        have = end - cut;
        std::memmove(buf.data(), buf.data() + cut, have);
      }
    });
  for (auto& th : pool) th.join();
  close(fd);
}

int battles(const std::string& path, int threads) {
  long long lines = 0;
  double cpu_read = 0, cpu_parallel = 0, cpu_scan = 0, cpu_parse = 0, cpu_fit = 0;
  // Baselines: just read every byte into memory (one thread, 128 KB reads, as `cat`; then
  // `threads` parts in 256 KB windows, as the reader), and read + scan every line's structure.
  double t_read = seconds(
      [&] {
        int fd = open(path.c_str(), O_RDONLY);
        std::vector<char> buf(size_t{1} << 17);
        ssize_t got;
        lines = 0;
        while ((got = read(fd, buf.data(), buf.size())) > 0) lines += buf[static_cast<size_t>(got - 1)] == '\n';
        close(fd);
      },
      3, &cpu_read);
  std::vector<long long> per(static_cast<size_t>(threads));
  double t_parallel = seconds(
      [&] { read_in_parts(path, threads, [&](int t, char* p, size_t n) { per[static_cast<size_t>(t)] += n > 0 && p[n - 1] == '\n'; }); },
      3, &cpu_parallel);
  const io_detail::LineKeys none({});
  double t_scan = seconds(
      [&] {
        read_in_parts(path, threads, [&](int t, char* p, size_t n) {
          io_detail::LineFields f;
          for (const char *q = p, *end, *next; q < p + n; q = next)
            per[static_cast<size_t>(t)] += io_detail::scan_json_line(q, none, f, end, next) == io_detail::LineScan::fields;
        });
      },
      3, &cpu_scan);
  ComparisonsReadOptions o;
  o.threads = threads;
  Comparisons c;
  double t_parse = seconds([&] { c = read_comparisons(path, o); }, 3, &cpu_parse);
  double t_fit = seconds([&] { run(c, {}); }, 3, &cpu_fit);
  fmt::print("{}: {} models, {} unique rows ({} threads)\n", path, c.models.size(), c.pairs.size(), threads);
  fmt::print("  just read, 1 thread (as cat)       {:8.3f} s wall {:8.3f} s CPU\n", t_read, cpu_read);
  fmt::print("  just read, {} parts                 {:8.3f} s wall {:8.3f} s CPU\n", threads, t_parallel, cpu_parallel);
  fmt::print("  read + scan structure, {} parts     {:8.3f} s wall {:8.3f} s CPU\n", threads, t_scan, cpu_scan);
  fmt::print("  read_comparisons                   {:8.3f} s wall {:8.3f} s CPU\n", t_parse, cpu_parse);
  fmt::print("  BT fit                             {:8.3f} s wall {:8.3f} s CPU\n", t_fit, cpu_fit);
  fmt::print("  parse + fit / just read (1 thread) {:8.2f}x wall {:8.2f}x CPU\n", (t_parse + t_fit) / t_read,
             (cpu_parse + cpu_fit) / cpu_read);
  fmt::print("  read + scan structure / just read  {:8.2f}x wall\n", t_scan / t_read);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 4 && std::strcmp(argv[1], "generate") == 0) return generate(std::atoll(argv[2]), argv[3]);
  if (argc >= 3 && std::strcmp(argv[1], "battles") == 0) return battles(argv[2], argc >= 4 ? std::atoi(argv[3]) : 2);
  return summary();
}
