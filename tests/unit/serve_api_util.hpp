#pragma once
// The arena API of `prefero serve` as the process-level tests call it over real HTTP on
// 127.0.0.1 (test_serve_http_client.hpp's Conn): requests, arena creation, matchups, votes, the
// audit export and the leaderboard's vote count. Every call is bounded by the Conn timeout.
#include <nlohmann/json.hpp>

#include <chrono>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "test_serve_http_client.hpp"

namespace prefero_test {

using Json = nlohmann::json;

// One request on an open connection; an incomplete answer (connection lost) has ok = false.
inline Reply exchange(Conn& c, const std::string& method, const std::string& path, const std::string& body = "",
                      const std::string& token = "", const std::string& idempotency_key = "") {
  std::string req = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  if (!token.empty()) req += "Authorization: Bearer " + token + "\r\n";
  if (!idempotency_key.empty()) req += "Idempotency-Key: " + idempotency_key + "\r\n";
  if (!body.empty()) req += "Content-Type: application/json\r\n";
  req += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  if (!c.send(req)) return Reply{};
  return c.read();
}

// One request on a new connection.
inline Reply call(uint16_t port, const std::string& method, const std::string& path, const std::string& body = "",
                  const std::string& token = "", const std::string& idempotency_key = "") {
  Conn c(port, 20000);
  if (!c.connected()) return Reply{};
  return exchange(c, method, path, body, token, idempotency_key);
}

// An arena with `models` models m0.. and `items` items, each answered by every model; k = 2,
// anonymous voting, Bradley-Terry leaderboard.
inline Json arena_spec(const std::string& id, int models, int items) {
  Json a = {{"id", id}, {"name", "process test " + id}, {"k", 2}, {"voting", "anonymous"}, {"model", "bradley_terry"}};
  a["candidates"] = Json::array();
  for (int m = 0; m < models; ++m) a["candidates"].push_back({{"id", "m" + std::to_string(m)}});
  a["items"] = Json::array();
  for (int i = 0; i < items; ++i) {
    Json outputs = Json::object();
    for (int m = 0; m < models; ++m)
      outputs["m" + std::to_string(m)] = {{"text", "answer " + std::to_string(m) + " to question " + std::to_string(i)}};
    a["items"].push_back({{"id", "q" + std::to_string(i)}, {"prompt", "question " + std::to_string(i)}, {"outputs", outputs}});
  }
  return a;
}

// The winner names the audit and the vote answer use for a posted "A" | "B" | "tie" | "bothbad".
inline std::string outcome_of(const std::string& posted) {
  if (posted == "A") return "model_a";
  if (posted == "B") return "model_b";
  if (posted == "tie") return "tie";
  return "tie (bothbad)";
}

// The audit export (admin): one JSON object per line; `ok` false when the request failed.
inline std::vector<Json> audit_lines(uint16_t port, const std::string& arena, const std::string& token, bool& ok,
                                     std::string* raw = nullptr) {
  std::vector<Json> lines;
  Reply r = call(port, "GET", "/v1/arenas/" + arena + "/audit", "", token);
  ok = r.ok && r.status == 200;
  if (!ok) return lines;
  if (raw) *raw = r.body;
  size_t start = 0;
  while (start < r.body.size()) {
    size_t end = r.body.find('\n', start);
    if (end == std::string::npos) end = r.body.size();
    if (end > start) lines.push_back(Json::parse(r.body.substr(start, end - start)));
    start = end + 1;
  }
  return lines;
}

// The leaderboard's `votes` (-1 when the request failed).
inline double leaderboard_votes(uint16_t port, const std::string& arena) {
  Reply r = call(port, "GET", "/v1/arenas/" + arena + "/leaderboard");
  if (!r.ok || r.status != 200) return -1;
  return Json::parse(r.body).value("votes", -1.0);
}

// Polls the leaderboard (it is refitted at most once a second, and another process catches up
// within its catch-up interval) until it counts `expected` votes or `ms` pass; the last count.
inline double await_leaderboard_votes(uint16_t port, const std::string& arena, double expected, int ms = 15000) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  double v = leaderboard_votes(port, arena);
  while (v != expected && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    v = leaderboard_votes(port, arena);
  }
  return v;
}

// A unique suffix for arena ids, so tests sharing one PostgreSQL database never meet.
inline std::string unique_suffix() {
  return std::to_string(::getpid()) + "-" +
         std::to_string(std::chrono::steady_clock::now().time_since_epoch().count() % 1000000007);
}

}  // namespace prefero_test
