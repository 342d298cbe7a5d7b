// The arena leaderboard of the service: the background refresher and its cache (an injected
// clock makes the refresh rule exact; one test watches the real thread), and the compact vote
// record (every audit line, the win-rate matrix and the vote counts checked against the votes
// the test cast, counted by the test itself).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "rate/comparisons.hpp"
#include "serve/service.hpp"
#include "serve_arena_fixture.hpp"

namespace prefero::serve {
namespace {

const std::string kAdmin = "admin-secret";

struct Api {
  std::unique_ptr<VoteStore> store = make_memory_store();
  std::atomic<int64_t> clock{1780000000000};  // read by the refresher thread too
  std::unique_ptr<Service> svc;
  explicit Api(int64_t refresh_ms, bool real_clock = false) {
    ServiceOptions o;
    o.admin_token = kAdmin;
    if (!real_clock) o.clock = [this] { return clock.load(); };
    o.seed = 11;
    o.leaderboard_refresh_ms = refresh_ms;
    o.catch_up_ms = 0;
    svc = std::make_unique<Service>(*store, o);
  }
  json ok(int status, const std::string& method, const std::string& path, const json& body = nullptr,
          const std::string& token = "", const std::string& client = "10.0.0.1",
          const std::map<std::string, std::string>& query = {}) {
    Request r;
    r.method = method;
    r.path = path;
    r.body = body.is_null() ? "" : body.dump();
    r.client = client;
    r.query = query;
    if (!token.empty()) r.headers["authorization"] = "Bearer " + token;
    Response resp = svc->handle(r);
    EXPECT_EQ(resp.status, status) << method << " " << path << ": " << resp.body;
    return resp.content_type == "application/json" ? json::parse(resp.body) : json(resp.body);
  }
  void battle(const std::string& a, const std::string& b, const std::string& w) {
    ok(201, "POST", "/v1/arenas/a1/battles", {{"model_a", a}, {"model_b", b}, {"winner", w}}, kAdmin);
  }
  json board(const std::map<std::string, std::string>& query = {}) {
    return ok(200, "GET", "/v1/arenas/a1/leaderboard", nullptr, "", "x", query);
  }
};

using test::arena_body;
using test::model_of_output;

// The leaderboard's win-rate matrix of models m0..m3 against the test's own count: wins[x][y] =
// decided votes x won against y; null on the diagonal and for pairs without a decided vote.
void expect_win_rates(const json& lb, const double (&wins)[4][4]) {
  const json& wr = lb["win_rate"];
  ASSERT_EQ(wr["models"].size(), 4u);
  for (size_t i = 0; i < 4; ++i)
    for (size_t j = 0; j < 4; ++j) {
      const int x = std::stoi(wr["models"][i].get<std::string>().substr(1)), y = std::stoi(wr["models"][j].get<std::string>().substr(1));
      const double d = wins[x][y] + wins[y][x];
      if (x == y || d == 0) EXPECT_TRUE(wr["matrix"][i][j].is_null()) << x << " " << y;
      else EXPECT_DOUBLE_EQ(wr["matrix"][i][j].get<double>(), wins[x][y] / d) << x << " " << y;
    }
}

std::vector<json> ndjson(const std::string& body) {
  std::vector<json> out;
  std::istringstream in(body);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(json::parse(line));
  return out;
}

TEST(ServeLeaderboard, RefresherRefitsAtMostOncePerIntervalAndDropsIdleBoards) {
  Api api(1000);
  api.ok(201, "POST", "/v1/arenas", arena_body("a1", 3, 1), kAdmin);
  api.battle("m0", "m1", "tie");
  const int64_t t0 = api.clock.load();
  json first = api.board();  // never asked for: fitted in the request path
  EXPECT_EQ(first["votes"], 1);
  EXPECT_EQ(first["fitted_at"], t0);
  api.battle("m0", "m1", "model_a");
  EXPECT_EQ(api.board()["votes"], 1);  // served from the cache, refitted by the refresher only
  api.clock += 999;
  api.svc->refresh_leaderboards();
  EXPECT_EQ(api.board()["votes"], 1);  // the fit is younger than the interval
  api.clock += 1;
  api.svc->refresh_leaderboards();
  json second = api.board();
  EXPECT_EQ(second["votes"], 2);
  EXPECT_EQ(second["fitted_at"], t0 + 1000);
  EXPECT_EQ(second["seq"], api.ok(200, "GET", "/v1/arenas/a1")["arena"]["seq"]);
  // A leaderboard never asked for (other parameters) is fitted at once.
  api.battle("m1", "m2", "model_b");
  EXPECT_EQ(api.board()["votes"], 2);
  EXPECT_EQ(api.board({{"exclude_flagged", "true"}})["votes"], 3);
  // Nobody asks for either for 10 minutes: both are dropped, so the next request fits again
  // (were they kept, this pass would refit the first at 3 votes and the read below would say 3).
  api.clock += 600000;
  api.svc->refresh_leaderboards();
  api.battle("m2", "m0", "model_a");
  EXPECT_EQ(api.board()["votes"], 4);
}

TEST(ServeLeaderboard, WithoutRefresherEveryVoteShowsAtOnce) {
  Api api(0);
  api.ok(201, "POST", "/v1/arenas", arena_body("a1", 3, 1), kAdmin);
  for (int i = 1; i <= 3; ++i) {
    api.battle("m0", "m2", "model_b");
    EXPECT_EQ(api.board()["votes"], i);
  }
}

TEST(ServeLeaderboard, RefresherThreadCatchesUpOnTheRealClock) {
  Api api(40, true);
  api.ok(201, "POST", "/v1/arenas", arena_body("a1", 3, 1), kAdmin);
  api.battle("m0", "m1", "model_a");
  EXPECT_EQ(api.board()["votes"], 1);
  api.battle("m1", "m2", "model_a");
  api.battle("m2", "m0", "tie");
  // The thread refits within about one interval plus one fit; 10 s bounds the wait on a busy machine.
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  json lb;
  do {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    lb = api.board();
  } while (lb["votes"] != 3 && std::chrono::steady_clock::now() < until);
  EXPECT_EQ(lb["votes"], 3);
  EXPECT_EQ(lb["seq"], api.ok(200, "GET", "/v1/arenas/a1")["arena"]["seq"]);
  api.svc.reset();  // the destructor stops and joins the thread
}

// Every pairwise vote and battle as cast, in order: what the audit must list and the win-rate
// matrix must count (decided ones only, row over column).
struct Cast {
  std::string kind;
  int a, b;
  std::string winner;
};

TEST(ServeLeaderboard, CompactVotesGiveTheAuditAndWinRatesOfTheVotesCast) {
  Api api(0);
  api.ok(201, "POST", "/v1/arenas", arena_body("a1", 4, 2), kAdmin);
  const char* slots[] = {"A", "B", "tie", "bothbad"};
  const char* stored[] = {"model_a", "model_b", "tie", "tie (bothbad)"};
  std::vector<Cast> cast;
  for (int i = 0; i < 40; ++i) {
    const std::string client = "v" + std::to_string(i % 7);
    json next = api.ok(200, "GET", "/v1/arenas/a1/next", nullptr, "", client);
    const int a = model_of_output(next["matchup"]["outputs"][0]), b = model_of_output(next["matchup"]["outputs"][1]);
    const int w = (i * 5 + a) % 4;
    api.ok(201, "POST", "/v1/arenas/a1/votes", {{"matchup", next["matchup"]["id"]}, {"winner", slots[w]}}, "", client);
    cast.push_back({"vote", a, b, stored[w]});
    if (i % 10 == 9) {
      api.battle("m" + std::to_string(b), "m" + std::to_string(a), "model_a");
      cast.push_back({"battle", b, a, "model_a"});
    }
  }
  const auto lines = ndjson(api.ok(200, "GET", "/v1/arenas/a1/audit", nullptr, kAdmin).get<std::string>());
  ASSERT_EQ(lines.size(), cast.size());
  for (size_t i = 0; i < cast.size(); ++i) {
    EXPECT_EQ(lines[i]["kind"], cast[i].kind) << i;
    EXPECT_EQ(lines[i]["models"], json::array({"m" + std::to_string(cast[i].a), "m" + std::to_string(cast[i].b)})) << i;
    EXPECT_EQ(lines[i]["winner"], cast[i].winner) << i;
    EXPECT_EQ(lines[i]["counted"], true) << i;
  }
  // Each counted vote once (not twice) in the arena's count and the leaderboard's.
  EXPECT_EQ(api.ok(200, "GET", "/v1/arenas/a1")["arena"]["votes"], cast.size());
  json lb = api.board();
  EXPECT_EQ(lb["votes"], cast.size());
  double wins[4][4] = {};
  for (const auto& c : cast) {
    if (c.winner == "model_a") wins[c.a][c.b] += 1;
    if (c.winner == "model_b") wins[c.b][c.a] += 1;
  }
  expect_win_rates(lb, wins);
  // A replay of the log (a restart) lists the same audit.
  const std::string before = api.ok(200, "GET", "/v1/arenas/a1/audit", nullptr, kAdmin).get<std::string>();
  ServiceOptions o;
  o.admin_token = kAdmin;
  o.leaderboard_refresh_ms = 0;
  Service again(*api.store, o);
  Request r;
  r.method = "GET";
  r.path = "/v1/arenas/a1/audit";
  r.headers["authorization"] = "Bearer " + kAdmin;
  EXPECT_EQ(again.handle(r).body, before);
}

TEST(ServeLeaderboard, KwiseRankingsKeepTheirTiersAndCountAsTheirPairs) {
  Api api(0);
  json kb = arena_body("a1", 4, 2, 3, "plackett_luce");
  kb["params"] = {{"prior", 1}};
  api.ok(201, "POST", "/v1/arenas", kb, kAdmin);
  double wins[4][4] = {};
  std::vector<json> cast;  // the ranking of each vote, in model ids
  for (int i = 0; i < 24; ++i) {
    const std::string client = "k" + std::to_string(i);
    json next = api.ok(200, "GET", "/v1/arenas/a1/next", nullptr, "", client);
    const json& outs = next["matchup"]["outputs"];
    int m[3];
    for (int s = 0; s < 3; ++s) m[s] = model_of_output(outs[static_cast<size_t>(s)]);
    // Alternately a strict order (C > A > B) and one with a tie ({A, C} > B).
    json ranking, by_model;
    if (i % 2 == 0) {
      ranking = json::array({json::array({"C"}), json::array({"A"}), json::array({"B"})});
      by_model = json::array({json::array({"m" + std::to_string(m[2])}), json::array({"m" + std::to_string(m[0])}),
                              json::array({"m" + std::to_string(m[1])})});
      wins[m[2]][m[0]] += 1;
      wins[m[2]][m[1]] += 1;
      wins[m[0]][m[1]] += 1;
    } else {
      ranking = json::array({json::array({"A", "C"}), json::array({"B"})});
      by_model = json::array({json::array({"m" + std::to_string(m[0]), "m" + std::to_string(m[2])}),
                              json::array({"m" + std::to_string(m[1])})});
      wins[m[0]][m[1]] += 1;
      wins[m[2]][m[1]] += 1;
    }
    api.ok(201, "POST", "/v1/arenas/a1/votes", {{"matchup", next["matchup"]["id"]}, {"ranking", ranking}}, "", client);
    cast.push_back(by_model);
  }
  const auto lines = ndjson(api.ok(200, "GET", "/v1/arenas/a1/audit", nullptr, kAdmin).get<std::string>());
  ASSERT_EQ(lines.size(), cast.size());
  for (size_t i = 0; i < cast.size(); ++i) {
    EXPECT_EQ(lines[i]["ranking"], cast[i]) << i;
    EXPECT_FALSE(lines[i].contains("winner")) << i;
  }
  json lb = api.board();
  EXPECT_EQ(lb["votes"], 24);
  EXPECT_EQ(api.ok(200, "GET", "/v1/arenas/a1")["arena"]["votes"], 24);
  expect_win_rates(lb, wins);
}

std::map<std::string, double> ratings_by_name(const json& lb) {
  std::map<std::string, double> out;
  for (const auto& r : lb["ratings"]) out[r["name"].get<std::string>()] = r["rating"].get<double>();
  return out;
}

TEST(ServeLeaderboard, AnchorShiftsEveryRatingSoTheNamedModelHasTheValue) {
  Api api(0);
  api.ok(201, "POST", "/v1/arenas", arena_body("a1", 3, 1), kAdmin);
  api.battle("m0", "m1", "model_a");
  api.battle("m0", "m1", "model_a");
  api.battle("m1", "m2", "model_a");
  api.battle("m2", "m0", "tie");
  // counting does not anchor itself: the service shifts its scores. By hand (wins + ties / 2):
  // m0 2.5, m1 1, m2 0.5; anchored at m1 = 10, a shift of 9.
  json lb = api.board({{"model", "counting"}, {"anchor", "m1:10"}});
  const auto r = ratings_by_name(lb);
  EXPECT_DOUBLE_EQ(r.at("m0"), 11.5);
  EXPECT_DOUBLE_EQ(r.at("m1"), 10);
  EXPECT_DOUBLE_EQ(r.at("m2"), 9.5);
  EXPECT_EQ(lb["anchor"], json({{"model", "m1"}, {"value", 10.0}}));
  // bradley_terry anchors itself (the parameter goes to the method; NAME=VALUE is accepted too).
  const auto plain = ratings_by_name(api.board({{"l2", "0.1"}}));
  const auto bt = ratings_by_name(api.board({{"l2", "0.1"}, {"anchor", "m2=1114"}}));
  EXPECT_DOUBLE_EQ(bt.at("m2"), 1114);
  EXPECT_NEAR(bt.at("m0") - bt.at("m2"), plain.at("m0") - plain.at("m2"), 1e-9);
  // Bad anchors are 400s naming the field.
  Request bad;
  bad.method = "GET";
  bad.path = "/v1/arenas/a1/leaderboard";
  for (const std::string v : {"m9:1", "m1:ten", "m1", ":5"}) {
    bad.query = {{"anchor", v}};
    Response resp = api.svc->handle(bad);
    EXPECT_EQ(resp.status, 400) << v;
    EXPECT_EQ(json::parse(resp.body)["error"]["field"], "anchor") << v;
  }
}

}  // namespace
}  // namespace prefero::serve
