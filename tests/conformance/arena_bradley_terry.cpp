// Conformance of bradley_terry against (1) the official Chatbot Arena notebook run on the
// 2024-08-14 dump (anonymous + dedup, 1,670,250 votes; ties as half wins, base 10, scale 400,
// mixtral-8x7b-instruct-v0.1 anchored at 1114; published values from cthorrez/faster-arena-elo
// @8f3bbcce, see refdata/arena/SOURCES.md), fitted on leaderbot's pair-count summary of the same
// dump, within 0.2 rating points; (2) evalica's bradley_terry goldens (simple, food, llmfao):
// converged MM with ties as 0.5, scores normalised to sum 1, within 1e-6.
#include <fmt/core.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "conformance/report.hpp"
#include "core/error.hpp"
#include "io/read_comparisons.hpp"
#include "rate/comparisons.hpp"
#include "registry/registry.hpp"

using namespace prefero;

namespace {

const std::string kArena = std::string(PREFERO_SHARED_DIR) + "/refdata/arena/";

RatingResult run(const std::string& id, const Comparisons& c, std::map<std::string, std::string> given) {
  const MethodInfo& m = require_method(id);
  return m.rate(c, resolve_params(m.id, m.params, given));
}

void chatbot_arena(conformance::Report& report) {
  const std::string method = "chatbot_arena_2024_08_14 (FastChat notebook)";
  report.tally(method).rule = "bradley_terry anchor=mixtral-8x7b-instruct-v0.1=1114";
  Comparisons c = read_comparisons(kArena + "leaderbot/chatbotarena_20240814.json");
  const std::map<std::string, double> published = {{"chatgpt-4o-latest", 1315.13},
                                                    {"gemini-1.5-pro-exp-0801", 1298.44},
                                                    {"gpt-4o-2024-05-13", 1285.83},
                                                    {"gpt-4o-mini-2024-07-18", 1274.87},
                                                    {"claude-3-5-sonnet-20240620", 1270.98},
                                                    {"chatglm-6b", 879.08},
                                                    {"fastchat-t5-3b", 868.37},
                                                    {"stablelm-tuned-alpha-7b", 839.74},
                                                    {"dolly-v2-12b", 822.12},
                                                    {"llama-13b", 798.82}};
  for (std::string solver : {"newton", "mm"}) {
    RatingResult r = run("bradley_terry", c, {{"anchor", "mixtral-8x7b-instruct-v0.1=1114"}, {"solver", solver}});
    for (const auto& m : r.ratings) {
      const std::string& name = c.models[static_cast<size_t>(m.model)];
      auto it = published.find(name);
      if (it == published.end()) continue;
      double diff = std::abs(m.rating - it->second);
      std::string id = name + "/" + solver;
      fmt::print("  {:<28} {:<7} ours {:9.3f} published {:8.2f} |diff| {:.3f}\n", name, solver, m.rating, it->second, diff);
      if (diff <= 0.2) report.agree(method);
      else report.disagree(method, id);
    }
  }
}

// evalica golden: algorithm,item,score rows.
std::map<std::string, double> golden(const std::string& file, const std::string& algorithm) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  std::map<std::string, double> out;
  while (std::getline(in, line)) {
    // item names may contain commas only when quoted; the goldens have none in these sets.
    auto c1 = line.find(','), c2 = line.rfind(',');
    if (c1 == std::string::npos || c2 == c1) continue;
    if (line.substr(0, c1) != algorithm) continue;
    out[line.substr(c1 + 1, c2 - c1 - 1)] = std::stod(line.substr(c2 + 1));
  }
  return out;
}

void evalica(conformance::Report& report) {
  for (std::string set : {"simple", "food", "llmfao"}) {
    const std::string method = "evalica bradley_terry (" + set + ")";
    report.tally(method).rule = "bradley_terry, scores exp(s)/Σexp(s)";
    Comparisons c = read_comparisons(kArena + "evalica/" + set + ".csv");
    auto want = golden(kArena + "evalica/" + set + "-golden.csv", "bradley_terry");
    RatingResult r;
    try {
      r = run("bradley_terry", c, {});
    } catch (const InputError& e) {
      report.skip(method, std::string("not estimable without a penalty: ") + e.detail());
      continue;
    }
    double sum = 0;
    std::map<std::string, double> p;
    for (const auto& m : r.ratings) {
      double v = std::exp((m.rating - 1000) * std::log(10.0) / 400);
      p[c.models[static_cast<size_t>(m.model)]] = v;
      sum += v;
    }
    double worst = 0;
    for (const auto& [name, v] : want) {
      auto it = p.find(name);
      if (it == p.end()) {
        report.disagree(method, name + " (missing)");
        continue;
      }
      double diff = std::abs(it->second / sum - v);
      worst = std::max(worst, diff);
      if (diff <= 1e-6) report.agree(method);
      else report.disagree(method, name);
    }
    fmt::print("  evalica {:<7} {} items, max |diff| {:.2e}\n", set, want.size(), worst);
  }
}

}  // namespace

int main() {
  conformance::Report report({});
  try {
    chatbot_arena(report);
    evalica(report);
  } catch (const std::exception& e) {
    fmt::print(stderr, "arena_bradley_terry: {}\n", e.what());
    return 1;
  }
  return report.print(stdout) == 0 ? 0 : 1;
}
