#pragma once
// Benchmark score tables (docs/benchmark.md): systems x tasks, or instance-level rows
// (system, instance, one column per metric). CSV, one record per line, RFC 4180 quotes.
//
//   system,MNLI,QQP,WER
//   @direction,higher,higher,lower        <- optional; higher | lower | ignore (empty = higher)
//   bert-base,84.6,71.2,
//   roberta,87.6,72.1,9.5                  <- an empty cell (or NA / NaN / null) = missing score
//
// Blank lines and lines starting with '#' are skipped. Every problem is an InputError at
// file:line:column.
#include <istream>
#include <string>
#include <vector>

namespace prefero {

struct BenchmarkTableOptions {
  std::vector<std::string> lower_is_better;  // task columns where a lower score is better
  std::vector<std::string> exclude;          // task columns to drop (e.g. an "overall" average)
  bool default_lower = false;                // every task lower-is-better unless the direction row says
  // Instance-level tables only: the column naming the system / the instance (empty = 1st / 2nd).
  std::string system_column;
  std::string instance_column;
};

// Task-level table. scores[t][s] is oriented so that higher is better (lower-is-better tasks are
// negated); NaN = missing.
struct ScoreTable {
  std::vector<std::string> systems;
  std::vector<std::string> tasks;
  std::vector<bool> lower_is_better;         // per task, as read
  std::vector<std::vector<double>> scores;   // [task][system], oriented, NaN = missing
};

// Instance-level table: scores[t][k][s] for metric (task) t, instance k, system s; oriented, NaN =
// missing (a (system, instance) row that is absent is missing in every task).
struct InstanceTable {
  std::vector<std::string> systems;    // in order of first appearance
  std::vector<std::string> instances;  // in order of first appearance
  std::vector<std::string> tasks;
  std::vector<bool> lower_is_better;
  std::vector<std::vector<std::vector<double>>> scores;  // [task][instance][system]
};

ScoreTable read_score_table(std::istream& in, const std::string& name, const BenchmarkTableOptions& options = {});
InstanceTable read_instance_table(std::istream& in, const std::string& name,
                                  const BenchmarkTableOptions& options = {});

}  // namespace prefero
