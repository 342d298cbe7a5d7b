// Exact Kemeny consensus at scale (plain main, not Google Benchmark):
//   bench_consensus preflib [LIMIT_S=20] [BUDGET_S=900]  every PrefLib .soc file with <= 300
//       candidates in ../shared/refdata/preflib, LIMIT_S seconds each; files are taken in inventory
//       order until BUDGET_S seconds of solving have been spent (the rest are listed as not run).
//   bench_consensus ic N [VOTERS=100] [SEEDS=3] [LIMIT_S=60]     impartial culture
//   bench_consensus mallows N [VOTERS=100] [PHI=0.5] [SEEDS=3] [LIMIT_S=10]
// BENCH_SEED=S runs only seed S; BENCH_PROGRESS=1 prints the solver's progress.
// Prints one line per instance: size, seconds, proven, cost, lower bound, Borda cost.
#include <fmt/core.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "consensus/heuristics.hpp"
#include "consensus/kemeny.hpp"
#include "io/read.hpp"

using namespace prefero;

namespace {

// Mallows model by repeated insertion (Doignon, Pekec, Regenwetter 2004): the i-th item of the
// reference ranking is inserted j places above the bottom of the current list with
// probability proportional to phi^j.
std::vector<std::vector<Cand>> mallows(int n, int voters, double phi, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::vector<Cand>> out;
  for (int v = 0; v < voters; ++v) {
    std::vector<Cand> r;
    for (int i = 0; i < n; ++i) {
      double total = 0, w = 1;
      for (int j = 0; j <= i; ++j) total += w, w *= phi;
      double u = static_cast<double>(rng() >> 11) * 0x1.0p-53 * total;
      int j = 0;
      w = 1;
      while (j < i && u >= w) u -= w, w *= phi, ++j;
      r.insert(r.end() - j, i);
    }
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<std::vector<Cand>> impartial(int n, int voters, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::vector<Cand>> out;
  for (int v = 0; v < voters; ++v) {
    std::vector<Cand> r(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) r[static_cast<size_t>(i)] = i;
    for (int i = n - 1; i > 0; --i) std::swap(r[static_cast<size_t>(i)], r[rng() % static_cast<uint64_t>(i + 1)]);
    out.push_back(std::move(r));
  }
  return out;
}

Profile profile_of(int n, const std::vector<std::vector<Cand>>& rankings) {
  ProfileBuilder b(Candidates::numbered(n), BallotKind::ranking);
  for (const auto& r : rankings) {
    std::vector<std::vector<Cand>> tiers;
    for (Cand c : r) tiers.push_back({c});
    b.add_tiers(tiers, 1);
  }
  return b.finish();
}

struct Row {
  double seconds;
  double cpu_seconds;
  ConsensusResult r;
  double borda;
};

Row run(const Profile& p, double limit) {
  auto t0 = std::chrono::steady_clock::now();  // from the profile: costs, reductions, solve
  const std::clock_t c0 = std::clock();
  PairCosts pc = pair_costs(p, all_candidates(p.num_candidates()), Unranked::incomparable, {});
  KemenyOptions o;
  o.time_limit_seconds = limit;
  if (std::getenv("BENCH_PROGRESS")) o.progress = [t0](const std::string& m) { fmt::print(stderr, "  [{:.1f}s] {}\n", std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), m); };
  ConsensusResult r = kemeny_solve(pc, o);
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
  std::vector<double> rowsum(static_cast<size_t>(pc.n), 0);
  for (int a = 0; a < pc.n; ++a)
    for (int b = 0; b < pc.n; ++b)
      if (a != b) rowsum[static_cast<size_t>(a)] += pc.strict(a, b);
  return {s, cpu, std::move(r), kemeny_cost(pc, order_by_score(rowsum))};
}

void print_row(const std::string& name, const Profile& p, const Row& x) {
  size_t biggest = 0;
  for (const auto& c : x.r.explanation["components"]) biggest = std::max(biggest, c["size"].get<size_t>());
  fmt::print("{:<48} n={:<4} voters={:<6} {:>8.3f}s cpu={:>8.3f}s {:<10} cost={:<10} lb={:<12.1f} borda={:<10} largest_scc={}\n", name,
             p.num_candidates(), p.num_voters, x.seconds, x.cpu_seconds, x.r.proven_optimal ? "optimal" : "NOT-PROVEN", x.r.cost,
             x.r.lower_bound, x.borda, biggest);
  std::fflush(stdout);
}

int preflib(double limit, double budget) {
  const std::filesystem::path root = std::filesystem::path(PREFERO_SHARED_DIR) / "refdata" / "preflib";
  std::ifstream inv(root / "INVENTORY.tsv");
  std::string line;
  std::getline(inv, line);
  int attempted = 0, proven = 0, not_run = 0;
  double spent = 0, worst = 0;
  while (std::getline(inv, line)) {
    std::istringstream f(line);
    std::string path, type, title, n;
    std::getline(f, path, '\t'), std::getline(f, type, '\t'), std::getline(f, title, '\t'), std::getline(f, n, '\t');
    if (type != "soc" || std::stoi(n) > 300) continue;
    if (spent > budget) {
      ++not_run;
      fmt::print("{:<48} n={:<4} not run (budget)\n", path, n);
      continue;
    }
    Profile p = read_profile((root / path).string());
    Row x = run(p, limit);
    spent += x.seconds, worst = std::max(worst, x.seconds);
    ++attempted, proven += x.r.proven_optimal;
    print_row(path, p, x);
  }
  fmt::print("\nPrefLib .soc (<= 300 candidates, {} s limit each): attempted {}, proven optimal {}, not run {}; "
             "total {:.1f} s, slowest {:.2f} s\n",
             limit, attempted, proven, not_run, spent, worst);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "mallows";
  auto arg = [&](int i, double d) { return argc > i ? std::stod(argv[i]) : d; };
  if (mode == "preflib") return preflib(arg(2, 20), arg(3, 900));
  if (mode == "ic" || mode == "mallows") {
    const int n = static_cast<int>(arg(2, mode == "ic" ? 40 : 300));
    const int voters = static_cast<int>(arg(3, 100));
    const double phi = mode == "mallows" ? arg(4, 0.5) : 1.0;
    const int seeds = static_cast<int>(arg(mode == "ic" ? 4 : 5, 3));
    const double limit = arg(mode == "ic" ? 5 : 6, mode == "ic" ? 60 : 10);
    const char* only = std::getenv("BENCH_SEED");  // run just this seed of 1..SEEDS
    for (int s = 1; s <= seeds; ++s) {
      if (only && std::atoi(only) != s) continue;
      auto votes = mode == "ic" ? impartial(n, voters, static_cast<uint64_t>(s)) : mallows(n, voters, phi, static_cast<uint64_t>(s));
      Profile p = profile_of(n, votes);
      print_row(fmt::format("{} phi={} seed={}", mode, phi, s), p, run(p, limit));
    }
    return 0;
  }
  fmt::print(stderr, "usage: bench_consensus preflib|ic|mallows ...\n");
  return 2;
}
