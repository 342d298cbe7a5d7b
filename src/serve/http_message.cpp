#include "serve/http_message.hpp"

#include <nlohmann/json.hpp>

namespace prefero::serve {

Response error_response(int status, const std::string& code, const std::string& message, const std::string& field) {
  nlohmann::ordered_json e = {{"code", code}, {"message", message}};
  e["field"] = field.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(field);
  Response r;
  r.status = status;
  r.body = nlohmann::ordered_json{{"error", e}}.dump();
  return r;
}

}  // namespace prefero::serve
