// abcvoting's benchmark (../shared/refdata/abcvoting/benchmark_instances): 1,000 approval profiles
// (5-100 voters, 5-100 candidates). For one rule and algorithm, runs every instance with a
// per-instance time limit and prints how many were solved (proven optimal), the total time, and
// abcvoting's own figures from benchmark_results.json (300 s CUMULATIVE budget per rule x algorithm
// x mode; Intel Core Ultra 7 155U).
//
// Besides the per-instance limit it reports abcvoting's own measure: how many instances finish
// (proven) before the cumulative running time, in file order, passes --budget seconds (300).
// The instances not proven are listed, so they can be re-run alone with a larger --limit
// (--only a.abc.yaml,b.abc.yaml).
//
// Usage: bench_abc --rule pav [--algorithm ilp] [--limit SECONDS] [--irresolute] [--first N]
//                  [--budget SECONDS] [--budget-only] [--only FILE,FILE...] [--check ALGORITHM]
// --check ALGORITHM: also runs ALGORITHM (untimed) and counts instances where both are proven but
// the scores (irresolute: also the committee sets) differ.
// --budget-only: abcvoting's protocol exactly: no per-instance limit, each instance gets what is left
// of the cumulative budget, and the run stops when it is spent.
#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "committee/run_committee.hpp"
#include "io/abc_yaml.hpp"

using namespace prefero;
namespace fs = std::filesystem;

// CPU seconds of this process (the machine may be shared: wall time then misleads).
static double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

int main(int argc, char** argv) {
  std::string rule = "pav", algorithm, check;
  double limit = 10;
  bool irresolute = false;
  int first = 1000;
  double budget = 300;
  bool budget_only = false;
  std::vector<std::string> only;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--rule" && i + 1 < argc) rule = argv[++i];
    else if (a == "--algorithm" && i + 1 < argc) algorithm = argv[++i];
    else if (a == "--limit" && i + 1 < argc) limit = std::stod(argv[++i]);
    else if (a == "--irresolute") irresolute = true;
    else if (a == "--check" && i + 1 < argc) check = argv[++i];
    else if (a == "--first" && i + 1 < argc) first = std::stoi(argv[++i]);
    else if (a == "--budget" && i + 1 < argc) budget = std::stod(argv[++i]);
    else if (a == "--budget-only") budget_only = true;
    else if (a == "--only" && i + 1 < argc) {
      std::string list = argv[++i];
      for (size_t at = 0; at <= list.size();) {
        size_t comma = list.find(',', at);
        if (comma == std::string::npos) comma = list.size();
        if (comma > at) only.push_back(list.substr(at, comma - at));
        at = comma + 1;
      }
    }
  }
  fs::path dir = fs::path(PREFERO_SHARED_DIR) / "refdata/abcvoting/benchmark_instances";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().string().ends_with(".abc.yaml")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  if (static_cast<int>(files.size()) > first) files.resize(static_cast<size_t>(first));
  if (!only.empty())
    std::erase_if(files, [&](const fs::path& f) {
      return std::find(only.begin(), only.end(), f.filename().string()) == only.end();
    });
  const MethodInfo& m = require_method(rule);
  std::map<std::string, std::string> given{{"resolute", irresolute ? "false" : "true"},
                                           {"time_limit", fmt::format("{}", limit)}};
  if (!algorithm.empty()) given["algorithm"] = algorithm;
  // abcvoting's irresolute figures list at most 10 committees (max_num_of_committees); rules with a
  // max_committees parameter get the same cap, the others list every winning committee.
  bool capped = false;
  for (const auto& spec : m.params)
    if (irresolute && spec.name == "max_committees") given["max_committees"] = "10", capped = true;
  int solved = 0, unproven = 0, within_budget = 0, overran = 0, within_budget_cpu = 0, checked = 0, mismatched = 0;
  double total = 0, worst = 0, cpu_total = 0;
  std::string worst_file, not_proven;
  for (const auto& f : files) {
    AbcInstance inst = read_abc_yaml(f.string());
    if (budget_only) {
      if (total >= budget) break;
      given["time_limit"] = fmt::format("{}", std::max(budget - total, 1e-3));
    }
    auto t0 = std::chrono::steady_clock::now();
    double c0 = cpu_seconds();
    CommitteeOutcome o = run_committee(m, inst.profile, inst.committee_size.value_or(1), given);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    cpu_total += cpu_seconds() - c0;
    total += s;
    if (!budget_only && s > 1.1 * limit) ++overran;
    if (s > worst) worst = s, worst_file = f.filename().string();
    if (o.result.proven) ++solved;
    else ++unproven, not_proven += (not_proven.empty() ? "" : ",") + f.filename().string();
    if (!check.empty() && o.result.proven) {  // the same score from another algorithm (when it proves it)
      auto other = given;
      other["algorithm"] = check;
      CommitteeOutcome p = run_committee(m, inst.profile, inst.committee_size.value_or(1), other);
      if (p.result.proven) {
        ++checked;
        auto mine = o.result.committees, theirs = p.result.committees;
        std::sort(mine.begin(), mine.end());
        std::sort(theirs.begin(), theirs.end());
        // committee sets are compared only when neither list was cut at max_committees
        bool cut = o.result.explanation.contains("cap_reached") || p.result.explanation.contains("cap_reached");
        bool same = p.result.explanation["score"] == o.result.explanation["score"] && (!irresolute || cut || mine == theirs);
        if (!same) ++mismatched, fmt::print("MISMATCH with {}: {}\n", check, f.filename().string());
      }
    }
    if (o.result.proven && total <= budget) ++within_budget;
    if (o.result.proven && cpu_total <= budget) ++within_budget_cpu;
    if (!budget_only && s > 1.5 * limit + 0.5)  // the time limit must be honoured
      fmt::print("warning: {} took {:.1f} s with a {} s limit\n", f.filename().string(), s, limit);
  }
  fmt::print("prefero {} algorithm={} {} {}: solved {}/{} (not proven {}), total {:.2f} s, "
             "slowest {:.2f} s ({})\n",
             rule, algorithm.empty() ? "default" : algorithm,
             irresolute ? (capped ? "irresolute (max 10 committees)" : "irresolute (every winning committee)") : "resolute",
             budget_only ? fmt::format("no per-instance limit, {} s cumulative budget", budget)
                         : fmt::format("per-instance limit {} s", limit),
             solved,
             files.size(), unproven, total, worst, worst_file);
  fmt::print("prefero finished {}/{} within a {} s cumulative budget (file order, as abcvoting's figures)\n",
             within_budget, files.size(), budget);
  fmt::print("cpu time {:.2f} s (wall {:.2f} s); instances over the limit by more than 10%: {}; finished {} within "
             "the budget counted in cpu seconds\n",
             cpu_total, total, overran, within_budget_cpu);
  if (!not_proven.empty()) fmt::print("not proven: {}\n", not_proven);
  if (!check.empty())
    fmt::print("checked against algorithm={}: {} instances proven by both, {} with a different {}\n", check, checked,
               mismatched, irresolute ? "score or committee set" : "score");
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
