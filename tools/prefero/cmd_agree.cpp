// `prefero agree FILE`: agreement between raters who labelled the same tasks (crowd workers,
// LLM judges, annotators): Cohen's and Fleiss' kappa, Krippendorff's alpha, Kendall's tau and
// Spearman's rho between two raters' scores, and one judge against the others' majority.
#include <fmt/format.h>

#include <iostream>

#include "io/labels_read.hpp"
#include "tools/prefero/commands.hpp"
#include "tools/prefero/json_out.hpp"

namespace prefero {

void register_agree_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "agree",
      "Agreement between raters who labelled the same tasks. FILE: rows of task, worker, label (the formats of\n"
      "`prefero infer`). Metrics: krippendorff_alpha (any number of raters, missing labels allowed; --level\n"
      "nominal|ordinal|interval, the last two need numeric labels), fleiss_kappa (same number of labels per task),\n"
      "cohen_kappa, kendall_tau and spearman (two raters: --raters A,B), judge_agreement (--judge NAME against the\n"
      "majority of the others, as GenAI-Arena compares an LLM judge with human votes), or all (default).\n"
      "Examples:\n"
      "  prefero agree answers.csv\n"
      "  prefero agree scores.csv --metric krippendorff_alpha --level interval --json\n"
      "  prefero agree votes.csv --metric judge_agreement --judge gpt-4\n"
      "  prefero agree scores.csv --metric spearman --raters alice,bob");
  static std::string path, metric = "all", level = "nominal", raters, judge, columns;
  static bool as_json = false;
  cmd->add_option("FILE", path, "judgments file (task, worker, label)")->required();
  cmd->add_option("--metric", metric, "all (default), krippendorff_alpha, fleiss_kappa, cohen_kappa, kendall_tau, spearman, judge_agreement")
      ->check(CLI::IsMember({"all", "krippendorff_alpha", "fleiss_kappa", "cohen_kappa", "kendall_tau", "spearman", "judge_agreement"}));
  cmd->add_option("--level", level, "Krippendorff's alpha level: nominal (default), ordinal, interval")
      ->check(CLI::IsMember({"nominal", "ordinal", "interval"}));
  cmd->add_option("--raters", raters, "the two raters of a pairwise metric, A,B");
  cmd->add_option("--judge", judge, "the rater compared with the others' majority");
  cmd->add_option("--columns", columns, "roles of the columns of a headerless file (default task,worker,label)");
  cmd->add_flag("--json", as_json, "one JSON object with every computed metric");
  cmd->callback([] {
    LabelReadOptions options;
    options.columns = columns;
    LabelData d = read_labels(path, "", "", options);
    json out = agree_json(d, metric, level, raters, judge);
    if (as_json) {
      std::cout << out.dump(2) << "\n";
      return;
    }
    for (const auto& [name, value] : out.items()) std::cout << fmt::format("{}: {}\n", name, value.dump());
  });
}

}  // namespace prefero
