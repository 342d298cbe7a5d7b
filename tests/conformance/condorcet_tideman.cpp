// Conformance against Condorcet PHP (J. Boudry) on the Tideman election collection: 109
// elections (87 ERS elections + D01, 21 Debian votes) read from their Condorcet Election Format
// files, in both of Condorcet PHP's modes:
//   implicit = a candidate left unranked is ranked (tied) last     -> our unranked=tied_last
//   explicit = unranked candidates get no pairwise preference      -> our unranked=incomparable
// Expected winners = first rank of Condorcet PHP's ranking, from Output_Results/<E>/<mode>/
// <E>-<mode>-<Method>.json, or from the two summary tables for the methods whose JSON was not
// kept (Ranked Pairs, Kemeny-Young). Condorcet PHP is one implementation, not ground truth; the
// suite fails on any disagreement not listed (with its reason) in kKnown.
//
// usage: condorcet_tideman [--verbose] [--method NAME] [--election E]
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "conformance/report.hpp"
#include "core/error.hpp"
#include "elect/dominance.hpp"
#include "io/cef_read.hpp"
#include "registry/registry.hpp"

namespace fs = std::filesystem;

namespace prefero::conformance {
namespace {

const std::string kRoot = std::string(PREFERO_SHARED_DIR) + "/refdata/condorcet_tideman/";

struct Mode {
  std::string name;      // Condorcet PHP's folder name
  std::string short_name;
  std::string unranked;  // our parameter value
};
const std::vector<Mode> kModes = {
    {"implicitRankingEvaluationOfVotes", "implicit", "tied_last"},
    {"explicitRankingEvaluationOfVotes", "explicit", "incomparable"},
};

// A Condorcet PHP method compared with one of our rules.
struct Compared {
  std::string method;  // Condorcet PHP's name (summary-table column)
  std::string json;    // result file suffix, "" = read from the summary table
  RuleRef rule;
  int max_candidates = 1000;  // skip larger elections (exponential rules)
  std::map<std::string, std::string> implicit_params = {};  // added in implicit mode
  std::map<std::string, std::string> explicit_params = {};  // added in explicit mode
};

const std::vector<Compared>& compared() {
  static const std::vector<Compared> c = {
      {"First-past-the-post voting", "First-past-the-post_voting", {"plurality", {}}},
      // Condorcet PHP's Borda: m points for the top (base 1), tied candidates share their positions'
      // points; implicit mode: unranked candidates share the remaining positions; explicit: they get 0.
      {"BordaCount", "BordaCount", {"borda", {{"base", "1"}}}, 1000, {{"unranked_points", "share"}},
       {{"unranked_points", "zero"}}},
      {"DowdallSystem", "DowdallSystem", {"dowdall", {}}, 1000, {{"unranked_points", "share"}},
       {{"unranked_points", "zero"}}},
      {"Copeland", "Copeland", {"copeland", {}}},
      {"Minimax Margin", "Minimax_Margin", {"minimax", {{"strength", "margin"}}}},
      {"Minimax Winning", "Minimax_Winning", {"minimax", {{"strength", "winning_votes"}}}},
      {"Minimax Opposition", "Minimax_Opposition", {"minimax", {{"strength", "pairwise_opposition"}}}},
      {"Schulze Margin", "Schulze_Margin", {"beat_path", {{"strength", "margin"}}}},
      {"Schulze Winning", "Schulze_Winning", {"beat_path", {{"strength", "winning_votes"}}}},
      {"Schulze Ratio", "Schulze_Ratio", {"beat_path", {{"strength", "ratio"}}}},
      {"Ranked Pairs Margin", "", {"ranked_pairs", {{"strength", "margin"}}}},
      {"Ranked Pairs Winning", "", {"ranked_pairs", {{"strength", "winning_votes"}}}},
      {"Instant-runoff", "Instant-runoff", {"instant_runoff", {}}},
      {"Multiple Rounds System", "Multiple_Rounds_System", {"plurality_with_runoff", {}}},
      {"Kemeny–Young", "", {"kemeny_young", {}}, 10},
      // Condorcet winner if any, else every candidate (pref_voting's `condorcet`).
      {"Condorcet Winner", "Condorcet", {"condorcet", {}}},
  };
  return c;
}

// Disagreements that are convention differences, each with its reason. Case ids are "<E>/<mode>".
const std::vector<KnownDisagreement> kKnown = {
    {"Instant-runoff", {"A26/implicit", "A26/explicit", "A67/explicit"},
     "tie for last place (A26 round 4: 43-43; A67 final round: 67-67): Condorcet PHP breaks elimination ties by "
     "the pairwise comparison of the tied candidates; our default elimination_ties=simultaneous keeps every tied "
     "winner (a superset)"},
    {"Instant-runoff", {"D03/implicit", "D03/explicit"},
     "D03 has 96 ballots with tied ranks: Condorcet PHP skips a tied rank (the ballot goes to its next rank "
     "holding a single candidate), our top_ties=split splits the ballot among the tied candidates"},
    {"Multiple Rounds System",
     {"A13/implicit", "A13/explicit", "A23/implicit", "A23/explicit", "A33/explicit", "A34/implicit", "A34/explicit",
      "A95/explicit"},
     "tie for second place in round 1: Condorcet PHP admits every tied candidate to a multi-candidate second "
     "round; our plurality_with_runoff (elimination_ties=put) takes the union over every top-two pair"},
    {"Multiple Rounds System",
     {"A14/explicit", "A15/explicit", "A17/explicit", "A19/explicit", "A21/explicit", "A26/explicit", "A29/explicit",
      "A48/explicit", "A62/explicit", "A63/explicit", "A66/explicit", "A67/explicit", "A69/explicit", "A74/explicit",
      "A77/explicit", "A79/explicit", "A81/explicit", "A90/explicit", "A93/explicit", "A94/explicit", "A97/explicit",
      "A99/explicit", "D03/explicit", "D06/explicit"},
     "explicit mode only: with unranked=incomparable our runoff is the pairwise majority of the two finalists, "
     "which ignores a ballot ranking only one of them; Condorcet PHP's second round counts that ballot for the "
     "finalist it ranks (and checks round 1 for a majority of the ballots ranking anyone). Implicit mode agrees"},
    {"Kemeny–Young", {"A27/explicit", "A30/explicit", "A63/explicit", "A97/explicit"},
     "several optimal rankings: Condorcet PHP reports one of them, we return the first candidates of all of them "
     "(a superset containing Condorcet PHP's winner)"},
    {"Ranked Pairs Winning",
     {"A04/explicit", "A13/explicit", "A13/implicit", "A26/implicit", "A66/explicit", "A96/explicit"},
     "tied pair strengths: Condorcet PHP orders pairs of equal winning votes by smaller opposition (Tideman's "
     "secondary key) and locks a group of still-equal pairs at once, dropping every pair of the group that lies on "
     "a cycle; our pair_ties=all returns the union of winners over every order of equal-strength pairs (a superset "
     "here: Condorcet PHP's winner is among ours)"},
};

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// First rank of "A = B > C > D" as names.
std::vector<std::string> first_rank(const std::string& ranking) {
  std::vector<std::string> names;
  std::string top = ranking.substr(0, ranking.find('>'));
  std::stringstream ss(top);
  std::string n;
  while (std::getline(ss, n, '=')) {
    n = trim(n);
    if (!n.empty()) names.push_back(n);
  }
  return names;
}

// One summary table: election -> column -> cell.
using Table = std::map<std::string, std::map<std::string, std::string>>;

std::vector<std::string> cells_of(const std::string& row) {
  std::vector<std::string> cells;
  std::string r = trim(row);
  if (r.size() < 2) return cells;
  std::stringstream ss(r.substr(1, r.size() - 2));
  std::string c;
  while (std::getline(ss, c, '|')) cells.push_back(trim(c));
  return cells;
}

Table read_summary(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  Table t;
  std::vector<std::string> header;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("| --- | Number of Seats", 0) == 0) {
      header = cells_of(line);
      continue;
    }
    if (header.empty() || line.rfind("| ", 0) != 0 || line.rfind("| --- |", 0) == 0) continue;
    auto cells = cells_of(line);
    if (cells.size() != header.size()) throw std::runtime_error(path + ": row with " + std::to_string(cells.size()) + " cells");
    for (size_t i = 1; i < cells.size(); ++i) t[cells[0]][header[i]] = cells[i];
  }
  if (t.empty()) throw std::runtime_error(path + ": no table rows");
  return t;
}

