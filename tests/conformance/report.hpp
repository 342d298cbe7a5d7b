#pragma once
// Shared bookkeeping of the conformance suites: per-method agree / disagree / skipped counts,
// the reasons for skips, the case ids of disagreements, and the table of KNOWN disagreements
// (convention differences explained in the suite). A suite fails on any disagreement that is
// not known.
#include <fmt/core.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/candidates.hpp"
#include "core/profile.hpp"
#include "registry/registry.hpp"

namespace prefero::conformance {

// A method name of the peer mapped to one of our rules with its parameters.
struct RuleRef {
  std::string id;
  std::map<std::string, std::string> params;
};

inline std::string describe(const RuleRef& r) {
  std::string s = r.id;
  for (const auto& [k, v] : r.params) s += " " + k + "=" + v;
  return s;
}

// A disagreement we understand: `cases` empty = every case of that method.
struct KnownDisagreement {
  std::string method;
  std::set<std::string> cases;
  std::string reason;
};

struct MethodTally {
  std::string rule;  // our rule and params ("-" if unmapped)
  int cases = 0;
  int agree = 0;
  std::vector<std::string> disagree;        // case ids, not known
  std::vector<std::string> known_disagree;  // case ids, listed as known
  std::map<std::string, int> skipped;       // reason -> count
};

class Report {
 public:
  explicit Report(std::vector<KnownDisagreement> known) : known_(std::move(known)) {}

  MethodTally& tally(const std::string& method) { return tallies_[method]; }

  void agree(const std::string& method) { ++tallies_[method].agree, ++tallies_[method].cases; }
  void skip(const std::string& method, const std::string& reason) {
    ++tallies_[method].skipped[reason];
    ++tallies_[method].cases;
  }
  // Returns true if the disagreement is a known one.
  bool disagree(const std::string& method, const std::string& case_id) {
    auto& t = tallies_[method];
    ++t.cases;
    if (is_known(method, case_id)) {
      t.known_disagree.push_back(case_id);
      return true;
    }
    t.disagree.push_back(case_id);
    return false;
  }

  // Agree when the largest absolute error `worst` is within `tol` (NaN disagrees), else disagree;
  // prints one line "agree|DISAGREE <case> <method>: <what>, max |ours - peer| = worst" when
  // verbose or disagreeing. Returns whether it agreed.
  bool within_tolerance(const std::string& method, const std::string& case_id, double worst, double tol, bool verbose,
                        const std::string& what = "") {
    const bool ok = worst <= tol;
    if (ok) agree(method);
    else disagree(method, case_id);
    if (verbose || !ok)
      fmt::print("{} {} {}: {}max |ours - peer| = {:.3g}\n", ok ? "agree" : "DISAGREE", case_id, method,
                 what.empty() ? "" : what + ", ", worst);
    return ok;
  }

  // A disagreement explained by a check the suite ran (e.g. the same rule under another convention).
  void explained(const std::string& method, const std::string& case_id, const std::string& reason) {
    auto& t = tallies_[method];
    ++t.cases;
    t.known_disagree.push_back(case_id);
    extra_reasons_[method].insert(reason);
  }

  // Prints the table; returns the number of unexplained disagreements.
  int print(std::FILE* out) const {
    int unexplained = 0, agree_total = 0, known_total = 0, skip_total = 0;
    fmt::print(out, "{:<40} {:<58} {:>5} {:>6} {:>8} {:>6} {:>7}\n", "method", "our rule", "cases", "agree",
               "disagree", "known", "skipped");
    for (const auto& [method, t] : tallies_) {
      int skipped = 0;
      for (const auto& [reason, n] : t.skipped) skipped += n;
      fmt::print(out, "{:<40} {:<58} {:>5} {:>6} {:>8} {:>6} {:>7}\n", method, t.rule, t.cases, t.agree,
                 t.disagree.size(), t.known_disagree.size(), skipped);
      unexplained += static_cast<int>(t.disagree.size());
      agree_total += t.agree;
      known_total += static_cast<int>(t.known_disagree.size());
      skip_total += skipped;
    }
    fmt::print(out, "\nskipped (method: count reason)\n");
    for (const auto& [method, t] : tallies_)
      for (const auto& [reason, n] : t.skipped) fmt::print(out, "  {}: {} {}\n", method, n, reason);
    fmt::print(out, "\nknown disagreements (method: cases -- reason)\n");
    for (const auto& [method, t] : tallies_) {
      if (t.known_disagree.empty()) continue;
      fmt::print(out, "  {}: {} -- {}\n", method, join(t.known_disagree), reason_of(method));
    }
    fmt::print(out, "\nUNEXPLAINED disagreements (method: cases)\n");
    for (const auto& [method, t] : tallies_)
      if (!t.disagree.empty()) fmt::print(out, "  {} [{}]: {}\n", method, t.rule, join(t.disagree));
    fmt::print(out, "\ntotal: agree {}, known disagreements {}, skipped {}, UNEXPLAINED {}\n", agree_total,
               known_total, skip_total, unexplained);
    return unexplained;
  }

