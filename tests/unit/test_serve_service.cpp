// The service logic of `prefero serve` through Service::handle with hand-built requests (no
// HTTP): arenas, polls, idempotency, errors, abuse defences. Expected values are counted in the
// test from the votes it casts (or worked by hand), never read back from the code under test.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>
#include <thread>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include "committee/committee.hpp"
#include "committee/run_committee.hpp"
#include "io/read.hpp"
#include "rate/comparisons.hpp"
#include "rate/seeded_rng.hpp"
#include "registry/registry.hpp"
#include "serve/service.hpp"
#include "serve_arena_fixture.hpp"
#include "serve/service_util.hpp"

namespace prefero::serve {
namespace {

const std::string kAdmin = "admin-secret";

struct Api {
  std::unique_ptr<VoteStore> store = make_memory_store();
  int64_t clock = 1780000000000;  // 2026-05-28
  std::unique_ptr<Service> svc;
  Api() { svc = make(); }
  std::unique_ptr<Service> make() {
    ServiceOptions o;
    o.admin_token = kAdmin;
    o.clock = [this] { return clock; };
    o.seed = 7;
    o.leaderboard_refresh_ms = 0;  // every vote shows at once (the default refits in a background thread once a second)
    o.catch_up_ms = 0;             // every request sees another service's votes at once
    return std::make_unique<Service>(*store, o);
  }
  Response call(const std::string& method, const std::string& path, const std::string& body = "",
                const std::string& token = "", const std::string& client = "10.0.0.1",
                const std::map<std::string, std::string>& query = {}, const std::map<std::string, std::string>& headers = {}) {
    Request r;
    r.method = method;
    r.path = path;
    r.body = body;
    r.client = client;
    r.query = query;
    r.headers = headers;
    if (!token.empty()) r.headers["authorization"] = "Bearer " + token;
    return svc->handle(r);
  }
  json ok(int status, const std::string& method, const std::string& path, const json& body = nullptr,
          const std::string& token = "", const std::string& client = "10.0.0.1",
          const std::map<std::string, std::string>& query = {}) {
    Response r = call(method, path, body.is_null() ? "" : body.dump(), token, client, query);
    EXPECT_EQ(r.status, status) << method << " " << path << ": " << r.body;
    return r.content_type == "application/json" ? json::parse(r.body) : json(r.body);
  }
};

struct ErrorShape {
  int status;
  std::string code, field;
};
ErrorShape error_of(const Response& r) {
  json j = json::parse(r.body);
  return {r.status, j["error"]["code"].get<std::string>(), j["error"]["field"].is_null() ? "" : j["error"]["field"].get<std::string>()};
}

using test::arena_body;
using test::model_of_output;

struct Tally {
  std::vector<std::tuple<int, int, Outcome>> battles;  // (model a, model b, outcome) in cast order
};

// One voter's vote: next, then the winner `choose` picks from the two model indices.
template <class Choose>
json cast(Api& api, const std::string& arena, const std::string& client, Choose choose, Tally* tally,
          int expect = 201) {
  json next = api.ok(200, "GET", "/v1/arenas/" + arena + "/next", nullptr, "", client);
  const json& outs = next["matchup"]["outputs"];
  const int a = model_of_output(outs[0]), b = model_of_output(outs[1]);
  const std::string w = choose(a, b);
  json v = api.ok(expect, "POST", "/v1/arenas/" + arena + "/votes",
                  {{"matchup", next["matchup"]["id"]}, {"winner", w}}, "", client);
  if (expect == 201 && tally) {
    EXPECT_EQ(v["vote"]["models"][0], "m" + std::to_string(a));  // models revealed after the vote
    EXPECT_EQ(v["vote"]["models"][1], "m" + std::to_string(b));
    tally->battles.emplace_back(a, b, w == "A" ? Outcome::a_wins : w == "B" ? Outcome::b_wins
                                      : w == "tie" ? Outcome::tie : Outcome::tie_bothbad);
  }
  return v;
}

// Winner by hidden Bradley–Terry strengths (natural-log odds).
std::string bt_choice(SeededRng& rng, const std::vector<double>& s, int a, int b) {
  const double p = 1.0 / (1.0 + std::exp(s[static_cast<size_t>(b)] - s[static_cast<size_t>(a)]));
  const double u = rng.uniform();
  if (u < 0.08) return "tie";
  return rng.uniform() < p ? "A" : "B";
}

std::map<std::string, double> ratings_by_name(const json& lb) {
  std::map<std::string, double> out;
  for (const auto& r : lb["ratings"]) out[r["name"].get<std::string>()] = r["rating"].get<double>();
  return out;
}

TEST(ServeService, ArenaVotesMoveTheLeaderboardAsTheRateMethodOnTheSameBattles) {
  Api api;
  api.ok(201, "POST", "/v1/arenas", arena_body("a1", 4, 3), kAdmin);
  json empty = api.ok(200, "GET", "/v1/arenas/a1/leaderboard");
  EXPECT_EQ(empty["votes"], 0);
  EXPECT_TRUE(empty["ratings"].empty());
  SeededRng rng(11, 0);
  const std::vector<double> strength = {1.2, 0.4, 0.0, -0.8};
  Tally tally;
  for (int i = 0; i < 300; ++i)
    cast(api, "a1", "192.168.0." + std::to_string(i % 50), [&](int a, int b) { return bt_choice(rng, strength, a, b); }, &tally);
  json lb = api.ok(200, "GET", "/v1/arenas/a1/leaderboard", nullptr, "", "1.1.1.1", {{"model", "bt"}});
  EXPECT_EQ(lb["model"], "bradley_terry");
  EXPECT_EQ(lb["votes"], 300);
  // The same method on the battles the test counted itself, one row per battle.
  Comparisons c;
  for (int i = 0; i < 4; ++i) c.models.push_back("m" + std::to_string(i));
  std::vector<double> votes(4, 0), wins(16, 0);
  for (auto [a, b, o] : tally.battles) {
    c.pairs.push_back(PairRow{a, b, o, 1.0, -1, -1});
    votes[static_cast<size_t>(a)] += 1;
    votes[static_cast<size_t>(b)] += 1;
    if (o == Outcome::a_wins) wins[static_cast<size_t>(a * 4 + b)] += 1;
    if (o == Outcome::b_wins) wins[static_cast<size_t>(b * 4 + a)] += 1;
  }
  const MethodInfo& bt = require_method("bradley_terry");
  RatingResult direct = bt.rate(c, resolve_params(bt.id, bt.params, {}));
  auto got = ratings_by_name(lb);
  ASSERT_EQ(got.size(), 4u);
  for (const auto& x : direct.ratings)
    EXPECT_NEAR(got["m" + std::to_string(x.model)], x.rating, 1e-6) << "model m" << x.model;
  for (const auto& r : lb["ratings"]) EXPECT_EQ(r["votes"].get<double>(), votes[static_cast<size_t>(std::stoi(r["name"].get<std::string>().substr(1)))]);
  // The strongest hidden model leads.
  EXPECT_EQ(lb["ratings"][0]["name"], "m0");
  // Win-rate matrix: wins / decided battles, counted here.
  const json& wr = lb["win_rate"];
  for (size_t i = 0; i < 4; ++i)
    for (size_t j = 0; j < 4; ++j) {
      const int mi = std::stoi(wr["models"][i].get<std::string>().substr(1)), mj = std::stoi(wr["models"][j].get<std::string>().substr(1));
      const double d = wins[static_cast<size_t>(mi * 4 + mj)] + wins[static_cast<size_t>(mj * 4 + mi)];
      if (i == j || d == 0) EXPECT_TRUE(wr["matrix"][i][j].is_null());
      else EXPECT_NEAR(wr["matrix"][i][j].get<double>(), wins[static_cast<size_t>(mi * 4 + mj)] / d, 1e-12);
    }
  // Replay: a second service on the same store answers the same.
  auto second = api.make();
  api.svc.swap(second);
  json lb2 = api.ok(200, "GET", "/v1/arenas/a1/leaderboard", nullptr, "", "1.1.1.1", {{"model", "bt"}});
  EXPECT_EQ(lb2.dump(), lb.dump());
  // Catch-up: the first service sees a vote the second one appended.
  cast(api, "a1", "9.9.9.9", [](int, int) { return std::string("A"); }, nullptr);
  api.svc.swap(second);
  EXPECT_EQ(api.ok(200, "GET", "/v1/arenas/a1/leaderboard")["votes"], 301);
}

TEST(ServeService, IdempotentRetryCountsOnce) {
  Api api;
  api.ok(201, "POST", "/v1/arenas", arena_body("a1", 3, 1), kAdmin);
  json next = api.ok(200, "GET", "/v1/arenas/a1/next");
  const std::string body = json{{"matchup", next["matchup"]["id"]}, {"winner", "A"}}.dump();
  Response r1 = api.call("POST", "/v1/arenas/a1/votes", body, "", "10.0.0.1", {}, {{"idempotency-key", "k-1"}});
  Response r2 = api.call("POST", "/v1/arenas/a1/votes", body, "", "10.0.0.1", {}, {{"idempotency-key", "k-1"}});
  ASSERT_EQ(r1.status, 201) << r1.body;
  ASSERT_EQ(r2.status, 201) << r2.body;
  EXPECT_EQ(json::parse(r1.body)["vote"]["seq"], json::parse(r2.body)["vote"]["seq"]);
  EXPECT_EQ(api.ok(200, "GET", "/v1/arenas/a1/leaderboard")["votes"], 1);
  // Without the key, the same matchup again is a duplicate vote.
  EXPECT_EQ(error_of(api.call("POST", "/v1/arenas/a1/votes", body)).status, 409);
  // Battles posted by an external app, with a key, twice.
  const std::string battle = json{{"battles", {{{"model_a", "m0"}, {"model_b", "m1"}, {"winner", "model_a"}},
                                               {{"model_a", "m1"}, {"model_b", "m2"}, {"winner", "tie"}}}}}.dump();
  EXPECT_EQ(api.call("POST", "/v1/arenas/a1/battles", battle, kAdmin, "x", {}, {{"idempotency-key", "b"}}).status, 201);
  EXPECT_EQ(api.call("POST", "/v1/arenas/a1/battles", battle, kAdmin, "x", {}, {{"idempotency-key", "b"}}).status, 201);
  EXPECT_EQ(api.ok(200, "GET", "/v1/arenas/a1/leaderboard")["votes"], 3);
}

TEST(ServeService, ErrorsNameTheStatusCodeAndField) {
  Api api;
  EXPECT_EQ(error_of(api.call("POST", "/v1/arenas", arena_body("a1", 3, 1).dump())).code, "unauthorized");
  EXPECT_EQ(error_of(api.call("POST", "/v1/arenas", arena_body("a1", 3, 1).dump(), "wrong")).code, "forbidden");
  EXPECT_EQ(error_of(api.call("GET", "/v1/arenas/nope")).status, 404);
  EXPECT_EQ(error_of(api.call("GET", "/v1/nothing")).code, "not_found");
  json b = arena_body("a1", 3, 1);
  b.erase("name");
  auto e = error_of(api.call("POST", "/v1/arenas", b.dump(), kAdmin));
  EXPECT_EQ(e.status, 400);
  EXPECT_EQ(e.field, "name");
  b = arena_body("a1", 3, 1);
  b["candidates"][2]["id"] = "m0";
  EXPECT_EQ(error_of(api.call("POST", "/v1/arenas", b.dump(), kAdmin)).field, "candidates[2].id");
  b = arena_body("a1", 3, 1);
  b["items"][0]["outputs"]["zz"] = {{"text", "x"}};
  EXPECT_EQ(error_of(api.call("POST", "/v1/arenas", b.dump(), kAdmin)).field, "items[0].outputs.zz");
  b = arena_body("a1", 3, 1);
  b["model"] = "no_such_model";
  EXPECT_EQ(error_of(api.call("POST", "/v1/arenas", b.dump(), kAdmin)).field, "model");
  b = arena_body("a1", 3, 1);
  b["params"] = {{"no_such_param", 1}};
  EXPECT_EQ(error_of(api.call("POST", "/v1/arenas", b.dump(), kAdmin)).field, "params");
  EXPECT_EQ(error_of(api.call("POST", "/v1/arenas", "{not json", kAdmin)).code, "bad_request");
  api.ok(201, "POST", "/v1/arenas", arena_body("a1", 3, 1), kAdmin);
  EXPECT_EQ(error_of(api.call("POST", "/v1/arenas", arena_body("a1", 3, 1).dump(), kAdmin)).status, 409);
  json next = api.ok(200, "GET", "/v1/arenas/a1/next");
  e = error_of(api.call("POST", "/v1/arenas/a1/votes", json{{"matchup", next["matchup"]["id"]}, {"winner", "C"}}.dump()));
  EXPECT_EQ(e.status, 400);
  EXPECT_EQ(e.field, "winner");
  std::string forged = next["matchup"]["id"].get<std::string>();
  forged[2] = forged[2] == '0' ? '1' : '0';
  EXPECT_EQ(error_of(api.call("POST", "/v1/arenas/a1/votes", json{{"matchup", forged}, {"winner", "A"}}.dump())).field,
            "matchup");
  EXPECT_EQ(error_of(api.call("POST", "/v1/arenas/a1/battles", json{{"model_a", "m0"}, {"model_b", "zz"}, {"winner", "tie"}}.dump(), kAdmin)).field,
            "model_b");
  EXPECT_EQ(error_of(api.call("GET", "/v1/arenas/a1/audit")).status, 401);
  EXPECT_EQ(error_of(api.call("GET", "/v1/arenas/a1/leaderboard", "", "", "x", {{"model", "zz"}})).field, "model");
  Request big;
  big.method = "POST";
  big.path = "/v1/arenas";
  big.body = std::string(2 << 20, ' ');
  EXPECT_EQ(error_of(api.svc->handle(big)).code, "payload_too_large");
  // Request text echoed in messages stays valid UTF-8 (the body is JSON whatever the bytes).
  Response bad_path = api.call("GET", "/v1/arenas/\xff\xfe");
  EXPECT_EQ(bad_path.status, 404);
  EXPECT_FALSE(json::parse(bad_path.body, nullptr, false).is_discarded());
  Response bad_query = api.call("GET", "/v1/arenas/a1/leaderboard", "", "", "x", {{"model", "bt\xc3"}});
  EXPECT_EQ(error_of(bad_query).field, "model");
  Response bad_param = api.call("GET", "/v1/arenas/a1/leaderboard", "", "", "x", {{"solver", "\xe2\x82"}});
  EXPECT_EQ(error_of(bad_param).field, "params");
  // Outputs stay hidden from voters.
  EXPECT_FALSE(api.ok(200, "GET", "/v1/arenas/a1")["arena"]["items"][0].contains("outputs"));
  EXPECT_TRUE(api.ok(200, "GET", "/v1/arenas/a1", nullptr, kAdmin)["arena"]["items"][0].contains("outputs"));
}

TEST(ServeService, KwiseArenaTakesRankings) {
  Api api;
  json kb = arena_body("k3", 4, 2, 3, "plackett_luce");
  kb["params"] = {{"prior", 1}};  // consistent rankings: the MLE alone would diverge
  api.ok(201, "POST", "/v1/arenas", kb, kAdmin);
  auto bad = arena_body("k4", 4, 2, 3, "bradley_terry");
  EXPECT_EQ(error_of(api.call("POST", "/v1/arenas", bad.dump(), kAdmin)).field, "model");
  for (int i = 0; i < 30; ++i) {
    json next = api.ok(200, "GET", "/v1/arenas/k3/next", nullptr, "", "c" + std::to_string(i));
    ASSERT_EQ(next["matchup"]["outputs"].size(), 3u);
    // The test ranks by model index (m0 best): independent of the server.
    std::vector<std::pair<int, std::string>> slots;
    for (const auto& o : next["matchup"]["outputs"]) slots.emplace_back(model_of_output(o), o["slot"].get<std::string>());
    std::sort(slots.begin(), slots.end());
    json ranking = json::array();
    for (auto& [m, s] : slots) ranking.push_back({s});
    json v = api.ok(201, "POST", "/v1/arenas/k3/votes", {{"matchup", next["matchup"]["id"]}, {"ranking", ranking}}, "",
                    "c" + std::to_string(i));
    EXPECT_EQ(v["vote"]["ranking"][0][0], "m" + std::to_string(slots[0].first));
  }
  json lb = api.ok(200, "GET", "/v1/arenas/k3/leaderboard");
  EXPECT_EQ(lb["votes"], 30);
  ASSERT_EQ(lb["ratings"].size(), 4u);
  EXPECT_EQ(lb["ratings"][0]["name"], "m0");
  EXPECT_EQ(lb["ratings"][3]["name"], "m3");
}

TEST(ServeService, DailyCapAndSelfIdentifyingVotes) {
  Api api;
  json b = arena_body("a1", 3, 2);
  b["daily_cap"] = 3;
  b["items"][1]["outputs"]["m1"]["text"] = "reply 1-1: as MODEL NUMBER 1, I think the answer is 4.";  // names m1
  api.ok(201, "POST", "/v1/arenas", b, kAdmin);
  int cast_ok = 0, self_id = 0;
  for (int i = 0; i < 3; ++i) {
    json next = api.ok(200, "GET", "/v1/arenas/a1/next");
    json v = api.ok(201, "POST", "/v1/arenas/a1/votes", {{"matchup", next["matchup"]["id"]}, {"winner", "A"}});
    ++cast_ok;
    bool shows_m1_on_q1 = next["matchup"]["item"]["id"] == "q1" &&
                          (model_of_output(next["matchup"]["outputs"][0]) == 1 || model_of_output(next["matchup"]["outputs"][1]) == 1);
    EXPECT_EQ(v["vote"]["flags"] == json::array({"self_identifying"}), shows_m1_on_q1);
    self_id += shows_m1_on_q1;
  }
  json next = api.ok(200, "GET", "/v1/arenas/a1/next");
  Response capped = api.call("POST", "/v1/arenas/a1/votes", json{{"matchup", next["matchup"]["id"]}, {"winner", "A"}}.dump());
  EXPECT_EQ(error_of(capped).code, "too_many_requests");
  EXPECT_EQ(capped.status, 429);
  // Another voter is not capped; the next day this one is not either.
  api.ok(201, "POST", "/v1/arenas/a1/votes", {{"matchup", next["matchup"]["id"]}, {"winner", "A"}}, "", "10.0.0.2");
  api.clock += 86400000;
  api.ok(201, "POST", "/v1/arenas/a1/votes", {{"matchup", next["matchup"]["id"]}, {"winner", "A"}});
  if (next["matchup"]["item"]["id"] == "q1" &&
      (model_of_output(next["matchup"]["outputs"][0]) == 1 || model_of_output(next["matchup"]["outputs"][1]) == 1))
    self_id += 2;  // both votes on that matchup
  EXPECT_EQ(api.ok(200, "GET", "/v1/arenas/a1/leaderboard")["votes"], 5);
  // A planted self-identifying vote, for sure: cast until q1 shows m1.
  bool planted = false;
  for (int i = 0; !planted && i < 200; ++i) {
    json n = api.ok(200, "GET", "/v1/arenas/a1/next", nullptr, "", "7.7.7.7");
    const auto& o = n["matchup"]["outputs"];
    if (n["matchup"]["item"]["id"] != "q1" || (model_of_output(o[0]) != 1 && model_of_output(o[1]) != 1)) continue;
    json v = api.ok(201, "POST", "/v1/arenas/a1/votes", {{"matchup", n["matchup"]["id"]}, {"winner", "B"}}, "", "7.7.7.7");
    EXPECT_EQ(v["vote"]["flags"], json::array({"self_identifying"}));
    planted = true;
    ++self_id;
  }
  ASSERT_TRUE(planted);
  const int total = api.ok(200, "GET", "/v1/arenas/a1/leaderboard")["votes"].get<int>();
  json excl = api.ok(200, "GET", "/v1/arenas/a1/leaderboard", nullptr, "", "x", {{"exclude_flagged", "true"}});
  EXPECT_EQ(excl["votes"].get<int>(), total - self_id);
  // The audit has every vote with actor, time and flags.
  json audit = api.ok(200, "GET", "/v1/arenas/a1/audit", nullptr, kAdmin);
  int lines = 0, flagged = 0;
  std::istringstream in(audit.get<std::string>());
  for (std::string line; std::getline(in, line); ++lines) {
    json l = json::parse(line);
    EXPECT_TRUE(l.contains("actor") && l.contains("time") && l.contains("models"));
    flagged += !l["flags"].empty();
  }
  EXPECT_EQ(lines, total);
  EXPECT_EQ(flagged, self_id);
}

TEST(ServeService, PlantedContrarianAndCliqueAreFlaggedHonestVotersAreNot) {
  Api api;
  json b = arena_body("a1", 5, 2);
  b["abuse"] = {{"cluster_min_shared", 15}};  // of the 20 (item, pair) matchups
  api.ok(201, "POST", "/v1/arenas", b, kAdmin);
  const std::vector<double> strength = {0.9, 0.5, 0.2, -0.2, -0.6};
  SeededRng rng(5, 1);
  std::map<std::string, int> votes_of;
  for (int round = 0; round < 40; ++round)
    for (int v = 0; v < 20; ++v) {
      const std::string who = "10.1.0." + std::to_string(v);
      cast(api, "a1", who, [&](int x, int y) { return bt_choice(rng, strength, x, y); }, nullptr);
      ++votes_of[who];
    }
  // Contrarian: always the weaker model.
  for (int i = 0; i < 40; ++i) {
    cast(api, "a1", "6.6.6.6", [&](int x, int y) { return strength[static_cast<size_t>(x)] < strength[static_cast<size_t>(y)] ? "A" : "B"; }, nullptr);
    ++votes_of["6.6.6.6"];
  }
  // Clique: three voters who vote identically (m2 when shown, else the lower index), 150 votes
  // each, so that they share all 20 (item, pair) matchups.
  for (int i = 0; i < 150; ++i)
    for (int c = 0; c < 3; ++c) {
      const std::string who = "8.8.8." + std::to_string(c);
      cast(api, "a1", who, [](int x, int y) { return x == 2 ? "A" : y == 2 ? "B" : x < y ? "A" : "B"; }, nullptr);
      ++votes_of[who];
    }
  json flags = api.ok(200, "GET", "/v1/arenas/a1/flags", nullptr, kAdmin);
  // Actors are hashes of client addresses: map them back through the audit.
  json audit = api.ok(200, "GET", "/v1/arenas/a1/audit", nullptr, kAdmin);
  std::istringstream in(audit.get<std::string>());
  std::vector<std::string> actor_in_order;
  for (std::string line; std::getline(in, line);) actor_in_order.push_back(json::parse(line)["actor"].get<std::string>());
  // Vote order is known: 40 rounds of 20 honest voters, then 40 contrarian votes, then the clique.
  std::map<std::string, std::string> who_is;  // actor -> role
  for (int v = 0; v < 20; ++v) who_is[actor_in_order[static_cast<size_t>(v)]] = "honest";
  who_is[actor_in_order[800]] = "contrarian";
  for (int c = 0; c < 3; ++c) who_is[actor_in_order[static_cast<size_t>(840 + c)]] = "clique";
  std::map<std::string, std::set<std::string>> reasons_by_role;
  for (const auto& v : flags["voters"])
    for (const auto& r : v["reasons"]) reasons_by_role[who_is.at(v["actor"].get<std::string>())].insert(r.get<std::string>());
  EXPECT_TRUE(reasons_by_role["contrarian"].count("outlier"));
  EXPECT_TRUE(reasons_by_role["clique"].count("cluster"));
  EXPECT_FALSE(reasons_by_role.count("honest")) << flags.dump(1);
  ASSERT_EQ(flags["clusters"].size(), 1u) << flags.dump(1);
  EXPECT_EQ(flags["clusters"][0]["actors"].size(), 3u) << flags.dump(1);
  // The leaderboard without flagged voters counts only the honest votes.
  json excl = api.ok(200, "GET", "/v1/arenas/a1/leaderboard", nullptr, "", "x", {{"exclude_flagged", "true"}});
  EXPECT_EQ(excl["votes"], 800);
  EXPECT_EQ(api.ok(200, "GET", "/v1/arenas/a1/leaderboard")["votes"], 800 + 40 + 450);
}

// ---- polls ---------------------------------------------------------------------------------

json poll_body(const std::string& id, const std::string& ballot, const std::string& rule, int seats = 1) {
  return {{"id", id}, {"title", "Poll " + id}, {"candidates", {"alice", "bob", "carol", "dave"}}, {"ballot", ballot},
          {"rule", rule}, {"seats", seats}};
}

TEST(ServeService, RankingPollResultsEqualTheRuleOnTheSameProfile) {
  Api api;
  api.ok(201, "POST", "/v1/polls", poll_body("p1", "ranking", "borda"), kAdmin);
  // 5 voters: hand-worked Borda (m = 4, unranked candidates share the remaining points is NOT assumed:
  // every ballot here is complete). Points 3/2/1/0.
  const std::vector<std::vector<std::string>> ballots = {
      {"alice", "bob", "carol", "dave"}, {"bob", "carol", "alice", "dave"}, {"bob", "alice", "dave", "carol"},
      {"carol", "bob", "dave", "alice"}, {"alice", "bob", "dave", "carol"}};
  // alice 3+1+2+0+3 = 9, bob 2+3+3+2+2 = 12, carol 1+2+0+3+0 = 6, dave 0+0+1+1+1 = 3 -> bob.
  Candidates cands;
  cands.ids = {1, 2, 3, 4};
  cands.names = {"alice", "bob", "carol", "dave"};
  ProfileBuilder builder(cands, BallotKind::ranking);
  const std::map<std::string, int> idx = {{"alice", 0}, {"bob", 1}, {"carol", 2}, {"dave", 3}};
  for (size_t v = 0; v < ballots.size(); ++v) {
    json rk = json::array();
    std::vector<std::vector<Cand>> tiers;
    for (const auto& n : ballots[v]) {
      rk.push_back({n});
      tiers.push_back({idx.at(n)});
    }
    builder.add_tiers(tiers, 1);
    api.ok(201, "POST", "/v1/polls/p1/ballots", {{"ranking", rk}}, "", "20.0.0." + std::to_string(v));
  }
  json res = api.ok(200, "GET", "/v1/polls/p1/results");
  EXPECT_EQ(res["winners"], json::array({"bob"}));
  EXPECT_EQ(res["ballots"], 5);
  const ElectOutcome direct = run_elect(require_method("borda"), builder.finish(), {});
  EXPECT_EQ(res["explanation"], direct.result.explanation);
  // Anonymous voting: the same address cannot vote twice (replace is off).
  EXPECT_EQ(error_of(api.call("POST", "/v1/polls/p1/ballots", json{{"ranking", {{"dave"}}}}.dump(), "", "20.0.0.1")).status, 409);
  // Bad ballots name the field.
  EXPECT_EQ(error_of(api.call("POST", "/v1/polls/p1/ballots", json{{"ranking", {{"zed"}}}}.dump(), "", "30.0.0.1")).field, "ranking");
  EXPECT_EQ(error_of(api.call("POST", "/v1/polls/p1/ballots", json{{"approve", {"bob"}}}.dump(), "", "30.0.0.1")).field, "ranking");
  // PrefLib download, read back: the same ballots and counts.
  Response pl = api.call("GET", "/v1/polls/p1/ballots.preflib");
  ASSERT_EQ(pl.status, 200);
  const auto path = std::filesystem::temp_directory_path() / ("prefero_serve_test_" + std::to_string(::getpid()) + ".soc");
  std::ofstream(path) << pl.body;
  Profile back = read_profile(path.string());
  std::filesystem::remove(path);
  EXPECT_EQ(back.num_voters, 5);
  std::map<std::vector<int32_t>, int64_t> got;
  for (size_t b = 0; b < back.num_ballots(); ++b) {
    auto l = back.ballot(b);
    got[std::vector<int32_t>(l.begin(), l.end())] += back.counts[b];
  }
  std::map<std::vector<int32_t>, int64_t> want;
  for (const auto& bl : ballots) {
    std::vector<int32_t> levels(4);
    for (size_t r = 0; r < bl.size(); ++r) levels[static_cast<size_t>(idx.at(bl[r]))] = static_cast<int32_t>(r);
    want[levels] += 1;
  }
  EXPECT_EQ(got, want);
  EXPECT_EQ(back.name(1), "bob");
}

TEST(ServeService, PollRulesAreValidatedAgainstBallotType) {
  Api api;
  EXPECT_EQ(error_of(api.call("POST", "/v1/polls", poll_body("x", "approval", "borda").dump(), kAdmin)).field, "rule");
  EXPECT_EQ(error_of(api.call("POST", "/v1/polls", poll_body("x", "ranking", "bradley_terry").dump(), kAdmin)).field, "rule");
  EXPECT_EQ(error_of(api.call("POST", "/v1/polls", poll_body("x", "ranking", "nope").dump(), kAdmin)).field, "rule");
  EXPECT_EQ(error_of(api.call("POST", "/v1/polls", poll_body("x", "ranking", "borda", 2).dump(), kAdmin)).field, "seats");
  EXPECT_EQ(error_of(api.call("POST", "/v1/polls", poll_body("x", "approval", "pav", 9).dump(), kAdmin)).field, "seats");
  json b = poll_body("x", "ranking", "borda");
  b["closes_at"] = "yesterday";
  EXPECT_EQ(error_of(api.call("POST", "/v1/polls", b.dump(), kAdmin)).field, "closes_at");
}

TEST(ServeService, TokenPollOneBallotPerTokenReplaceAndCommittee) {
  Api api;
  json b = poll_body("p2", "approval", "pav", 2);
  b["voting"] = "token";
  b["replace"] = true;
  api.ok(201, "POST", "/v1/polls", b, kAdmin);
  json toks = api.ok(201, "POST", "/v1/polls/p2/tokens", {{"count", 4}}, kAdmin)["tokens"];
  ASSERT_EQ(toks.size(), 4u);
  EXPECT_EQ(error_of(api.call("POST", "/v1/polls/p2/ballots", json{{"approve", {"alice"}}}.dump())).code, "unauthorized");
  EXPECT_EQ(error_of(api.call("POST", "/v1/polls/p2/ballots", json{{"approve", {"alice"}}}.dump(), "forged")).code, "unauthorized");
  // Approvals: t0 {alice, bob}, t1 {alice, bob}, t2 {carol}, t3 first {alice} then replaced by {carol, dave}.
  api.ok(201, "POST", "/v1/polls/p2/ballots", {{"approve", {"alice", "bob"}}}, toks[0]);
  api.ok(201, "POST", "/v1/polls/p2/ballots", {{"approve", {"alice", "bob"}}}, toks[1]);
  api.ok(201, "POST", "/v1/polls/p2/ballots", {{"approve", {"carol"}}}, toks[2]);
  api.ok(201, "POST", "/v1/polls/p2/ballots", {{"approve", {"alice"}}}, toks[3]);
  // Before the replacement, by hand: {alice,bob} 1.5+1.5+0+1 = 4, {alice,carol} 1+1+1+1 = 4,
  // {bob,carol} 1+1+1+0 = 3 -> tied {alice,bob}, {alice,carol}: alice in both.
  EXPECT_EQ(api.ok(200, "GET", "/v1/polls/p2/results")["winners"], json::array({"alice"}));
  json rep = api.ok(201, "POST", "/v1/polls/p2/ballots", {{"approve", {"carol", "dave"}}}, toks[3]);
  EXPECT_EQ(rep["ballot"]["replaced"], true);
  json res = api.ok(200, "GET", "/v1/polls/p2/results");
  EXPECT_EQ(res["ballots"], 4);
  // PAV by hand (brute force over the 6 committees of size 2): weights 1, 1/2.
  //   {alice,carol}: t0 1 + t1 1 + t2 1 + t3 1 = 4; {alice,bob}: 1.5+1.5 = 3; {bob,carol}: 1+1+1+1 = 4;
  //   {carol,dave}: 0+0+1+1.5 = 2.5; others lower -> tied {alice,carol} and {bob,carol}.
  EXPECT_EQ(res["committees"], json::parse(R"([["alice","carol"],["bob","carol"]])"));
  EXPECT_EQ(res["winners"], json::array({"carol"}));
  EXPECT_EQ(res["tied"], true);
  // PrefLib .cat read back.
  Response pl = api.call("GET", "/v1/polls/p2/ballots.preflib");
  ASSERT_EQ(pl.status, 200) << pl.body;
  const auto path = std::filesystem::temp_directory_path() / ("prefero_serve_test_" + std::to_string(::getpid()) + ".cat");
  std::ofstream(path) << pl.body;
  Profile back = read_profile(path.string());
  std::filesystem::remove(path);
  EXPECT_EQ(back.num_voters, 4);
  const CommitteeOutcome direct = run_committee(require_method("pav"), back, 2, {});
  ASSERT_EQ(direct.result.committees.size(), 2u);
  EXPECT_EQ(direct.result.committees[0], (std::vector<Cand>{0, 2}));
}

TEST(ServeService, ClosedPollsRefuseBallots) {
  Api api;
  json b = poll_body("p3", "ranking", "borda");
  b["opens_at"] = api.clock + 60000;
  b["closes_at"] = "2026-05-29T12:00:00Z";  // 1780056000000 (python datetime)
  api.ok(201, "POST", "/v1/polls", b, kAdmin);
  const std::string ballot = json{{"ranking", {{"alice"}, {"bob"}}}}.dump();
  EXPECT_EQ(error_of(api.call("POST", "/v1/polls/p3/ballots", ballot)).code, "closed");
  api.clock += 120000;
  EXPECT_EQ(api.call("POST", "/v1/polls/p3/ballots", ballot).status, 201);
  api.clock = 1780056000000 - 1;
  EXPECT_EQ(api.call("POST", "/v1/polls/p3/ballots", ballot, "", "5.5.5.5").status, 201);
  api.clock = 1780056000000;
  auto e = error_of(api.call("POST", "/v1/polls/p3/ballots", ballot, "", "1.2.3.4"));
  EXPECT_EQ(e.status, 409);
  EXPECT_EQ(e.code, "closed");
  api.ok(201, "POST", "/v1/polls", poll_body("p4", "ranking", "borda"), kAdmin);
  EXPECT_EQ(error_of(api.call("POST", "/v1/polls/p4/close", "", "")).status, 401);
  api.ok(200, "POST", "/v1/polls/p4/close", nullptr, kAdmin);
  EXPECT_EQ(error_of(api.call("POST", "/v1/polls/p4/ballots", ballot)).code, "closed");
  EXPECT_EQ(api.ok(200, "GET", "/v1/polls/p4")["poll"]["open"], false);
}

TEST(ServeService, ConcurrentVotersCountEveryVoteOnceAndReplayAgrees) {
  Api api;
  api.ok(201, "POST", "/v1/arenas", arena_body("a1", 4, 2), kAdmin);
  // Four threads vote through one service; a fifth thread reads the leaderboard meanwhile.
  std::vector<std::thread> threads;
  std::vector<int> failures(5, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        Request n;
        n.method = "GET";
        n.path = "/v1/arenas/a1/next";
        n.client = "t" + std::to_string(t);
        Response next = api.svc->handle(n);
        Request v = n;
        v.method = "POST";
        v.path = "/v1/arenas/a1/votes";
        v.body = json{{"matchup", json::parse(next.body)["matchup"]["id"]}, {"winner", i % 3 ? "A" : "tie"}}.dump();
        v.headers["idempotency-key"] = "t" + std::to_string(t) + "-" + std::to_string(i);
        failures[static_cast<size_t>(t)] += api.svc->handle(v).status != 201;
        failures[static_cast<size_t>(t)] += api.svc->handle(v).status != 201;  // a retry
      }
    });
  threads.emplace_back([&] {
    for (int i = 0; i < 20; ++i) {
      Request l;
      l.method = "GET";
      l.path = "/v1/arenas/a1/leaderboard";
      failures[4] += api.svc->handle(l).status != 200;
    }
  });
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures, std::vector<int>(5, 0));
  json lb = api.ok(200, "GET", "/v1/arenas/a1/leaderboard");
  EXPECT_EQ(lb["votes"], 200);
  auto second = api.make();
  api.svc.swap(second);
  EXPECT_EQ(api.ok(200, "GET", "/v1/arenas/a1/leaderboard").dump(), lb.dump());
}

