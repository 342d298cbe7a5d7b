#pragma once
// An arena for the service tests: models m0..m(n-1) named "Model number i", and items whose
// output of model i for item t is "reply t-i", so the test (not the voter) knows who wrote an
// output without the text naming a model.
#include <string>

#include "core/result.hpp"

namespace prefero::serve::test {

inline json arena_body(const std::string& id, int n, int items, int k = 2, const std::string& model = "bradley_terry") {
  json cands = json::array(), its = json::array();
  for (int i = 0; i < n; ++i) cands.push_back({{"id", "m" + std::to_string(i)}, {"name", "Model number " + std::to_string(i)}});
  for (int t = 0; t < items; ++t) {
    json outs = json::object();
    for (int i = 0; i < n; ++i) outs["m" + std::to_string(i)] = {{"text", "reply " + std::to_string(t) + "-" + std::to_string(i)}};
    its.push_back({{"id", "q" + std::to_string(t)}, {"prompt", "question " + std::to_string(t)}, {"outputs", outs}});
  }
  return {{"id", id}, {"name", "Arena " + id}, {"candidates", cands}, {"items", its}, {"k", k}, {"model", model}};
}

// The model index behind an output text "reply T-I".
inline int model_of_output(const json& out) {
  const std::string t = out["text"].get<std::string>();
  return std::stoi(t.substr(t.find('-') + 1));
}

}  // namespace prefero::serve::test
