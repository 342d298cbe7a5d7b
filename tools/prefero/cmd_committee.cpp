// `prefero committee FILE --rule ID --size K`: select a committee of K candidates.
#include <fmt/format.h>

#include <iostream>
#include <optional>

#include "committee/run_committee.hpp"
#include "core/error.hpp"
#include "io/abc_yaml.hpp"
#include "io/read.hpp"
#include "tools/prefero/commands.hpp"

namespace prefero {

namespace {

std::map<std::string, std::string> committee_param_pairs(const std::vector<std::string>& pairs) {
  std::map<std::string, std::string> out;
  for (const auto& kv : pairs) {
    auto eq = kv.find('=');
    if (eq == std::string::npos || eq == 0)
      throw InputError("--param '" + kv + "': expected NAME=VALUE (see `prefero methods --family committee`)");
    out[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  return out;
}

struct CommitteeOptions {
  std::string path, rule;
  int size = 0;
  bool all = false, as_json = false;
  double time_limit = -1;
  std::vector<std::string> params;
  // Group-fairness bounds (--groups FILE --bounds SPEC) plug in here.
};

}  // namespace

void register_committee_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "committee",
      "Select a committee of K candidates with an approval-based (or other multiwinner) rule.\n"
      "Prints one winning committee; --all prints every winning committee (for sequential rules: every\n"
      "committee some tie-break reaches). Input: abcvoting .abc.yaml (committeesize is the default --size),\n"
      "PrefLib .cat (category 1 approves), or rankings (the top indifference class approves; see the\n"
      "approve_top parameter).\n"
      "Examples:\n"
      "  prefero committee examples/approvals.abc.yaml --rule pav --size 3\n"
      "  prefero committee examples/approvals.abc.yaml --rule seqpav --all --json\n"
      "  prefero committee votes.cat --rule cc --size 5 --time-limit 60 --param algorithm=ilp\n"
      "  prefero committee votes.cat --rule thiele --size 4 --param score=geom3\n"
      "Rules and their parameters: prefero methods --family committee");
  static CommitteeOptions o;
  cmd->add_option("FILE", o.path, "approval profile: .abc.yaml, PrefLib .cat/.soc/.soi/.toc/.toi")->required();
  cmd->add_option("--rule,-r", o.rule, "rule id, e.g. pav, cc, seqpav, monroe, minimaxav")->required();
  cmd->add_option("--size,-k", o.size, "committee size K (default: committeesize of an .abc.yaml file)");
  cmd->add_flag("--all", o.all, "every winning committee (sets the rule's parameter resolute=false)");
  cmd->add_option("--time-limit", o.time_limit,
                  "seconds for the exact solver; when reached, the best committee found is returned with proven=false");
  cmd->add_option("--param,-p", o.params, "NAME=VALUE, repeatable (e.g. --param algorithm=ilp)");
  cmd->add_flag("--json", o.as_json,
                "one JSON object: rule, size, committees (candidate ids ascending), proven, params, explanation");
  cmd->callback([] {
    const MethodInfo& m = require_method(o.rule);
    auto given = committee_param_pairs(o.params);
    given["resolute"] = o.all ? "false" : "true";
    if (o.time_limit >= 0) given["time_limit"] = fmt::format("{}", o.time_limit);
    Profile p;
    std::optional<int> file_size;
    if (is_abc_yaml_path(o.path)) {
      AbcInstance inst = read_abc_yaml(o.path);
      p = std::move(inst.profile);
      file_size = inst.committee_size;
    } else {
      p = read_profile(o.path);
    }
    int k = o.size;
    if (k == 0) {
      if (!file_size) throw InputError("give the committee size with --size K");
      k = *file_size;
    }
    CommitteeOutcome out = run_committee(m, p, k, given);
    json j = committee_json(p, out);
    if (o.as_json) {
      std::cout << j.dump(2) << "\n";
      return;
    }
    size_t n = out.result.committees.size();
    std::cout << fmt::format("{} (size {}): {} committee{}{}\n", m.id, k, n == 1 ? "one" : std::to_string(n),
                             n == 1 ? "" : "s", out.result.proven ? "" : " (NOT proven optimal: time limit)");
    for (const auto& c : out.result.committees) {
      std::string s;
      for (Cand x : c) s += (s.empty() ? "" : ", ") + p.name(x);
      std::cout << "  {" << s << "}\n";
    }
    std::cout << "explanation: " << j["explanation"].dump(2) << "\n";
  });
}

}  // namespace prefero