TEST(ServeService, TokenArenaNeedsAVoterToken) {
  Api api;
  json b = arena_body("a1", 3, 1);
  b["voting"] = "token";
  api.ok(201, "POST", "/v1/arenas", b, kAdmin);
  EXPECT_EQ(error_of(api.call("GET", "/v1/arenas/a1/next")).code, "unauthorized");
  json toks = api.ok(201, "POST", "/v1/arenas/a1/tokens", {{"count", 2}}, kAdmin)["tokens"];
  json next = api.ok(200, "GET", "/v1/arenas/a1/next", nullptr, toks[0]);
  const json vote = {{"matchup", next["matchup"]["id"]}, {"winner", "B"}};
  EXPECT_EQ(error_of(api.call("POST", "/v1/arenas/a1/votes", vote.dump())).code, "unauthorized");
  EXPECT_EQ(error_of(api.call("POST", "/v1/arenas/a1/votes", vote.dump(), "guess")).code, "unauthorized");
  api.ok(201, "POST", "/v1/arenas/a1/votes", vote, toks[0], "1.1.1.1");
  // The same token from another address is the same voter: a duplicate.
  EXPECT_EQ(error_of(api.call("POST", "/v1/arenas/a1/votes", vote.dump(), toks[0], "2.2.2.2")).status, 409);
  api.ok(201, "POST", "/v1/arenas/a1/votes", vote, toks[1], "1.1.1.1");
  EXPECT_EQ(api.ok(200, "GET", "/v1/arenas/a1/leaderboard")["votes"], 2);
}

