// Running truth-inference methods and scoring them (see infer.hpp).
#include "crowd/infer.hpp"

#include "core/error.hpp"

namespace prefero {

InferOutcome run_infer(const MethodInfo& method, const LabelData& data,
                       const std::map<std::string, std::string>& given_params) {
  if (!method.infer)
    throw InputError("'" + method.id + "' is not a truth-inference method (family " + method.family + ")");
  if (data.judgments.empty()) throw InputError("no judgments to infer labels from");
  InferOutcome o;
  o.method = &method;
  o.params = resolve_params(method.id, method.params, given_params);
  o.result = method.infer(data, o.params);
  return o;
}

GoldScore score_against_gold(const LabelData& data, const InferenceResult& r) {
  GoldScore s;
  if (data.gold.empty()) return s;
  const double K = static_cast<double>(data.labels.size());
  for (size_t t = 0; t < data.gold.size(); ++t) {
    const int g = data.gold[t];
    if (g < 0) continue;
    if (r.labels[t] < 0) {
      ++s.unanswered;
      continue;
    }
    ++s.evaluated;
    s.correct += r.labels[t] == g;
    const auto& p = r.posteriors[t];
    if (p.empty()) {
      s.fractional += r.labels[t] == g;
      continue;
    }
    double best = p[static_cast<size_t>(r.labels[t])];
    for (double x : p) best = std::max(best, x);
    int tied = 0;
    for (double x : p) tied += x == best;
    if (p[static_cast<size_t>(g)] == best) s.fractional += 1.0 / tied;
  }
  const int all = s.evaluated + s.unanswered;
  s.zheng_expected = all ? (s.correct + s.unanswered / K) / all : 0.0;
  return s;
}

namespace {
// Appends a key known to be new (task, worker and label names are unique): ordered_json's own
// insertion searches the keys linearly, which is quadratic for a million tasks.
void append(json& obj, const std::string& key, json value) {
  auto& members = obj.get_ref<json::object_t&>();
  static_cast<std::vector<std::pair<const std::string, json>>&>(members).emplace_back(key, std::move(value));
}
}  // namespace

json infer_json(const LabelData& d, const InferOutcome& o) {
  const InferenceResult& r = o.result;
  json j;
  j["method"] = o.method->id;
  json params = json::object();
  for (const auto& [k, v] : o.params.values()) params[k] = v;
  j["params"] = params;
  json labels = json::object(), post = json::object();
  for (size_t t = 0; t < r.labels.size(); ++t) {
    if (r.labels[t] < 0) continue;
    append(labels, d.tasks[t], d.labels[static_cast<size_t>(r.labels[t])]);
    json pt = json::object();
    for (size_t k = 0; k < r.posteriors[t].size(); ++k) append(pt, d.labels[k], r.posteriors[t][k]);
    append(post, d.tasks[t], std::move(pt));
  }
  j["labels"] = labels;
  j["posteriors"] = post;
  json workers = json::object();
  for (size_t w = 0; w < d.workers.size(); ++w) {
    json wj = json::object();
    if (w < r.worker_skill.size()) wj["skill"] = r.worker_skill[w];
    if (w < r.confusion.size()) {
      json cm = json::object();  // truth -> given -> probability
      for (size_t c = 0; c < r.confusion[w].size(); ++c) {
        json row = json::object();
        for (size_t l = 0; l < r.confusion[w][c].size(); ++l) append(row, d.labels[l], r.confusion[w][c][l]);
        append(cm, d.labels[c], std::move(row));
      }
      wj["confusion"] = std::move(cm);
    }
    append(workers, d.workers[w], std::move(wj));
  }
  j["workers"] = workers;
  if (!d.gold.empty()) {
    GoldScore s = score_against_gold(d, r);
    j["accuracy"] = {{"accuracy", s.accuracy()},
                     {"evaluated", s.evaluated},
                     {"correct", s.correct},
                     {"gold_without_judgments", s.unanswered},
                     {"fractional_tie_accuracy", s.fractional_accuracy()},
                     {"zheng_expected_accuracy", s.zheng_expected}};
  }
  j["explanation"] = r.explanation;
  return j;
}

}  // namespace prefero
