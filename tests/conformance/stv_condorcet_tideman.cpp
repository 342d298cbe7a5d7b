// STV conformance against Condorcet PHP (J. Boudry) on the 87 ERS elections (A*) of the Tideman
// collection, in both of Condorcet PHP's modes (implicit: a single unranked candidate is ranked
// last; explicit: unranked candidates are ignored). Expected = Condorcet PHP's STV ranking (Droop
// quota floor(V/(k+1)) + 1, seats from the file) from Output_Results/<E>/<mode>/<E>-<mode>-STV.json.
//
// Our stv with transfer=condorcet_php (Condorcet PHP's own recount, in exact rationals) must agree on
// the winners, their order of election, the quota and every round's tallies. Our other transfer rules (gregory = weighted
// inclusive Gregory, last_parcel, meek) are reported beside it: where they elect another committee
// the difference is the transfer convention, and the report says so.
//
// usage: stv_condorcet_tideman [--verbose] [--election E]
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "committee/committee.hpp"
#include "core/rational.hpp"
#include "conformance/report.hpp"
#include "io/cef_read.hpp"
#include "registry/registry.hpp"

namespace fs = std::filesystem;

namespace prefero::conformance {
namespace {

const std::string kRoot = std::string(PREFERO_SHARED_DIR) + "/refdata/condorcet_tideman/";

struct Mode {
  std::string name, short_name, unranked;
};
const std::vector<Mode> kModes = {
    {"implicitRankingEvaluationOfVotes", "implicit", "tied_last"},
    {"explicitRankingEvaluationOfVotes", "explicit", "incomparable"},
};

struct Variant {
  std::string label;
  std::map<std::string, std::string> params;
  std::string convention;  // why a different committee is expected ("" = must agree)
};
const std::vector<Variant> kVariants = {
    {"STV (Condorcet PHP recount)", {{"transfer", "condorcet_php"}, {"tie_break", "fixed"}}, ""},
    {"STV gregory (WIG)", {{"transfer", "gregory"}, {"tie_break", "fixed"}},
     "transfer convention: weighted inclusive Gregory applies every elected candidate's surplus ratio to every "
     "ballot it passes on, Condorcet PHP only its first preference's ratio and recounts every round"},
    {"STV last_parcel", {{"transfer", "last_parcel"}, {"tie_break", "fixed"}},
     "transfer convention: last-parcel Gregory transfers only the last parcel received"},
    {"STV meek", {{"transfer", "meek"}, {"tie_break", "fixed"}},
     "transfer convention: Meek keep values and a quota falling with exhausted votes"},
};

std::vector<std::string> split_ranking(const std::string& ranking) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= ranking.size()) {
    size_t pos = ranking.find(" > ", start);
    std::string part = ranking.substr(start, pos == std::string::npos ? std::string::npos : pos - start);
    // a rank with ties "A = B" lists every tied name
    size_t s2 = 0;
    while (true) {
      size_t eq = part.find(" = ", s2);
      out.push_back(part.substr(s2, eq == std::string::npos ? std::string::npos : eq - s2));
      if (eq == std::string::npos) break;
      s2 = eq + 3;
    }
    if (pos == std::string::npos) break;
    start = pos + 3;
  }
  return out;
}

std::string text(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : " > ") + x;
  return s;
}

