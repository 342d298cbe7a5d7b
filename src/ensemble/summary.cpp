#include "ensemble/summary.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/error.hpp"

namespace prefero {

void summarize(const VoteTensor& t, EnsembleResult& result) {
  json s = json::object();
  s["samples"] = t.samples;
  bool certified = !result.samples.empty() &&
                   std::all_of(result.samples.begin(), result.samples.end(),
                               [](const SampleDecision& d) { return d.certificate >= 0; });
  std::vector<int> radius;  // per labelled sample: certificate, or -1 when wrong
  int labelled = 0, correct = 0;
  for (size_t i = 0; i < result.samples.size() && i < t.labels.size(); ++i) {
    if (t.labels[i] < 0) continue;
    ++labelled;
    bool ok = result.samples[i].prediction == t.labels[i];
    correct += ok ? 1 : 0;
    radius.push_back(ok ? result.samples[i].certificate : -1);
  }
  if (labelled > 0) {
    s["labelled"] = labelled;
    s["accuracy"] = static_cast<double>(correct) / labelled;
  }
  if (certified && labelled > 0) {
    int max_r = *std::max_element(radius.begin(), radius.end());
    json curve = json::array();
    int median = 0;
    for (int r = 0; r <= max_r; ++r) {
      auto at_least = std::count_if(radius.begin(), radius.end(), [r](int x) { return x >= r; });
      double acc = static_cast<double>(at_least) / labelled;
      curve.push_back({{"radius", r}, {"certified_accuracy", acc}});
      if (acc >= 0.5) median = r + 1;  // #{r >= 0 : certified accuracy(r) >= 0.5}
    }
    s["certified_accuracy"] = curve;
    s["median_certified_robustness"] = median;
  }
  result.explanation["summary"] = s;
}

std::vector<double> parse_model_weights(const std::string& text, int models) {
  std::vector<double> w;
  if (text.empty()) return std::vector<double>(static_cast<size_t>(models), 1.0);
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    char* end = nullptr;
    double v = std::strtod(item.c_str(), &end);
    if (item.empty() || *end != '\0' || !std::isfinite(v) || v < 0)
      throw InputError("weights: '" + item + "' is not a non-negative number (expected one weight per model, comma-separated)");
    w.push_back(v);
  }
  if (static_cast<int>(w.size()) != models)
    throw InputError("weights: " + std::to_string(w.size()) + " weights given for " + std::to_string(models) + " models");
  return w;
}

}  // namespace prefero
