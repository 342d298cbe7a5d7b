// Conformance against evalica's golden files (D. Ustalov, dustalov/evalica @ 2ebe79e3):
// simple.csv, food.csv and llmfao.csv (left,right,winner rows; winner in left/right/tie) with
// evalica's scores for 7 algorithms in <name>-golden.csv. A score agrees when it is within
// 1e-6 of the golden one, for every item of the data set. The goldens are evalica's converged
// fixed points (checked: its default tolerance 1e-6 / limit 100 would stop Newman on
// simple.csv 2e-4 short), so our models run with their default (converged) tolerance.
//
// The CSV loader below is deliberately minimal (no quoting; the three files have none): the
// real battle reader lives in src/io. Models are indexed in order of first appearance, as
// evalica's `indexing`.
//
// usage: evalica_goldens [--verbose]
#include <fmt/core.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "conformance/report.hpp"
#include "core/error.hpp"
#include "rate/comparisons.hpp"
#include "registry/registry.hpp"

namespace prefero::conformance {
namespace {

const std::string kRoot = std::string(PREFERO_SHARED_DIR) + "/refdata/arena/evalica/";

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string field;
  while (std::getline(ss, field, ',')) out.push_back(field);
  if (!line.empty() && line.back() == ',') out.emplace_back();
  return out;
}

Comparisons load_battles(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError("cannot open " + path);
  std::string line;
  std::getline(in, line);
  const auto header = split(line);
  int left = -1, right = -1, winner = -1;
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == "left") left = static_cast<int>(i);
    if (header[i] == "right") right = static_cast<int>(i);
    if (header[i] == "winner") winner = static_cast<int>(i);
  }
  if (left < 0 || right < 0 || winner < 0) throw InputError(path + ": needs left, right, winner columns");
  Comparisons c;
  std::map<std::string, int> index;
  auto id = [&](const std::string& name) {
    auto [it, added] = index.emplace(name, static_cast<int>(c.models.size()));
    if (added) c.models.push_back(name);
    return it->second;
  };
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto f = split(line);
    PairRow r;
    r.a = id(f.at(static_cast<size_t>(left)));
    r.b = id(f.at(static_cast<size_t>(right)));
    const std::string& w = f.at(static_cast<size_t>(winner));
    r.outcome = w == "left" ? Outcome::a_wins : w == "right" ? Outcome::b_wins : Outcome::tie;
    r.count = 1;
    c.pairs.push_back(r);
  }
  return c;
}

// algorithm -> item -> score
std::map<std::string, std::map<std::string, double>> load_golden(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError("cannot open " + path);
  std::map<std::string, std::map<std::string, double>> g;
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto f = split(line);
    g[f.at(0)][f.at(1)] = std::stod(f.at(2));
  }
  return g;
}

struct Mapping {
  std::string algorithm;
  std::vector<RuleRef> candidates;  // first registered one is used
  bool strengths_from_ratings = false;  // convert ratings (400 log10 scale) to strengths summing to 1
};

const std::vector<Mapping> kMappings = {
    {"counting", {{"counting", {}}}},
    {"average_win_rate", {{"average_win_rate", {}}}},
    {"elo", {{"elo", {{"k", "4"}, {"initial", "1000"}, {"base", "10"}, {"scale", "400"}}}}},
    {"eigen", {{"eigen", {{"orientation", "evalica"}}}}},
    {"pagerank", {{"pagerank", {}}}},
    {"newman", {{"newman", {}}}},
    // evalica's bradley_terry: Hunter's MM on W + 0.5 T, normalised to sum 1. Ours (the arena
    // branch) reports 400 log10(strength) + offset; strengths are recovered and normalised.
    {"bradley_terry", {{"bradley_terry", {}}, {"bt", {}}}, true},
};

int run(bool verbose) {
  Report report({});
  for (const std::string dataset : {"simple", "food", "llmfao"}) {
    const Comparisons c = load_battles(kRoot + dataset + ".csv");
    const auto golden = load_golden(kRoot + dataset + "-golden.csv");
    for (const Mapping& m : kMappings) {
      const MethodInfo* method = nullptr;
      const RuleRef* rule = nullptr;
      for (const RuleRef& r : m.candidates)
        if (const MethodInfo* f = find_method(r.id); f && f->rate) {
          method = f;
          rule = &r;
          break;
        }
      report.tally(m.algorithm).rule = rule ? describe(*rule) : "-";
      if (!method) {
        report.skip(m.algorithm, "no rate model '" + m.candidates.front().id + "' in this build (arena branch)");
        continue;
      }
      const auto it = golden.find(m.algorithm);
      if (it == golden.end()) {
        report.skip(m.algorithm, "no golden values");
        continue;
      }
      const Params params = resolve_params(method->id, method->params, rule->params);
      const RatingResult r = method->rate(c, params);
      std::vector<double> score(c.models.size());
      for (const auto& mr : r.ratings) score[static_cast<size_t>(mr.model)] = mr.rating;
      if (m.strengths_from_ratings) {
        double total = 0;
        for (double& s : score) total += (s = std::pow(10.0, s / 400.0));
        for (double& s : score) s /= total;
      }
      double worst = 0;
      std::string worst_item;
      for (size_t i = 0; i < c.models.size(); ++i) {
        const auto g = it->second.find(c.models[i]);
        const double err = g == it->second.end() ? INFINITY : std::fabs(score[i] - g->second);
        if (!(err <= worst)) worst = err, worst_item = c.models[i];
      }
      report.within_tolerance(m.algorithm, dataset, worst, 1e-6, verbose, "worst item " + worst_item);
    }
  }
  fmt::print("evalica golden conformance (3 data sets x 7 algorithms, tolerance 1e-6)\n\n");
  return report.print(stdout) == 0 ? 0 : 1;
}

}  // namespace
}  // namespace prefero::conformance

int main(int argc, char** argv) { return prefero::conformance::suite_main(argc, argv, prefero::conformance::run); }