TEST(ServeService, ScorePollCountsGradesAndDownloadsTheirOrder) {
  Api api;
  json b = poll_body("s1", "score", "score");
  b["max_score"] = 5;
  api.ok(201, "POST", "/v1/polls", b, kAdmin);
  EXPECT_EQ(error_of(api.call("POST", "/v1/polls/s1/ballots", json{{"scores", {{"alice", 6}}}}.dump())).field, "scores.alice");
  // Sums by hand: alice 5+1+2 = 8, bob 3+4+4 = 11, carol 0+5+0 = 5, dave ungraded by one voter: 1+1 = 2.
  api.ok(201, "POST", "/v1/polls/s1/ballots", {{"scores", {{"alice", 5}, {"bob", 3}, {"carol", 0}, {"dave", 1}}}}, "", "1");
  api.ok(201, "POST", "/v1/polls/s1/ballots", {{"scores", {{"alice", 1}, {"bob", 4}, {"carol", 5}}}}, "", "2");
  api.ok(201, "POST", "/v1/polls/s1/ballots", {{"scores", {{"alice", 2}, {"bob", 4}, {"carol", 0}, {"dave", 1}}}}, "", "3");
  json res = api.ok(200, "GET", "/v1/polls/s1/results");
  EXPECT_EQ(res["winners"], json::array({"bob"}));
  Response pl = api.call("GET", "/v1/polls/s1/ballots.preflib");
  ASSERT_EQ(pl.status, 200) << pl.body;
  // Induced orders: no equal grades, voter 2 leaves dave out, so the file is soi.
  EXPECT_NE(pl.body.find("# DATA TYPE: soi"), std::string::npos) << pl.body;
  EXPECT_NE(pl.body.find("# NUMBER VOTERS: 3"), std::string::npos) << pl.body;
  EXPECT_NE(pl.body.find("1: 1,2,4,3"), std::string::npos) << pl.body;  // alice > bob > dave > carol
  EXPECT_NE(pl.body.find("1: 3,2,1"), std::string::npos) << pl.body;    // carol > bob > alice
  EXPECT_NE(pl.body.find("1: 2,1,4,3"), std::string::npos) << pl.body;  // bob > alice > dave > carol
}