// Expected winners (as names) of `c` for election `e` in `mode`; nullopt if not available.
std::optional<std::vector<std::string>> expected_of(const Compared& c, const std::string& e, const Mode& mode,
                                                    const Table& summary, std::string& why_missing) {
  if (c.json.empty()) {
    auto row = summary.find(e);
    if (row == summary.end() || !row->second.count(c.method)) {
      why_missing = "no summary-table entry";
      return std::nullopt;
    }
    const std::string& cell = row->second.at(c.method);
    if (cell.empty()) {
      why_missing = "not computed by Condorcet PHP (empty summary cell)";
      return std::nullopt;
    }
    return first_rank(cell);
  }
  std::string path = kRoot + "Output_Results/" + e + "/" + mode.name + "/" + e + "-" + mode.name + "-" + c.json + ".json";
  std::ifstream in(path);
  if (!in) {
    why_missing = "no result file";
    return std::nullopt;
  }
  auto j = nlohmann::json::parse(in);
  if (c.json == "Condorcet") {
    std::string w = j.value("Condorcet Winner", "");
    if (w.empty()) return std::vector<std::string>{};  // no Condorcet winner: every candidate
    return std::vector<std::string>{w};
  }
  return first_rank(j.at("Ranking").get<std::string>());
}

struct Options {
  bool verbose = false;
  std::string only_method;
  std::string only_election;
};

