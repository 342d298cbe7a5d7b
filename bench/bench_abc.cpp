// abcvoting's benchmark (../shared/refdata/abcvoting/benchmark_instances): 1,000 approval profiles
// (5-100 voters, 5-100 candidates). For one rule and algorithm, runs every instance with a
// per-instance time limit and prints how many were solved (proven optimal), the total time, and
// abcvoting's own figures from benchmark_results.json (300 s CUMULATIVE budget per rule x algorithm
// x mode; Intel Core Ultra 7 155U).
//
// Usage: bench_abc --rule pav [--algorithm ilp] [--limit SECONDS] [--irresolute] [--first N]
#include <fmt/core.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "committee/run_committee.hpp"
#include "io/abc_yaml.hpp"

using namespace prefero;
namespace fs = std::filesystem;

int main(int argc, char** argv) {
  std::string rule = "pav", algorithm;
  double limit = 10;
  bool irresolute = false;
  int first = 1000;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--rule" && i + 1 < argc) rule = argv[++i];
    else if (a == "--algorithm" && i + 1 < argc) algorithm = argv[++i];
    else if (a == "--limit" && i + 1 < argc) limit = std::stod(argv[++i]);
    else if (a == "--irresolute") irresolute = true;
    else if (a == "--first" && i + 1 < argc) first = std::stoi(argv[++i]);
  }
  fs::path dir = fs::path(PREFERO_SHARED_DIR) / "refdata/abcvoting/benchmark_instances";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().string().ends_with(".abc.yaml")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  if (static_cast<int>(files.size()) > first) files.resize(static_cast<size_t>(first));
  const MethodInfo& m = require_method(rule);
  std::map<std::string, std::string> given{{"resolute", irresolute ? "false" : "true"},
                                           {"time_limit", fmt::format("{}", limit)}};
  if (!algorithm.empty()) given["algorithm"] = algorithm;
  int solved = 0, unproven = 0;
  double total = 0, worst = 0;
  std::string worst_file;
  for (const auto& f : files) {
    AbcInstance inst = read_abc_yaml(f.string());
    auto t0 = std::chrono::steady_clock::now();
    CommitteeOutcome o = run_committee(m, inst.profile, inst.committee_size.value_or(1), given);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    total += s;
    if (s > worst) worst = s, worst_file = f.filename().string();
    if (o.result.proven) ++solved;
    else ++unproven;
  }
  fmt::print("prefero {} algorithm={} {} per-instance limit {} s: solved {}/{} (not proven {}), total {:.2f} s, "
             "slowest {:.2f} s ({})\n",
             rule, algorithm.empty() ? "default" : algorithm, irresolute ? "irresolute" : "resolute", limit, solved,
             files.size(), unproven, total, worst, worst_file);
  std::ifstream in(dir / "benchmark_results.json");
  json j = json::parse(in, nullptr, false);
  if (!j.is_discarded() && j["results"].contains(rule)) {
    for (const auto& [alg, v] : j["results"][rule]["algorithms"].items()) {
      const auto& r = v[irresolute ? "irresolute" : "resolute"];
      fmt::print("  abcvoting {:<18} finished {:>4}/{} within a 300 s cumulative budget, runtime {:.1f} s{}\n", alg,
                 r["finished"].get<int>(), r["total"].get<int>(), r["cumulative_runtime"].get<double>(),
                 irresolute ? " (max 10 committees)" : "");
    }
  }
  return 0;
}