TEST(ServeService, ItemsAddedLaterAndBootstrapIntervals) {
  Api api;
  json b = arena_body("a1", 3, 0);
  api.ok(201, "POST", "/v1/arenas", b, kAdmin);
  EXPECT_EQ(error_of(api.call("GET", "/v1/arenas/a1/next")).status, 409);  // no item yet
  json items = arena_body("x", 3, 2)["items"];
  EXPECT_EQ(api.ok(201, "POST", "/v1/arenas/a1/items", {{"items", items}}, kAdmin)["items"], 2);
  EXPECT_EQ(error_of(api.call("POST", "/v1/arenas/a1/items", json{{"items", items}}.dump(), kAdmin)).field, "items[0].id");
  SeededRng rng(3, 3);
  const std::vector<double> strength = {0.5, 0.0, -0.5};
  for (int i = 0; i < 120; ++i)
    cast(api, "a1", "v" + std::to_string(i), [&](int x, int y) { return bt_choice(rng, strength, x, y); }, nullptr);
  json lb = api.ok(200, "GET", "/v1/arenas/a1/leaderboard", nullptr, "", "x", {{"bootstrap", "50"}});
  ASSERT_EQ(lb["ratings"].size(), 3u);
  for (const auto& r : lb["ratings"]) {
    EXPECT_LT(r["ci_low"].get<double>(), r["ci_high"].get<double>());
    EXPECT_GE(r["rank_ub"].get<int>(), 1);
  }
  EXPECT_EQ(error_of(api.call("GET", "/v1/arenas/a1/leaderboard", "", "", "x", {{"bootstrap", "many"}})).field, "params");
}