 private:
  bool is_known(const std::string& method, const std::string& case_id) const {
    for (const auto& k : known_)
      if (k.method == method && (k.cases.empty() || k.cases.count(case_id))) return true;
    return false;
  }
  std::string reason_of(const std::string& method) const {
    std::string r;
    if (auto it = extra_reasons_.find(method); it != extra_reasons_.end())
      for (const auto& x : it->second) r += (r.empty() ? "" : "; ") + x;
    for (const auto& k : known_)
      if (k.method == method) r += (r.empty() ? "" : "; ") + k.reason;
    return r;
  }
  static std::string join(const std::vector<std::string>& ids) {
    std::string s;
    size_t shown = 0;
    for (const auto& id : ids) {
      if (++shown > 40) {
        s += fmt::format(" ... ({} in all)", ids.size());
        break;
      }
      s += (s.empty() ? "" : " ") + id;
    }
    return s;
  }
  std::vector<KnownDisagreement> known_;
  std::map<std::string, MethodTally> tallies_;
  std::map<std::string, std::set<std::string>> extra_reasons_;
};

// main() of a suite whose only option is --verbose: exit 0 when every disagreement is known,
// 1 otherwise or on an exception, 2 on a usage error.
inline int suite_main(int argc, char** argv, int (*run)(bool verbose)) {
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--verbose") {
      verbose = true;
    } else {
      fmt::print(stderr, "usage: {} [--verbose]\n", argv[0]);
      return 2;
    }
  }
  try {
    return run(verbose);
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return 1;
  }
}

// Why `rule` cannot run, or "" if it can: not registered, or a parameter value it does not declare.
inline std::string unsupported_reason(const RuleRef& rule) {
  const MethodInfo* m = find_method(rule.id);
  if (!m) return "not implemented (no rule '" + rule.id + "')";
  if (!m->elect) return "'" + rule.id + "' is not a single-winner rule";
  for (const auto& [name, value] : rule.params) {
    auto spec = std::find_if(m->params.begin(), m->params.end(), [&](const ParamSpec& s) { return s.name == name; });
    if (spec == m->params.end()) return "variant not implemented ('" + rule.id + "' has no parameter " + name + ")";
    if (spec->type == ParamType::choice &&
        std::find(spec->choices.begin(), spec->choices.end(), value) == spec->choices.end())
      return "variant not implemented (" + rule.id + " " + name + "=" + value + ")";
  }
  return "";
}

// Ballots of a profile in a readable form: "3 x 1 > 2 = 3 > 4" using external ids.
inline std::string profile_text(const Profile& p) {
  std::string s;
  for (size_t b = 0; b < p.num_ballots(); ++b) {
    s += fmt::format("    {} x ", p.counts[b]);
    auto tiers = p.tiers(b);
    for (size_t t = 0; t < tiers.size(); ++t) {
      if (t) s += " > ";
      for (size_t i = 0; i < tiers[t].size(); ++i) s += (i ? " = " : "") + p.name(tiers[t][i]);
    }
    if (tiers.empty()) s += "(empty)";
    s += "\n";
  }
  return s;
}

}  // namespace prefero::conformance
