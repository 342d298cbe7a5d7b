// Speed of the Phragmén-family rules on abcvoting's 1,000 benchmark instances
// (../shared/refdata/abcvoting/benchmark_instances), beside abcvoting's own figures from
// benchmark_results.json (Python, Intel Core Ultra 7 155U; a cumulative 300 s budget per rule,
// algorithm and mode; irresolute runs capped at 10 committees).
//
// For each rule and mode: how many instances Prefero solves (proven) within the per-instance limit,
// the total time, and how many it finishes within abcvoting's cumulative 300 s budget.
//
// Usage: bench_phragmen_abc [--rules a,b,c] [--limit SECONDS] [--modes resolute,irresolute] [--first N]
#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "committee/run_committee.hpp"
#include "core/result.hpp"
#include "io/abc_yaml.hpp"

using namespace prefero;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  for (std::string item; std::getline(ss, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

void print_abcvoting(const json& results, const std::string& rule, const std::string& mode) {
  if (!results.contains(rule)) return;
  for (const auto& [alg, modes] : results[rule]["algorithms"].items()) {
    if (!modes.contains(mode)) continue;
    const auto& m = modes[mode];
    fmt::print("    abcvoting {:<20} {:>4}/{} finished, cumulative {:.1f} s\n", alg, m.value("finished", 0),
               m.value("total", 0), m.value("cumulative_runtime", 0.0));
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> rules{"seqphragmen", "equal-shares", "leximaxphragmen"};
  std::vector<std::string> modes{"resolute", "irresolute"};
  double limit = 300;
  size_t first = 1000;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--rules") && i + 1 < argc) rules = split(argv[++i]);
    else if (!std::strcmp(argv[i], "--modes") && i + 1 < argc) modes = split(argv[++i]);
    else if (!std::strcmp(argv[i], "--limit") && i + 1 < argc) limit = std::stod(argv[++i]);
    else if (!std::strcmp(argv[i], "--first") && i + 1 < argc) first = std::stoul(argv[++i]);
    else {
      fmt::print(stderr, "usage: bench_phragmen_abc [--rules a,b] [--modes resolute,irresolute] [--limit S] [--first N]\n");
      return 2;
    }
  }
  fs::path dir = fs::path(PREFERO_SHARED_DIR) / "refdata/abcvoting/benchmark_instances";
  if (!fs::exists(dir)) {
    fmt::print("{} not found\n", dir.string());
    return 0;
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().string().ends_with(".abc.yaml")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  if (files.size() > first) files.resize(first);
  std::vector<AbcInstance> instances;
  for (const auto& f : files) instances.push_back(read_abc_yaml(f.string()));
  json abc_results;
  std::ifstream in(dir / "benchmark_results.json");
  if (in) abc_results = json::parse(in)["results"];

  fmt::print("{} instances, per-instance limit {} s\n", instances.size(), limit);
  for (const auto& rule : rules) {
    const MethodInfo& method = require_method(rule);
    for (const auto& mode : modes) {
      int solved = 0, within_budget = 0;
      double total = 0;
      for (const auto& inst : instances) {
        std::map<std::string, std::string> given{{"resolute", mode == "resolute" ? "true" : "false"},
                                                 {"time_limit", fmt::format("{}", limit)}};
        auto t0 = std::chrono::steady_clock::now();
        auto out = run_committee(method, inst.profile, inst.committee_size.value_or(1), given);
        double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        total += secs;
        if (out.result.proven) {
          ++solved;
          if (total <= 300) ++within_budget;
        }
      }
      fmt::print("{} ({}): Prefero solved {}/{} (limit {} s each), total {:.1f} s; {} within a cumulative 300 s\n",
                 rule, mode, solved, instances.size(), limit, total, within_budget);
      print_abcvoting(abc_results, rule, mode);
    }
  }
  return 0;
}