TEST(ServeService, PollTimesAreIso8601OrMilliseconds) {
  // Expected values from Python's datetime (UTC).
  EXPECT_EQ(parse_time_ms(json("2026-05-29T12:00:00Z"), "t"), 1780056000000);
  EXPECT_EQ(parse_time_ms(json("2026-05-29T12:00Z"), "t"), 1780056000000);
  EXPECT_EQ(parse_time_ms(json("2026-05-29T14:00:00+02:00"), "t"), 1780056000000);
  EXPECT_EQ(parse_time_ms(json("2026-05-29T12:00:00.250Z"), "t"), 1780056000250);
  EXPECT_EQ(parse_time_ms(json("2000-02-29T23:59:59Z"), "t"), 951868799000);
  EXPECT_EQ(parse_time_ms(json("1969-12-31T00:00Z"), "t"), -86400000);
  EXPECT_EQ(parse_time_ms(json(1780056000000), "t"), 1780056000000);
  for (const char* bad : {"2026-13-01T00:00Z", "2026-05-29", "2026-05-29T12:00:00Zjunk", "2026-05-29T25:00Z"}) {
    try {
      parse_time_ms(json(bad), "closes_at");
      ADD_FAILURE() << bad;
    } catch (const ApiError& e) {
      EXPECT_EQ(e.field, "closes_at");
    }
  }
}

