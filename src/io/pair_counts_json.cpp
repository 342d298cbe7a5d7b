// leaderbot's compact pair-count summary of Chatbot Arena: {"models": [...], "X": [[i, j], ...],
// "Y": [[i wins, j wins, tie, tie (bothbad)], ...]} (suquark/leaderbot, data/*.json).
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "io/read_comparisons.hpp"

namespace prefero {

namespace {

// Line and column of a byte offset, for messages.
SourceLocation locate(std::string_view text, const std::string& name, size_t byte) {
  byte = std::min(byte, text.size());
  int line = 1, col = 1;
  for (size_t i = 0; i < byte; ++i) {
    if (text[i] == '\n') ++line, col = 1;
    else ++col;
  }
  return SourceLocation{name, line, col};
}

}  // namespace

Comparisons read_pair_counts_json_text(std::string_view text, const std::string& name, const ComparisonsReadOptions& options) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    size_t at = e.byte > 0 ? e.byte - 1 : 0;
    throw InputError(locate(text, name, at), std::string("malformed JSON: ") + e.what());
  } catch (const nlohmann::json::exception& e) {  // e.g. a number too large for a double
    throw InputError(SourceLocation{name, 1, 1}, std::string("malformed JSON: ") + e.what());
  }
  SourceLocation top{name, 1, 1};
  if (!j.is_object() || !j.contains("models") || !j.contains("X") || !j.contains("Y"))
    throw InputError(top, "expected an object with \"models\", \"X\" and \"Y\" (leaderbot's pair-count format)");
  const auto& models = j["models"];
  const auto& X = j["X"];
  const auto& Y = j["Y"];
  if (!models.is_array() || !X.is_array() || !Y.is_array())
    throw InputError(top, "\"models\", \"X\" and \"Y\" must be arrays");
  if (X.size() != Y.size())
    throw InputError(top, "\"X\" has " + std::to_string(X.size()) + " pairs but \"Y\" has " + std::to_string(Y.size()) + " count rows");
  ComparisonsBuilder b(options);
  for (size_t m = 0; m < models.size(); ++m) {
    if (!models[m].is_string()) throw InputError(top, "models[" + std::to_string(m) + "] must be a string");
    int id = b.model(models[m].get<std::string>());
    if (id < 0) throw InputError(top, "too many models");
    if (static_cast<size_t>(id) != m) throw InputError(top, "model '" + models[m].get<std::string>() + "' is listed twice");
  }
  const Outcome outcomes[4] = {Outcome::a_wins, Outcome::b_wins, Outcome::tie, Outcome::tie_bothbad};
  auto n = static_cast<int64_t>(models.size());
  for (size_t r = 0; r < X.size(); ++r) {
    const auto& x = X[r];
    const auto& y = Y[r];
    if (!x.is_array() || x.size() != 2 || !x[0].is_number_integer() || !x[1].is_number_integer())
      throw InputError(top, "X[" + std::to_string(r) + "] must be [i, j] (model indices)");
    int64_t i = x[0].get<int64_t>(), k = x[1].get<int64_t>();
    if (i < 0 || i >= n || k < 0 || k >= n || i == k)
      throw InputError(top, "X[" + std::to_string(r) + "] = [" + std::to_string(i) + ", " + std::to_string(k) +
                                "]: indices must be distinct and below " + std::to_string(n));
    if (!y.is_array() || y.size() < 3 || y.size() > 4)
      throw InputError(top, "Y[" + std::to_string(r) + "] must be [i wins, j wins, ties] or [..., tie (bothbad)]");
    for (size_t o = 0; o < y.size(); ++o) {
      if (!y[o].is_number() || !(y[o].get<double>() >= 0) || y[o].get<double>() > 1e15)
        throw InputError(top, "Y[" + std::to_string(r) + "][" + std::to_string(o) + "] must be a non-negative count");
      double c = y[o].get<double>();
      if (c == 0) continue;
      if (!b.add_pair(static_cast<int>(i), static_cast<int>(k), outcomes[o], c, nullptr))
        throw InputError(top, "too many rows");
    }
  }
  return b.finish();
}

}  // namespace prefero