std::string names_text(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  std::string s = "{";
  for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + v[i];
  return s + "}";
}

// Our winners as names, or throws.
std::vector<std::string> our_winners(const Compared& c, const Profile& p, const Mode& mode, RuleRef& used) {
  used = c.rule;
  for (const auto& [k, v] : mode.short_name == "implicit" ? c.implicit_params : c.explicit_params) used.params[k] = v;
  const MethodInfo& m = require_method(c.rule.id);
  bool has_unranked = std::any_of(m.params.begin(), m.params.end(), [](const ParamSpec& s) { return s.name == "unranked"; });
  if (has_unranked) used.params["unranked"] = mode.unranked;
  auto outcome = run_elect(m, p, used.params);
  std::vector<std::string> names;
  for (Cand w : outcome.result.winners) names.push_back(p.name(w));
  return names;
}

void compare_core_dominance(Report& report, const Profile& p, const std::string& e, const Mode& mode,
                            const Options& opt) {
  std::string path = kRoot + "Output_Results/" + e + "/" + mode.name + "/" + e + "-" + mode.name + "-Condorcet.json";
  std::ifstream in(path);
  if (!in) return;
  auto j = nlohmann::json::parse(in);
  const PairwiseMatrix& s = p.support(mode.unranked == "tied_last" ? Unranked::tied_last : Unranked::incomparable);
  CandidateSet all = all_candidates(p.num_candidates());
  auto name_or_empty = [&](std::optional<Cand> c) { return c ? p.name(*c) : std::string(); };
  struct Item {
    std::string label, expected, got;
  };
  for (const Item& it : {Item{"Condorcet winner (core condorcet_winner)", j.value("Condorcet Winner", ""),
                              name_or_empty(condorcet_winner(s, all))},
                         Item{"Condorcet loser (core condorcet_loser)", j.value("Condorcet Loser", ""),
                              name_or_empty(condorcet_loser(s, all))}}) {
    if (!opt.only_method.empty() && it.label.find(opt.only_method) == std::string::npos) continue;
    report.tally(it.label).rule = "dominance.hpp, unranked by mode";
    if (it.expected == it.got) {
      report.agree(it.label);
      continue;
    }
    bool known = report.disagree(it.label, e + "/" + mode.short_name);
    if (opt.verbose)
      fmt::print("{} {}/{} {}: expected '{}' got '{}'\n", known ? "known" : "DISAGREE", e, mode.short_name, it.label,
                 it.expected, it.got);
  }
}

