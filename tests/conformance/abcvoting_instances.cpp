// Conformance with abcvoting's 480 test instances (../shared/refdata/abcvoting/test_instances):
// every compute entry (rule_id, resolute, result) is run through the registry. Irresolute: our
// set of committees must equal `result`; resolute: our one committee must be a member of it.
// A rule is found by its abcvoting id (registered as id or alias), so new rules join without
// editing this file. Rules with an `algorithm` parameter are also run with every algorithm
// (abcvoting's habit: every algorithm on every instance must agree; brute force is the oracle).
//
// Usage: abcvoting_instances [--rule ID] [--no-algorithms] [--verbose]
#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>

#include "committee/run_committee.hpp"
#include "conformance/report.hpp"
#include "core/error.hpp"
#include "io/abc_yaml.hpp"

using namespace prefero;
namespace fs = std::filesystem;

namespace {

std::string committees_text(const std::vector<std::vector<Cand>>& cs) {
  std::string s;
  for (const auto& c : cs) {
    s += "{";
    for (size_t i = 0; i < c.size(); ++i) s += (i ? "," : "") + std::to_string(c[i]);
    s += "}";
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  std::string only;
  bool algorithms = true, verbose = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--rule") && i + 1 < argc) only = argv[++i];
    else if (!std::strcmp(argv[i], "--no-algorithms")) algorithms = false;
    else if (!std::strcmp(argv[i], "--verbose")) verbose = true;
  }
  fs::path dir = fs::path(PREFERO_SHARED_DIR) / "refdata/abcvoting/test_instances";
  if (!fs::exists(dir)) {
    fmt::print("abcvoting_instances: {} not found; skipping\n", dir.string());
    return 0;
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().string().ends_with(".abc.yaml")) files.push_back(e.path());
  std::sort(files.begin(), files.end());

  // Convention differences, each checked by hand.
  conformance::Report report({
      {"sav (irresolute)", {"instanceS0003"},
       "floating point in abcvoting: it sums SAV scores as Python floats in voter order (score[c] += 1/|A_v|); "
       "candidates 2 and 5 both score exactly 29/20 (1/3+1/3+1/4+1/3+1/5 and 1/3+1/4+1/3+1/3+1/5: the same terms "
       "in another order), but the float sums are 1.45 and 1.4499999999999997, so abcvoting keeps only {0,2,3,4}; "
       "exact arithmetic ties them and also returns {0,3,4,5}. Not a convention (abcvoting's own exact rules would "
       "tie them), so there is no parameter for it"},
  });
  auto t0 = std::chrono::steady_clock::now();
  for (const auto& file : files) {
    AbcInstance inst = read_abc_yaml(file.string());
    std::string case_id = file.stem().stem().string();
    for (const auto& entry : inst.compute) {
      if (!only.empty() && entry.rule_id != only) continue;
      bool resolute = entry.resolute.value_or(false);
      std::string mode = resolute ? " (resolute)" : " (irresolute)";
      std::string key = entry.rule_id + mode;
      const MethodInfo* m = find_method(entry.rule_id);
      if (entry.rule_id == "rsd") {
        report.skip(key, "random serial dictator: a random rule, the file has no result");
        continue;
      }
      if (!entry.result) {
        report.skip(key, "result unknown (null in the file)");
        continue;
      }
      if (!m || !m->committee) {
        report.skip(key, "not implemented in this tree");
        continue;
      }
      if (!inst.committee_size) {
        report.skip(key, "no committeesize in the file");
        continue;
      }
      std::vector<std::string> algs{""};
      if (algorithms)
        for (const auto& p : m->params)
          if (p.name == "algorithm")
            for (const auto& c : p.choices)
              if (c != "auto") algs.push_back(c);
      for (const auto& alg : algs) {
        std::string k2 = alg.empty() ? key : entry.rule_id + " [" + alg + "]" + mode;
        report.tally(k2).rule = m->id;
        std::map<std::string, std::string> given{{"resolute", resolute ? "true" : "false"}};
        if (!alg.empty()) given["algorithm"] = alg;
        std::vector<std::vector<Cand>> got;
        try {
          got = run_committee(*m, inst.profile, *inst.committee_size, given).result.committees;
        } catch (const InputError& e) {
          report.skip(k2, std::string("rejected: ") + e.detail());
          continue;
        }
        auto expected = *entry.result;
        for (auto& c : expected) std::sort(c.begin(), c.end());
        std::sort(expected.begin(), expected.end());
        bool ok = resolute ? got.size() == 1 && std::binary_search(expected.begin(), expected.end(), got[0])
                           : got == expected;
        if (ok) {
          report.agree(k2);
        } else {
          report.disagree(k2, case_id);
          if (verbose)
            fmt::print("DISAGREE {} {}: expected {} got {}\n", k2, case_id, committees_text(expected), committees_text(got));
        }
      }
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  int bad = report.print(stdout);
  fmt::print("{} instance files in {:.1f} s\n", files.size(), secs);
  return bad == 0 ? 0 : 1;
}
