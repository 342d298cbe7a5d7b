// `prefero agree FILE`: agreement between raters who labelled the same tasks (crowd workers,
// LLM judges, annotators): Cohen's and Fleiss' kappa, Krippendorff's alpha, Kendall's tau and
// Spearman's rho between two raters' scores, and one judge against the others' majority.
#include <fmt/format.h>

#include <cmath>
#include <iostream>

#include "agree/agreement.hpp"
#include "core/error.hpp"
#include "io/labels_read.hpp"
#include "tools/prefero/commands.hpp"

namespace prefero {

namespace {

int worker_index(const LabelData& d, const std::string& name) {
  for (size_t w = 0; w < d.workers.size(); ++w)
    if (d.workers[w] == name) return static_cast<int>(w);
  throw InputError("rater '" + name + "' does not appear in the file");
}

// The two raters compared by pairwise metrics: --raters A,B, or the only two in the file.
std::pair<int, int> two_raters(const LabelData& d, const std::string& raters) {
  if (raters.empty()) {
    if (d.workers.size() != 2)
      throw InputError("the file has " + std::to_string(d.workers.size()) + " raters; name two with --raters A,B");
    return {0, 1};
  }
  auto comma = raters.find(',');
  if (comma == std::string::npos) throw InputError("--raters '" + raters + "': expected two names, A,B");
  return {worker_index(d, raters.substr(0, comma)), worker_index(d, raters.substr(comma + 1))};
}

json compute(const LabelData& d, const std::string& metric, const std::string& level, const std::string& raters,
             const std::string& judge) {
  json out = json::object();
  const bool all = metric == "all";
  Level lv = level == "ordinal" ? Level::ordinal : level == "interval" ? Level::interval : Level::nominal;
  auto matrix = rating_matrix(d, lv != Level::nominal);
  if (all || metric == "krippendorff_alpha") out["krippendorff_alpha"] = {{"level", level}, {"value", krippendorff_alpha(matrix, lv)}};
  if (all || metric == "fleiss_kappa") {
    std::vector<std::vector<int>> counts(d.tasks.size(), std::vector<int>(d.labels.size(), 0));
    for (const Judgment& j : d.judgments) ++counts[static_cast<size_t>(j.task)][static_cast<size_t>(j.label)];
    try {
      out["fleiss_kappa"] = fleiss_kappa(counts);
    } catch (const InputError& e) {
      if (!all) throw;
      out["fleiss_kappa"] = {{"skipped", e.what()}};
    }
  }
  const bool pairwise = metric == "cohen_kappa" || metric == "kendall_tau" || metric == "spearman";
  if (pairwise || (all && (d.workers.size() == 2 || !raters.empty()))) {
    auto [a, b] = two_raters(d, raters);
    std::vector<int> la(d.tasks.size(), -1), lb(d.tasks.size(), -1);
    for (const Judgment& j : d.judgments) {
      if (j.worker == a) la[static_cast<size_t>(j.task)] = j.label;
      if (j.worker == b) lb[static_cast<size_t>(j.task)] = j.label;
    }
    if (all || metric == "cohen_kappa") out["cohen_kappa"] = cohen_kappa(la, lb);
    if (metric == "kendall_tau" || metric == "spearman") {
      auto numeric = rating_matrix(d, true);
      std::vector<double> x, y;
      for (const auto& row : numeric)
        if (!std::isnan(row[static_cast<size_t>(a)]) && !std::isnan(row[static_cast<size_t>(b)])) {
          x.push_back(row[static_cast<size_t>(a)]);
          y.push_back(row[static_cast<size_t>(b)]);
        }
      out[metric] = metric == "kendall_tau" ? kendall_tau_b(x, y) : spearman_rho(x, y);
    }
  }
  if (metric == "judge_agreement" || (all && !judge.empty())) {
    if (judge.empty()) throw InputError("judge_agreement needs --judge NAME (the rater compared with the others' majority)");
    JudgeAgreement r = judge_agreement(d, judge);
    out["judge_agreement"] = {{"judge", judge}, {"tasks", r.tasks}, {"agreement", r.agreement}, {"cohen_kappa", r.kappa}};
  }
  return out;
}

}  // namespace

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
    json out = compute(d, metric, level, raters, judge);
    out["tasks"] = d.tasks.size();
    out["raters"] = d.workers.size();
    if (as_json) {
      std::cout << out.dump(2) << "\n";
      return;
    }
    for (const auto& [name, value] : out.items()) std::cout << fmt::format("{}: {}\n", name, value.dump());
  });
}

}  // namespace prefero
