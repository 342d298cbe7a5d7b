// `prefero infer FILE --method ID`: truth inference from crowd (task, worker, label) judgments.
#include <fmt/format.h>

#include <fstream>
#include <iostream>

#include "core/error.hpp"
#include "crowd/infer.hpp"
#include "io/labels_read.hpp"
#include "tools/prefero/commands.hpp"

namespace prefero {

namespace {
std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}
}  // namespace

void register_infer_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "infer",
      "Infer each task's true label from crowd judgments (rows of task, worker, label).\n"
      "FILE: CSV/TSV with a header naming the columns (task|question|item, worker|annotator, label|answer|response),\n"
      "or headerless rows `task worker label` (see --columns). Docs: docs/crowd.md.\n"
      "Examples:\n"
      "  prefero infer answers.csv --method dawid_skene\n"
      "  prefero infer answers.csv --method majority_vote --param ties=random --param seed=7 --json\n"
      "  prefero infer answer.csv --gold truth.csv --method wawa --out labels.csv\n"
      "  prefero infer rte_crowd.txt --gold rte_truth.txt --gold-none 0 --method one_coin_dawid_skene\n"
      "  prefero infer color.txt --columns worker,task,label --method top_two\n"
      "Methods and their parameters: prefero methods --family crowd");
  static std::string path, method, gold, weights, out, columns, dedup = "keep", gold_none, format = "auto";
  static std::vector<std::string> params;
  static bool as_json = false;
  cmd->add_option("FILE", path, "judgments file")->required();
  cmd->add_option("--method,-m", method, "method id, e.g. majority_vote, wawa, dawid_skene, glad")->required();
  cmd->add_option("--gold", gold, "gold labels file (task, label); adds accuracy to the output");
  cmd->add_option("--weights", weights, "worker weights file (worker, weight) for weighted_majority_vote");
  cmd->add_option("--param,-p", params, "NAME=VALUE, repeatable (e.g. --param n_iter=20)");
  cmd->add_option("--columns", columns,
                  "roles of the columns of a headerless file, e.g. worker,task,label or worker,task,label,gold,- "
                  "(default task,worker,label)");
  cmd->add_option("--format", format, "auto (header if the first row names the columns), header, columns")
      ->check(CLI::IsMember({"auto", "header", "columns"}));
  cmd->add_option("--dedup", dedup, "repeated (task, worker) rows: keep (all, default), first, last")
      ->check(CLI::IsMember({"keep", "first", "last"}));
  cmd->add_option("--gold-none", gold_none, "gold label value meaning 'no gold' (e.g. 0 in Spectral-meets-EM files)");
  cmd->add_option("--out,-o", out, "also write task,label CSV here");
  cmd->add_flag("--json", as_json, "one JSON object: method, params, labels, posteriors, workers, accuracy");
  cmd->callback([] {
    const MethodInfo& m = require_method(method);
    auto given = parse_param_pairs(params);
    LabelReadOptions opt;
    opt.format = format;
    opt.columns = columns;
    opt.dedup = dedup;
    opt.gold_none = gold_none;
    LabelData d = read_labels(path, gold, weights, opt);
    InferOutcome o = run_infer(m, d, given);
    if (!out.empty()) {
      std::ofstream f(out);
      if (!f) throw InputError("cannot write " + out);
      f << "task,label\n";
      for (size_t t = 0; t < d.tasks.size(); ++t)
        if (o.result.labels[t] >= 0)
          f << csv_cell(d.tasks[t]) << ',' << csv_cell(d.labels[static_cast<size_t>(o.result.labels[t])]) << '\n';
    }
    json j = infer_json(d, o);
    if (as_json) {
      std::cout << j.dump(2) << "\n";
      return;
    }
    std::cout << fmt::format("{}: {} tasks, {} workers, {} labels, {} judgments\n", m.id, d.tasks.size(),
                             d.workers.size(), d.labels.size(), d.judgments.size());
    if (j.contains("accuracy"))
      std::cout << fmt::format("accuracy {:.4f} on {} gold tasks with judgments ({} gold tasks without)\n",
                               j["accuracy"]["accuracy"].get<double>(), j["accuracy"]["evaluated"].get<int>(),
                               j["accuracy"]["gold_without_judgments"].get<int>());
    size_t shown = 0;
    for (auto& [task, label] : j["labels"].items()) {
      if (++shown > 20) {
        std::cout << fmt::format("... ({} tasks; --json or --out for all)\n", j["labels"].size());
        break;
      }
      std::cout << task << "\t" << label.get<std::string>() << "\n";
    }
  });
}

}  // namespace prefero
