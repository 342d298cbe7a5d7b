#pragma once
// Crowd judgments: (task, worker, label) rows from CSV / TSV / whitespace-separated text, plus an
// optional gold-label file and an optional worker-weight file, into a LabelData.
//
// Accepted layouts (the delimiter is taken from the first non-blank line: tab, else comma, else
// runs of blanks):
//   * with a header row naming the columns (any order, case-insensitive, a leading '!' ignored):
//       task   = task | question | item | id | q | orig_id | object
//       worker = worker | annotator | performer | amt_worker_ids | worker_id | participant
//       label  = label | answer | response | annotation | output
//       gold   = gold | truth | true_label   (optional: a gold label per row, must agree per task)
//     e.g. Zheng et al. 2017 answer.csv (`question,worker,answer`), Snow et al. 2008 TSV,
//     Fast-Dawid-Skene crowd.csv (`annotator,question,annotation`).
//   * without a header: positional columns given by LabelReadOptions::columns, default
//     "task,worker,label" (Spectral-meets-EM *_crowd.txt); "worker,task,label" for the TopTwo
//     files; "worker,task,label,gold,-" for ActiveCrowdToolkit (`-` = ignored column).
// Gold files: header (task-like + gold/truth/label column) or positional `task label`.
// Weight files: header (worker + weight/skill) or positional `worker weight`.
//
// Names are kept as text. Tasks, workers and labels are numbered in natural order (numeric when
// every name of that kind is an integer, else byte order), so results never depend on row order,
// and "lowest label" means the first label in that order (crowd-kit's convention: its columns
// are sorted). Every problem is an InputError at file:line:column.
#include <string>
#include <string_view>

#include "crowd/labels.hpp"

namespace prefero {

struct LabelReadOptions {
  std::string format = "auto";  // auto (header if the first row names the columns) | header | columns
  std::string columns;          // positional roles when there is no header (default task,worker,label)
  std::string dedup = "keep";   // duplicate (task, worker) rows: keep all | first | last
  std::string gold_none;        // a gold label meaning "no gold" (Spectral-meets-EM truth files use 0)
};

// Reads judgments, then (if the paths are not empty) gold labels and worker weights.
LabelData read_labels(const std::string& path, const std::string& gold_path = "",
                      const std::string& weights_path = "", const LabelReadOptions& options = {});

// The same on texts already in memory (names are used in messages; empty gold/weights = none).
LabelData read_labels_text(std::string_view answers, const std::string& name, std::string_view gold = {},
                           const std::string& gold_name = "", std::string_view weights = {},
                           const std::string& weights_name = "", const LabelReadOptions& options = {});

}  // namespace prefero
