#pragma once
// Readers of pairwise battles, pair-count summaries and K-wise rankings, each producing
// prefero::Comparisons (src/rate/comparisons.hpp). Every reader reports bad input as an
// InputError naming file:line:column and what was expected.
#include <string>
#include <string_view>

#include "io/comparisons_builder.hpp"
#include "rate/comparisons.hpp"

namespace prefero {

// One entry point, dispatching by extension and content:
//   .jsonl / .ndjson  battles `{"model_a","model_b","winner",...}` per line, or K-wise rankings
//                     `{"ranking": [["a"], ["b","c"]]}` (decided by the first non-blank line)
//   .csv              battles with a header: model_a,model_b,winner or evalica's left,right,winner
//   .json             pair counts `{"models": [...], "X": [[i,j],...], "Y": [[wi,wj,tie,bothbad],...]}`
Comparisons read_comparisons(const std::string& path, const ComparisonsReadOptions& options = {});

// Battles as JSON lines (simdjson document stream over 16 MB chunks; an object may also span
// lines). Fields: model_a, model_b (strings),
// winner (model_a | model_b | tie | tie (bothbad); left/right accepted), optional weight/count
// (a positive number), optional covariates named in options.covariates (numbers); every other
// field (tstamp, question_id, ...) is ignored; `judge` (or `voter`, or evalica's `worker`), a
// string or an integer, is read as the battle's voter when options.voters is set (ignored
// otherwise).
Comparisons read_battles_jsonl(const std::string& path, const ComparisonsReadOptions& options = {});
Comparisons read_battles_jsonl_text(std::string_view text, const std::string& name,
                                    const ComparisonsReadOptions& options = {});

// Battles as CSV with a header row (RFC 4180 quoting, no newlines inside fields). Columns:
// model_a,model_b,winner (FastChat) or left,right,winner (evalica); optional weight/count;
// covariates named in options.covariates; judge (or voter, worker) when options.voters is set; other
// columns ignored.
Comparisons read_battles_csv(const std::string& path, const ComparisonsReadOptions& options = {});
Comparisons read_battles_csv_text(std::string_view text, const std::string& name,
                                  const ComparisonsReadOptions& options = {});

// leaderbot's pair-count summary: models, X = [[i, j], ...], Y = [[i wins, j wins, tie, bothbad], ...].
Comparisons read_pair_counts_json_text(std::string_view text, const std::string& name,
                                       const ComparisonsReadOptions& options = {});

// K-wise rankings, one JSON object per line: {"ranking": [["a"], ["b", "c"], ["d"]]} (best first,
// models in one group tied; a bare string is a group of one), optional "count"/"weight".
// Rankings are kept in file order (online models need it).
Comparisons read_rankings_jsonl(const std::string& path, const ComparisonsReadOptions& options = {});
Comparisons read_rankings_jsonl_text(std::string_view text, const std::string& name,
                                     const ComparisonsReadOptions& options = {});

}  // namespace prefero
