// Vote-counting truth inference: majority vote, weighted majority vote, Wawa, ZeroBasedSkill,
// GoldMajorityVote (the crowd-kit family; same conventions, see docs/crowd.md).
#include <cstdint>
#include <random>

#include "core/error.hpp"
#include "crowd/answers.hpp"
#include "registry/registry.hpp"

namespace prefero::crowd {

namespace {

// Picks the label of each task from its vote shares under the `ties` parameter:
// lowest = first label in natural order (crowd-kit), random = seeded uniform draw among the tied.
void apply_ties(InferenceResult& r, const Params& p, json& expl) {
  const std::string& ties = p.text("ties");
  std::mt19937_64 rng(static_cast<uint64_t>(p.integer("seed")));
  int tied_tasks = 0;
  for (size_t t = 0; t < r.labels.size(); ++t) {
    const auto& post = r.posteriors[t];
    if (post.empty()) continue;
    double best = post[static_cast<size_t>(r.labels[t])];
    std::vector<int> top;
    for (size_t k = 0; k < post.size(); ++k)
      if (post[k] == best) top.push_back(static_cast<int>(k));
    if (top.size() < 2) continue;
    ++tied_tasks;
    if (ties == "random") r.labels[t] = top[std::uniform_int_distribution<size_t>(0, top.size() - 1)(rng)];
  }
  expl["tied_tasks"] = tied_tasks;
}

std::vector<ParamSpec> tie_params() {
  return {{"ties", ParamType::choice, "lowest",
           "label of a task whose top vote share is tied: lowest (first label in natural order, crowd-kit) "
           "or random (seeded)",
           {"lowest", "random"}},
          {"seed", ParamType::integer, "0", "seed of the random tie-break", {}}};
}

// Majority vote: the most frequent label per task (each judgment counts 1).
InferenceResult majority_vote(const LabelData& d, const Params& p) {
  Answers a(d);
  InferenceResult r = result_from_posteriors(a, weighted_vote(a, {}));
  apply_ties(r, p, r.explanation);
  r.worker_skill = worker_accuracy(a, r.labels);
  return r;
}

// Weighted majority vote: each judgment counts its worker's weight (LabelData::worker_weights).
InferenceResult weighted_majority_vote(const LabelData& d, const Params& p) {
  Answers a(d);
  std::vector<double> w = d.worker_weights;
  if (w.empty()) w.assign(a.W, 1.0);
  InferenceResult r = result_from_posteriors(a, weighted_vote(a, w));
  apply_ties(r, p, r.explanation);
  r.worker_skill = w;
  return r;
}

// Wawa (crowd-kit): majority vote, then a vote weighted by each worker's agreement with it.
InferenceResult wawa(const LabelData& d, const Params&) {
  Answers a(d);
  InferenceResult mv = result_from_posteriors(a, weighted_vote(a, {}));
  std::vector<double> skill = worker_accuracy(a, mv.labels);
  InferenceResult r = result_from_posteriors(a, weighted_vote(a, skill));
  r.worker_skill = skill;
  return r;
}

// ZeroBasedSkill (crowd-kit): skills start at 1/K + eps; each round a skill-weighted vote, then
// skill += lr * (agreement with the vote - skill); lr is multiplied by lr_reduce_factor every
// lr_steps_to_reduce rounds. A fixed number of rounds (no convergence test, as in crowd-kit).
InferenceResult zero_based_skill(const LabelData& d, const Params& p) {
  Answers a(d);
  const int64_t n_iter = p.integer("n_iter"), steps = p.integer("lr_steps_to_reduce");
  if (n_iter < 0 || n_iter > 1000000) throw InputError("zero_based_skill: n_iter must be in [0, 1000000]");
  if (steps < 1) throw InputError("zero_based_skill: lr_steps_to_reduce must be at least 1");
  double lr = p.number("lr_init");
  std::vector<double> skill(a.W, 1.0 / a.K + p.number("eps"));
  InferenceResult r;
  for (int64_t it = 1; it <= n_iter; ++it) {
    if (it % steps == 0) lr *= p.number("lr_reduce_factor");
    r = result_from_posteriors(a, weighted_vote(a, skill));
    std::vector<double> acc = worker_accuracy(a, r.labels);
    for (int w = 0; w < a.W; ++w)
      if (acc[w] >= 0) skill[w] += lr * (acc[w] - skill[w]);
  }
  r = result_from_posteriors(a, weighted_vote(a, skill));
  r.worker_skill = skill;
  r.explanation["iterations"] = n_iter;
  return r;
}

// GoldMajorityVote (crowd-kit): worker skill = accuracy on gold tasks, then a skill-weighted vote.
InferenceResult gold_majority_vote(const LabelData& d, const Params& p) {
  Answers a(d);
  if (d.gold.empty()) throw InputError("gold_majority_vote needs gold labels (--gold FILE)");
  std::vector<double> skill = worker_accuracy(a, d.gold);
  const std::string& missing = p.text("on_missing_skill");
  int missing_count = 0;
  for (int w = 0; w < a.W; ++w) {
    if (skill[w] >= 0) continue;
    ++missing_count;
    if (missing == "error")
      throw InputError("gold_majority_vote: worker '" + d.workers[w] +
                       "' answered no gold task (use --param on_missing_skill=ignore or value)");
    if (missing == "value") skill[w] = p.number("default_skill");
  }
  InferenceResult r = result_from_posteriors(a, weighted_vote(a, skill));
  if (missing == "ignore")  // tasks answered only by workers without a skill have no label
    for (int t = 0; t < a.T; ++t) {
      bool any = false;
      for (int i = a.task_start[t]; i < a.task_start[t + 1]; ++i) any |= skill[a.task_worker[i]] >= 0;
      if (!any) r.labels[t] = -1, r.posteriors[t].clear();
    }
  r.worker_skill = skill;
  r.explanation["workers_without_gold"] = missing_count;
  return r;
}

const std::string kCk = "crowd-kit (Ustalov et al., JOSS 9(96) 6227, 2024)";

const Registration r_mv{MethodInfo{
    .id = "majority_vote", .aliases = {"mv", "MajorityVote"}, .family = "crowd", .input = "labels",
    .summary = "Most frequent label per task; worker skill = agreement with the result",
    .citation = "classical; crowd-kit MajorityVote", .params = tie_params(), .infer = majority_vote}};
const Registration r_wmv{MethodInfo{
    .id = "weighted_majority_vote", .aliases = {"wmv"}, .family = "crowd", .input = "labels",
    .summary = "Label with the largest sum of worker weights (--weights FILE; missing weight = 1)",
    .citation = "Littlestone & Warmuth 1994; crowd-kit MajorityVote(skills)", .params = tie_params(),
    .infer = weighted_majority_vote}};
const Registration r_wawa{MethodInfo{
    .id = "wawa", .aliases = {"Wawa"}, .family = "crowd", .input = "labels",
    .summary = "Worker Agreement With Aggregate: vote weighted by each worker's agreement with majority vote",
    .citation = kCk + ", Wawa", .params = {}, .infer = wawa}};
const Registration r_zbs{MethodInfo{
    .id = "zero_based_skill", .aliases = {"zbs", "ZeroBasedSkill"}, .family = "crowd", .input = "labels",
    .summary = "Skill-weighted vote with skills moved toward agreement with the vote for n_iter rounds",
    .citation = kCk + ", ZeroBasedSkill",
    .params = {{"n_iter", ParamType::integer, "100", "number of rounds", {}},
               {"lr_init", ParamType::number, "1", "initial learning rate", {}},
               {"lr_steps_to_reduce", ParamType::integer, "20", "rounds between learning-rate reductions", {}},
               {"lr_reduce_factor", ParamType::number, "0.5", "learning-rate multiplier at each reduction", {}},
               {"eps", ParamType::number, "1e-05", "initial skill = 1/K + eps", {}}},
    .infer = zero_based_skill}};
const Registration r_gmv{MethodInfo{
    .id = "gold_majority_vote", .aliases = {"GoldMajorityVote", "gold_mv"}, .family = "crowd", .input = "labels",
    .summary = "Vote weighted by each worker's accuracy on the gold tasks",
    .citation = kCk + ", GoldMajorityVote",
    .params = {{"on_missing_skill", ParamType::choice, "error",
                "a worker with no gold answer: error (crowd-kit), ignore (drop its judgments), value "
                "(use default_skill)",
                {"error", "ignore", "value"}},
               {"default_skill", ParamType::number, "0.5", "skill of workers without gold when on_missing_skill=value",
                {}}},
    .infer = gold_majority_vote}};

}  // namespace

}  // namespace prefero::crowd
