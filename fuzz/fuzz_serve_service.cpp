// libFuzzer target for the service's request handling (src/serve/service*.cpp): arbitrary bodies
// and paths against a fresh in-memory service with one arena and one poll. Every answer must be
// a well-formed response (status in 200..599, JSON where JSON is promised); nothing may crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "serve/service.hpp"

using namespace prefero::serve;

namespace {

Request make(const std::string& method, const std::string& path, const std::string& body, bool admin) {
  Request r;
  r.method = method;
  r.path = path;
  r.body = body;
  r.client = "127.0.0.1";
  if (admin) r.headers["authorization"] = "Bearer fuzz-admin";
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  auto store = make_memory_store();
  ServiceOptions opt;
  opt.admin_token = "fuzz-admin";
  opt.clock = [] { return int64_t{1780000000000}; };
  opt.leaderboard_refresh_ms = 0;
  Service s(*store, opt);
  s.handle(make("POST", "/v1/arenas",
                R"({"id":"a","name":"A","candidates":[{"id":"x"},{"id":"y"},{"id":"z"}],)"
                R"("items":[{"id":"q","prompt":"p","outputs":{"x":{"text":"1"},"y":{"text":"2"},"z":{"text":"3"}}}]})",
                true));
  s.handle(make("POST", "/v1/polls", R"({"id":"p","title":"P","candidates":["a","b","c"],"rule":"borda"})", true));
  static const char* const kRoutes[][2] = {
      {"POST", "/v1/arenas"},          {"POST", "/v1/arenas/a/items"},   {"POST", "/v1/arenas/a/votes"},
      {"POST", "/v1/arenas/a/battles"}, {"GET", "/v1/arenas/a/leaderboard"}, {"POST", "/v1/polls"},
      {"POST", "/v1/polls/p/ballots"},  {"GET", "/v1/polls/p/results"},  {"POST", "/v1/polls/p/tokens"},
      {"GET", "/v1/polls/p/ballots.preflib"}};
  const auto& route = kRoutes[data[0] % (sizeof kRoutes / sizeof kRoutes[0])];
  const bool admin = (data[0] & 0x80) != 0;
  std::string body(reinterpret_cast<const char*>(data + 1), size - 1);
  // A real matchup half the time, so that vote bodies get past the signature check.
  if (std::string(route[1]) == "/v1/arenas/a/votes" && (data[0] & 0x40)) {
    Response next = s.handle(make("GET", "/v1/arenas/a/next", "", false));
    auto j = prefero::json::parse(next.body, nullptr, false);
    if (j.is_object() && j.contains("matchup"))
      body = prefero::json{{"matchup", j["matchup"]["id"]}, {"winner", body}}.dump();
  }
  Response r = s.handle(make(route[0], route[1], body, admin));
  if (r.status < 200 || r.status > 599) std::abort();
  if (r.content_type == "application/json" && prefero::json::parse(r.body, nullptr, false).is_discarded()) std::abort();
  // A ballot or vote that was accepted must leave results and leaderboards computable.
  if (s.handle(make("GET", "/v1/polls/p/results", "", false)).status >= 500) std::abort();
  if (s.handle(make("GET", "/v1/arenas/a/leaderboard", "", false)).status >= 500) std::abort();
  return 0;
}
