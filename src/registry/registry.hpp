#pragma once
// The one method registry. Every method registers itself beside its function with
// `static const Registration r{MethodInfo{...}};`; the CLI, the Python module, the HTTP API and
// the docs all enumerate this table.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/profile.hpp"
#include "core/result.hpp"
#include "registry/params.hpp"

namespace prefero {

using ElectFn = ElectionResult (*)(const Profile&, const CandidateSet&, const Params&);

// Each family's inputs and results live with the family (src/committee, src/consensus, src/rate,
// src/crowd); the registry only needs their names.
struct CommitteeResult;
struct ConsensusResult;
struct Comparisons;
struct RatingResult;
struct LabelData;
struct InferenceResult;
struct VoteTensor;
struct EnsembleResult;
struct BenchmarkData;
struct BenchmarkResult;
// Selects committees of `committee_size` candidates (src/committee/committee.hpp).
using CommitteeFn = CommitteeResult (*)(const Profile&, int committee_size, const Params&);
// One consensus ranking of the candidates in play (src/consensus/consensus.hpp).
using ConsensusFn = ConsensusResult (*)(const Profile&, const CandidateSet&, const Params&);
// Ratings of models from pairwise or K-wise comparisons (src/rate/comparisons.hpp).
using RateFn = RatingResult (*)(const Comparisons&, const Params&);
// Labels inferred from crowd (task, worker, label) judgments (src/crowd/labels.hpp).
using InferFn = InferenceResult (*)(const LabelData&, const Params&);
// Combines base models' scores per sample, with certificates where defined (src/ensemble/ensemble.hpp).
using EnsembleFn = EnsembleResult (*)(const VoteTensor&, const Params&);
// Ranks systems across the tasks of a benchmark score table (src/consensus/benchmark/benchmark.hpp).
using BenchmarkFn = BenchmarkResult (*)(const BenchmarkData&, const Params&);

struct MethodInfo {
  std::string id;                    // snake_case; the peer's name where one exists
  std::vector<std::string> aliases;  // other accepted names (e.g. pref_voting's display name)
  std::string family;                // "elect", "committee", "consensus", "rate", "crowd", ...
  std::string input;                 // "ranking", "approval" or "scores"
  std::string summary;               // one line: what the method does
  std::string citation;              // where it is defined
  std::vector<ParamSpec> params;     // rule-specific parameters (common ones are added)
  bool resolute = false;             // always exactly one winner
  bool probabilistic = false;        // returns a lottery
  // Exactly one of these is set, matching `family`.
  ElectFn elect = nullptr;          // family "elect"
  CommitteeFn committee = nullptr;  // family "committee"
  ConsensusFn consensus = nullptr;  // family "consensus"
  RateFn rate = nullptr;            // family "rate"
  InferFn infer = nullptr;          // family "crowd"
  EnsembleFn ensemble = nullptr;    // family "ensemble"
  BenchmarkFn benchmark = nullptr;  // family "benchmark"
};

struct Registration {
  explicit Registration(MethodInfo info);
};

// Every registered method, sorted by id.
const std::vector<MethodInfo>& methods();
// The method with this id or alias; nullptr if none.
const MethodInfo* find_method(std::string_view id_or_alias);
// Like find_method, but an unknown name is an InputError listing close matches.
const MethodInfo& require_method(std::string_view id_or_alias);

// Parameters every single-winner rule accepts (appended to its own when it registers):
// tie_break, tie_break_order, seed.
std::vector<ParamSpec> common_elect_params();

struct ElectOutcome {
  const MethodInfo* method = nullptr;
  Params params;          // every parameter with the value used
  ElectionResult result;  // winners after the requested tie-break
};

// Runs a single-winner rule on all candidates of `profile`, then applies the `tie_break`
// parameter (none keeps every tied winner).
ElectOutcome run_elect(const MethodInfo& method, const Profile& profile,
                       const std::map<std::string, std::string>& given_params);

}  // namespace prefero
