// `prefero committee FILE --rule ID --size K`: select a committee of K candidates.
#include <fmt/format.h>

#include <iostream>
#include <optional>

#include "committee/bounded_committee.hpp"
#include "committee/fairness_bounds.hpp"
#include "committee/run_committee.hpp"
#include "core/error.hpp"
#include "io/abc_yaml.hpp"
#include "io/pabulib.hpp"
#include "io/read.hpp"
#include "tools/prefero/commands.hpp"

namespace prefero {

namespace {

struct CommitteeOptions {
  std::string path, rule;
  int size = 0;
  bool all = false, as_json = false;
  double time_limit = -1;
  std::vector<std::string> params;
  std::string groups, bounds;  // group-fairness bounds (--groups FILE --bounds SPEC)
  bool greedy = false;
  bool lenient = false;  // PrefLib as preflibtools/abcvoting accept it
};

}  // namespace

void register_committee_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "committee",
      "Select a committee of K candidates with an approval-based (or other multiwinner) rule.\n"
      "Prints one winning committee; --all prints every winning committee (for sequential rules: every\n"
      "committee some tie-break reaches). Input: abcvoting .abc.yaml (committeesize is the default --size),\n"
      "PrefLib .cat (category 1 approves), rankings (the top indifference class approves; see the\n"
      "approve_top parameter), or Pabulib .pb approval votes (candidates = projects, printed by project id;\n"
      "costs are ignored, as abcvoting does). --lenient reads PrefLib files as preflibtools/abcvoting do.\n"
      "Examples:\n"
      "  prefero committee examples/approvals.abc.yaml --rule pav --size 3\n"
      "  prefero committee examples/approvals.abc.yaml --rule seqpav --all --json\n"
      "  prefero committee votes.cat --rule cc --size 5 --time-limit 60 --param algorithm=ilp\n"
      "  prefero committee votes.cat --rule thiele --size 4 --param score=geom3\n"
      "  prefero committee poland_lodz_2020_mileszki.pb --rule equal-shares --size 3 --json\n"
      "  prefero committee old_tool_output.soi --lenient --rule seqphragmen --size 2\n"
      "  prefero committee ballots.soc --rule k_borda --size 4 --groups groups.csv --bounds 'women>=2,men>=1'\n"
      "  prefero committee ballots.soc --rule stv --size 3 --param transfer=meek --json\n"
      "Group bounds: --groups FILE has lines 'candidate,group[,group...]' (candidate id or name); --bounds SPEC is\n"
      "comma-separated GROUP>=L, GROUP<=U, GROUP=N or L<=GROUP<=U. Any score-based rule (sntv, bloc, k_borda,\n"
      "chamberlin_courant_borda, monroe_borda, av, pav, cc, slav, geom2, thiele) is solved exactly under them;\n"
      "--greedy gives the greedy committee and its gap to the exact optimum (docs/committee-ordinal.md).\n"
      "Rules and their parameters: prefero methods --family committee");
  static CommitteeOptions o;
  cmd->add_option("FILE", o.path, "approval profile: .abc.yaml, PrefLib .cat/.soc/.soi/.toc/.toi, Pabulib .pb")->required();
  cmd->add_flag("--lenient", o.lenient,
                "PrefLib as preflibtools (abcvoting) reads it: alternatives numbered as the ALTERNATIVE NAME lines say, "
                "undeclared alternatives in ballots dropped, trailing commas, short cat lines");
  cmd->add_option("--rule,-r", o.rule, "rule id, e.g. pav, cc, seqpav, monroe, minimaxav")->required();
  cmd->add_option("--size,-k", o.size, "committee size K (default: committeesize of an .abc.yaml file)");
  cmd->add_flag("--all", o.all, "every winning committee (sets the rule's parameter resolute=false)");
  cmd->add_option("--time-limit", o.time_limit,
                  "seconds for the exact solver; when reached, the best committee found is returned with proven=false");
  cmd->add_option("--groups", o.groups, "groups file: lines 'candidate,group[,group...]' (with --bounds)");
  cmd->add_option("--bounds", o.bounds, "per-group bounds, e.g. 'women>=2,men<=3,1<=young<=2' (with --groups)");
  cmd->add_flag("--greedy", o.greedy, "with --bounds: the greedy committee, its score and its gap to the exact optimum");
  cmd->add_option("--param,-p", o.params, "NAME=VALUE, repeatable (e.g. --param algorithm=ilp)");
  cmd->add_flag("--json", o.as_json,
                "one JSON object: rule, size, committees (candidate ids ascending), proven, params, explanation");
  cmd->callback([] {
    const MethodInfo& m = require_method(o.rule);
    auto given = parse_param_pairs(o.params);
    given["resolute"] = o.all ? "false" : "true";
    if (o.time_limit >= 0) given["time_limit"] = fmt::format("{}", o.time_limit);
    Profile p;
    std::optional<int> file_size;
    if (is_abc_yaml_path(o.path)) {
      AbcInstance inst = read_abc_yaml(o.path);
      p = std::move(inst.profile);
      file_size = inst.committee_size;
    } else if (is_pabulib_path(o.path)) {
      p = read_pabulib(o.path).profile;
    } else {
      p = read_profile(o.path, o.lenient ? PreflibDialect::lenient : PreflibDialect::strict);
    }
    int k = o.size;
    if (k == 0) {
      if (!file_size) throw InputError("give the committee size with --size K");
      k = *file_size;
    }
    if (o.groups.empty() != o.bounds.empty()) throw InputError("--groups and --bounds go together");
    if (o.greedy && o.groups.empty()) throw InputError("--greedy needs --groups and --bounds");
    CommitteeOutcome out;
    if (!o.groups.empty()) {
      const Groups groups = read_groups_file(o.groups, p.candidates);
      const GroupBounds bounds = parse_bounds(o.bounds, groups, k);
      out.method = &m;
      out.params = resolve_params(m.id, m.params, given);
      out.committee_size = k;
      out.result = run_committee_with_bounds(m, p, k, out.params, groups, bounds, o.greedy);
    } else {
      out = run_committee(m, p, k, given);
    }
    json j = committee_json(p, out);
    if (o.as_json) {
      std::cout << j.dump(2) << "\n";
      return;
    }
    size_t n = out.result.committees.size();
    std::cout << fmt::format("{} (size {}): {} committee{}{}\n", m.id, k, n == 1 ? "one" : std::to_string(n),
                             n == 1 ? "" : "s",
                             out.result.explanation.value("algorithm", "") == "greedy"
                                 ? " (greedy; gap to the exact optimum: " + out.result.explanation.value("gap", "?") + ")"
                                 : (out.result.proven ? "" : " (NOT proven optimal: time limit)"));
    for (const auto& c : out.result.committees) {
      std::string s;
      for (Cand x : c) s += (s.empty() ? "" : ", ") + p.name(x);
      std::cout << "  {" << s << "}\n";
    }
    std::cout << "explanation: " << j["explanation"].dump(2) << "\n";
  });
}

}  // namespace prefero