int run(bool verbose, const std::string& only) {
  Report report({});
  std::vector<fs::path> files;
  for (const auto& f : fs::directory_iterator(kRoot + "ConversionToCondorcetElectionFormat"))
    if (f.path().filename().string()[0] == 'A' && f.path().extension() == ".cvotes") files.push_back(f.path());
  std::sort(files.begin(), files.end());
  const MethodInfo& stv = require_method("stv");
  for (const auto& f : files) {
    const std::string e = f.stem().string();
    if (!only.empty() && e != only) continue;
    std::ifstream in(f);
    Profile p = read_cef(in, f.string());
    const int seats = std::stoi(p.meta("Number of Seats").value_or("1"));
    for (const auto& mode : kModes) {
      const std::string path = kRoot + "Output_Results/" + e + "/" + mode.name + "/" + e + "-" + mode.name + "-STV.json";
      const std::string case_id = e + "/" + mode.short_name;
      std::ifstream rin(path);
      for (const auto& v : kVariants) {
        report.tally(v.label).rule = "stv " + describe({"", v.params}).substr(1) + " unranked=<mode>";
        if (!rin) {
          report.skip(v.label, "no Condorcet PHP STV result file");
          continue;
        }
      }
      if (!rin) continue;
      const auto expected_json = nlohmann::json::parse(rin);
      auto expected = split_ranking(expected_json.at("Ranking").get<std::string>());
      if (static_cast<int>(expected.size()) > seats) expected.resize(static_cast<size_t>(seats));
      const std::set<std::string> expected_set(expected.begin(), expected.end());
      const double expected_quota = expected_json.at("Stats").at("Votes Needed to Win").get<double>();
      for (const auto& v : kVariants) {
        auto given = v.params;
        given["unranked"] = mode.unranked;
        const auto result = stv.committee(p, seats, resolve_params("stv", stv.params, given));
        std::set<std::string> got;
        for (Cand c : result.committees.at(0)) got.insert(p.name(c));
        std::vector<std::string> order;
        for (const auto& id : result.explanation.at("order_of_election")) order.push_back(p.name(*p.candidates.find_id(id.get<int64_t>())));
        bool same = result.committees.size() == 1 && got == expected_set;
        std::string detail;
        if (v.convention.empty()) {
          // The recount must also reproduce the order of election, the quota and the tallies.
          same = same && order == expected;
          const double quota = std::stod(result.explanation.at("quota").get<std::string>());
          if (quota != expected_quota) same = false, detail = fmt::format(" quota {} vs {}", quota, expected_quota);
          // ... and every round's tallies (Condorcet PHP rounds to 8 decimals).
          const auto& rounds = expected_json.at("Stats").at("rounds");
          const auto& ours = result.explanation.at("rounds");
          if (rounds.size() != ours.size()) same = false, detail += fmt::format(" {} rounds vs {}", ours.size(), rounds.size());
          for (size_t i = 0; same && i < ours.size(); ++i) {
            const auto& theirs = rounds.at(std::to_string(i + 1));
            const auto& tallies = ours[i].at("tallies");
            if (theirs.size() != tallies.size()) same = false, detail += fmt::format(" round {}: candidates differ", i + 1);
            for (const auto& [id, value] : tallies.items()) {
              const std::string name = p.name(*p.candidates.find_id(std::stoll(id)));
              const double mine = Rational(value.get<std::string>()).get_d();
              if (!theirs.contains(name) || std::abs(theirs.at(name).get<double>() - mine) > 1e-6) {
                same = false;
                detail += fmt::format(" round {}: {} {} vs {}", i + 1, name, mine, theirs.value(name, -1.0));
                break;
              }
            }
          }
        }
        if (same) {
          report.agree(v.label);
          continue;
        }
        if (!v.convention.empty()) report.explained(v.label, case_id, v.convention);
        else report.disagree(v.label, case_id);
        if (verbose)
          fmt::print("{} {} {}: Condorcet PHP [{}], ours [{}]{}\n", v.convention.empty() ? "DISAGREE" : "differs",
                     case_id, v.label, text(expected), text(order), detail);
      }
    }
  }
  return report.print(stdout) == 0 ? 0 : 1;
}

}  // namespace
}  // namespace prefero::conformance

int main(int argc, char** argv) {
  bool verbose = false;
  std::string only;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--verbose" || a == "-v") verbose = true;
    else if (a == "--election" && i + 1 < argc) only = argv[++i];
    else {
      fmt::print(stderr, "usage: {} [--verbose] [--election E]\n", argv[0]);
      return 2;
    }
  }
  try {
    return prefero::conformance::run(verbose, only);
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return 1;
  }
}
