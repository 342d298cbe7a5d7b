#pragma once
// A request and a response as the service logic sees them, independent of the HTTP library:
// the server (serve/http_server) fills a Request from the wire and writes the Response back.
#include <functional>
#include <map>
#include <string>

namespace prefero::serve {

struct Request {
  std::string method;                         // "GET", "POST", ...
  std::string path;                           // without the query, percent-decoded: "/v1/arenas/a1/votes"
  std::map<std::string, std::string> query;   // decoded query parameters
  std::map<std::string, std::string> headers; // lower-case names
  std::string body;
  std::string client;                         // the peer's address ("127.0.0.1")
  // The bearer token of `Authorization: Bearer T` ("" when absent).
  std::string token() const {
    auto it = headers.find("authorization");
    if (it == headers.end() || it->second.rfind("Bearer ", 0) != 0) return "";
    return it->second.substr(7);
  }
  std::string header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? "" : it->second;
  }
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::map<std::string, std::string> headers;  // extra headers (e.g. "Retry-After", "Location")
};

// Sends the answer to a request (see AsyncHandler in http_server.hpp): called exactly once.
using Respond = std::function<void(Response)>;

// {"error": {"code": CODE, "message": MESSAGE, "field": FIELD}} with `status`; `field` is the
// request field at fault ("" = none, written as null).
Response error_response(int status, const std::string& code, const std::string& message, const std::string& field = "");

}  // namespace prefero::serve