TEST(ServeService, HealthAndOpenApi) {
  Api api;
  EXPECT_EQ(api.ok(200, "GET", "/v1/health"), json({{"status", "ok"}}));
  api.ok(201, "POST", "/v1/polls", poll_body("p", "ranking", "borda"), kAdmin);
  json verbose = api.ok(200, "GET", "/v1/health", nullptr, "", "x", {{"verbose", "true"}});
  EXPECT_EQ(verbose["polls"], 1);
  EXPECT_EQ(verbose["seq"], 1);
  json doc = api.ok(200, "GET", "/v1/openapi.json");
  EXPECT_EQ(doc["openapi"], "3.1.0");
  for (const char* p : {"/v1/arenas", "/v1/arenas/{id}", "/v1/arenas/{id}/items", "/v1/arenas/{id}/next",
                        "/v1/arenas/{id}/votes", "/v1/arenas/{id}/battles", "/v1/arenas/{id}/leaderboard",
                        "/v1/arenas/{id}/audit", "/v1/arenas/{id}/flags", "/v1/polls", "/v1/polls/{id}",
                        "/v1/polls/{id}/tokens", "/v1/polls/{id}/ballots", "/v1/polls/{id}/results",
                        "/v1/polls/{id}/ballots.preflib", "/v1/polls/{id}/close", "/v1/health", "/v1/openapi.json"})
    EXPECT_TRUE(doc["paths"].contains(p)) << p;
}

}  // namespace
}  // namespace prefero::serve