// Our reader against the vote total each converted file states ("# This election has N votes").
void check_vote_count(Report& report, const Profile& p, const std::string& text, const std::string& e) {
  const std::string label = "CEF reader: vote total";
  report.tally(label).rule = "read_cef";
  size_t at = text.find("# This election has ");
  if (at == std::string::npos) {
    report.skip(label, "file states no total");
    return;
  }
  if (std::stoll(text.substr(at + 20)) == p.num_voters)
    report.agree(label);
  else
    report.disagree(label, e);
}

int run(const Options& opt) {
  Report report(kKnown);
  Table summaries[2] = {read_summary(kRoot + "implicitRankingEvaluationOfVotes-summary.md"),
                        read_summary(kRoot + "explicitRankingEvaluationOfVotes-summary.md")};
  std::vector<fs::path> files;
  for (const auto& f : fs::directory_iterator(kRoot + "ConversionToCondorcetElectionFormat"))
    if (f.path().extension() == ".cvotes") files.push_back(f.path());
  std::sort(files.begin(), files.end());
  int elections = 0;
  for (const auto& f : files) {
    std::string e = f.stem().string();
    if (!opt.only_election.empty() && e != opt.only_election) continue;
    std::ifstream in(f);
    std::stringstream text;
    text << in.rdbuf();
    std::istringstream again(text.str());
    Profile p = read_cef(again, f.string());
    ++elections;
    check_vote_count(report, p, text.str(), e);
    for (size_t mi = 0; mi < kModes.size(); ++mi) {
      const Mode& mode = kModes[mi];
      const std::string case_id = e + "/" + mode.short_name;
      compare_core_dominance(report, p, e, mode, opt);
      for (const Compared& c : compared()) {
        if (!opt.only_method.empty() && c.method != opt.only_method) continue;
        report.tally(c.method).rule = describe(c.rule) + " unranked=<mode>";
        if (std::string why = unsupported_reason(c.rule); !why.empty()) {
          report.skip(c.method, why);
          continue;
        }
        std::string missing;
        auto expected = expected_of(c, e, mode, summaries[mi], missing);
        if (!expected) {
          report.skip(c.method, missing);
          continue;
        }
        if (expected->empty())  // no Condorcet winner: the `condorcet` rule returns everybody
          for (Cand x = 0; x < p.num_candidates(); ++x) expected->push_back(p.name(x));
        if (p.num_candidates() > c.max_candidates) {
          report.skip(c.method, fmt::format("more than {} candidates (exponential rule)", c.max_candidates));
          continue;
        }
        std::vector<std::string> got;
        std::string error;
        RuleRef used;
        try {
          got = our_winners(c, p, mode, used);
        } catch (const InputError& ex) {
          report.skip(c.method, "input rejected: " + ex.detail().substr(0, 100));
          continue;
        } catch (const std::exception& ex) {
          error = ex.what();
        }
        std::sort(got.begin(), got.end());
        std::sort(expected->begin(), expected->end());
        if (error.empty() && got == *expected) {
          report.agree(c.method);
          continue;
        }
        bool known = report.disagree(c.method, case_id);
        if (opt.verbose)
          fmt::print("{} {} {} [{}]: expected {} got {}\n", known ? "known" : "DISAGREE", case_id, c.method,
                     describe(used), names_text(*expected), error.empty() ? names_text(got) : "error: " + error);
      }
    }
  }
  fmt::print("Condorcet PHP / Tideman collection conformance ({} elections x {} modes)\n\n", elections, kModes.size());
  return report.print(stdout) == 0 ? 0 : 1;
}

}  // namespace
}  // namespace prefero::conformance

int main(int argc, char** argv) {
  prefero::conformance::Options opt;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--verbose" || a == "-v") {
      opt.verbose = true;
    } else if (a == "--method" && i + 1 < argc) {
      opt.only_method = argv[++i];
    } else if (a == "--election" && i + 1 < argc) {
      opt.only_election = argv[++i];
    } else {
      fmt::print(stderr, "usage: {} [--verbose] [--method NAME] [--election E]\n", argv[0]);
      return 2;
    }
  }
  try {
    return prefero::conformance::run(opt);
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return 1;
  }
}
