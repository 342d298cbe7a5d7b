// The arena endpoints of the service and the arena events' apply path.
#include <cmath>

#include "core/error.hpp"
#include "rate/seeded_rng.hpp"
#include "registry/registry.hpp"
#include "serve/abuse.hpp"
#include "serve/arena.hpp"
#include "serve/service.hpp"
#include "serve/service_sign.hpp"
#include "serve/service_util.hpp"

namespace prefero::serve {

namespace {

constexpr int64_t kDayMs = 86400000;

ApiError admin_error(const Request& r) {
  if (r.token().empty()) return ApiError(401, "unauthorized", "this needs the admin token (Authorization: Bearer TOKEN)");
  return ApiError(403, "forbidden", "this needs the admin token");
}

std::string slot_name(size_t i) { return std::string(1, static_cast<char>('A' + i)); }

// Who is voting: "admin", "token:<hash>" for a voter token of this arena/poll, or
// "anon:<hash of the client address>" where anonymous voting is allowed.
std::string voter_of(const Request& r, bool admin, const std::set<std::string>& token_hashes, const std::string& voting) {
  if (admin) return "admin";
  const std::string token = r.token();
  if (!token.empty()) {
    const std::string h = sha256_hex(token);
    if (!token_hashes.count(h)) throw ApiError(401, "unauthorized", "unknown voter token");
    return "token:" + h.substr(0, 32);
  }
  if (voting == "token") throw ApiError(401, "unauthorized", "voting here needs a voter token (Authorization: Bearer TOKEN)");
  return "anon:" + sha256_hex("client\n" + r.client).substr(0, 32);
}

}  // namespace

// ---- apply -------------------------------------------------------------------------------

void Service::apply_arena(const StoredEvent& e, const json& body) {
  const std::string id = e.stream.substr(6);
  if (e.kind == "arena_created") {
    if (arenas_.count(id)) return;  // a concurrent create lost the race
    ArenaState a = arena_from_config(body.at("arena"));
    for (const auto& item : body.value("items", json::array())) add_item(a, item);
    a.last_seq = e.seq;
    arenas_.emplace(id, std::move(a));
    return;
  }
  auto found = arenas_.find(id);
  if (found == arenas_.end()) return;
  ArenaState& a = found->second;
  a.last_seq = e.seq;
  if (e.kind == "items_added") {
    for (const auto& item : body.at("items")) add_item(a, item);
  } else if (e.kind == "tokens_issued") {
    for (const auto& h : body.at("hashes")) a.token_hashes.insert(h.get<std::string>());
  } else if (e.kind == "vote") {
    ArenaVote v;
    v.seq = e.seq;
    v.time_ms = e.time_ms;
    v.actor = intern_actor(a, e.actor);
    const std::string matchup = body.value("matchup", "");
    v.item = a.item_index.at(body.at("item").get<std::string>());
    std::vector<int> models;
    for (const auto& m : body.at("models")) models.push_back(a.cand_index.at(m.get<std::string>()));
    KwiseVote kw;
    if (body.contains("ranking")) {
      for (const auto& tier : body["ranking"]) {
        kw.ranking.emplace_back();
        for (const auto& m : tier) kw.ranking.back().push_back(a.cand_index.at(m.get<std::string>()));
      }
      if (kw.ranking.empty()) return;
      kw.models = models;
    } else if (models.size() != 2 || !outcome_from(body.at("winner").get<std::string>(), v.outcome)) {
      return;
    } else {
      v.a = models[0];
      v.b = models[1];
    }
    // Self-identifying: a shown output names a shown candidate (arena.md §11).
    std::vector<std::string> texts, needles;
    const ArenaItem& item = a.items[static_cast<size_t>(v.item)];
    for (int m : models) {
      auto o = item.outputs.find(m);
      if (o != item.outputs.end() && o->second.contains("text")) texts.push_back(o->second["text"].get<std::string>());
      needles.push_back(a.cand_ids[static_cast<size_t>(m)]);
      needles.push_back(a.cand_names[static_cast<size_t>(m)]);
    }
    if (self_identifying(texts, needles)) v.flags |= kSelfIdentifying;
    // Duplicates and votes over the daily cap are kept for the audit but never counted
    // (the handler refuses them; these rules settle races between processes the same way).
    const auto key = matchup_key(matchup);
    if (!matchup.empty() && !a.voted_matchups.insert({v.actor, key.first, key.second})) {
      v.flags |= kDuplicate;
      v.counted = false;
    }
    auto& today = a.per_day[{v.actor, e.time_ms / kDayMs}];
    if (v.counted && a.daily_cap > 0 && today >= a.daily_cap) {
      v.flags |= kOverCap;
      v.counted = false;
    }
    if (!kw.ranking.empty()) {
      v.kwise = static_cast<int32_t>(a.kwise.size());
      a.kwise.push_back(std::move(kw));
    }
    if (v.counted) {
      ++today;
      count_vote(a, v);
    }
    a.votes.push_back(v);
  } else if (e.kind == "battle") {
    const int32_t actor = intern_actor(a, e.actor);
    for (const auto& b : body.at("battles")) {
      ArenaVote v;
      v.seq = e.seq;
      v.time_ms = e.time_ms;
      v.actor = actor;
      v.battle = true;
      v.a = a.cand_index.at(b.at("model_a").get<std::string>());
      v.b = a.cand_index.at(b.at("model_b").get<std::string>());
      if (!outcome_from(b.at("winner").get<std::string>(), v.outcome)) continue;
      count_vote(a, v);
      a.votes.push_back(v);
    }
  }
}

// ---- handlers ----------------------------------------------------------------------------

Response Service::create_arena(const Request& r) {
  if (!is_admin(r)) throw admin_error(r);
  const json b = parse_body(r);
  std::vector<json> items;
  json config = normalize_arena(b, items);
  StoredEvent e;
  {
    std::shared_lock lock(mu_);
    std::string id = config["id"].get<std::string>();
    if (id.empty()) {
      const std::string base = slug(config["name"].get<std::string>(), "arena");
      id = base;
      for (int i = 2; arenas_.count(id); ++i) id = base + "-" + std::to_string(i);
      config["id"] = id;
    } else if (arenas_.count(id)) {
      throw ApiError(409, "conflict", "arena '" + id + "' already exists", "id");
    }
  }
  const std::string id = config["id"].get<std::string>();
  e.stream = "arena:" + id;
  e.kind = "arena_created";
  e.actor = "admin";
  e.body = json{{"arena", config}, {"items", items}}.dump();
  append(e);
  return json_response(201, json{{"arena", config}});
}

Response Service::list_arenas(const Request&) {
  std::shared_lock lock(mu_);
  json list = json::array();
  for (const auto& [id, a] : arenas_)
    list.push_back({{"id", id}, {"name", a.name}, {"k", a.k}, {"voting", a.voting}, {"model", a.model},
                    {"candidates", a.cand_ids.size()}, {"items", a.items.size()}, {"votes", a.match.total}});
  return json_response(200, json{{"arenas", list}});
}

Response Service::get_arena(const Request& r, const std::string& id) {
  std::shared_lock lock(mu_);
  const ArenaState& a = arena_or_404(id);
  json out = a.config;
  const bool admin = is_admin(r);
  json items = json::array();
  for (const auto& it : a.items) {
    json j = {{"id", it.id}, {"prompt", it.prompt}};
    if (admin) {  // who wrote which output stays hidden from voters
      j["outputs"] = json::object();
      for (const auto& [c, o] : it.outputs) j["outputs"][a.cand_ids[static_cast<size_t>(c)]] = o;
    }
    items.push_back(j);
  }
  out["items"] = items;
  out["votes"] = a.match.total;
  out["seq"] = a.last_seq;
  return json_response(200, json{{"arena", out}});
}

Response Service::add_items(const Request& r, const std::string& id) {
  if (!is_admin(r)) throw admin_error(r);
  const json b = parse_body(r);
  std::vector<json> items;
  {
    std::shared_lock lock(mu_);
    const ArenaState& a = arena_or_404(id);
    if (!b.contains("items")) throw bad_request("'items' is required", "items");
    items = normalize_items(b["items"], a.cand_ids, a.item_index);
  }
  StoredEvent e;
  e.stream = "arena:" + id;
  e.kind = "items_added";
  e.actor = "admin";
  e.body = json{{"items", items}}.dump();
  append(e);
  std::shared_lock lock(mu_);
  return json_response(201, json{{"added", items.size()}, {"items", arena_or_404(id).items.size()}});
}

Response Service::arena_tokens(const Request& r, const std::string& id) {
  if (!is_admin(r)) throw admin_error(r);
  const json b = parse_body(r);
  const int64_t count = get_int(b, "count", "", 1, 1, 10000);
  {
    std::shared_lock lock(mu_);
    arena_or_404(id);
  }
  json tokens = json::array(), hashes = json::array();
  for (int64_t i = 0; i < count; ++i) {
    const std::string t = random_token();
    tokens.push_back(t);
    hashes.push_back(sha256_hex(t));
  }
  StoredEvent e;
  e.stream = "arena:" + id;
  e.kind = "tokens_issued";
  e.actor = "admin";
  e.body = json{{"hashes", hashes}}.dump();
  append(e);
  return json_response(201, json{{"tokens", tokens}});
}

Response Service::next_matchup(const Request& r, const std::string& id) {
  std::shared_lock lock(mu_);
  const ArenaState& a = arena_or_404(id);
  voter_of(r, is_admin(r), a.token_hashes, a.voting);  // 401 for a token arena without a token
  std::vector<size_t> eligible;
  for (size_t i = 0; i < a.items.size(); ++i)
    if (static_cast<int>(a.items[i].outputs.size()) >= a.k) eligible.push_back(i);
  if (eligible.empty())
    throw ApiError(409, "conflict", "arena '" + id + "' has no item with outputs of " + std::to_string(a.k) + " candidates");
  SeededRng rng(opt_.seed, draws_.fetch_add(1));
  const ArenaItem& item = a.items[eligible[rng.below(eligible.size())]];
  // Matchmaking among the candidates with an output for this item.
  std::vector<int> cands;
  for (const auto& [c, o] : item.outputs) cands.push_back(c);
  const size_t n = a.match.num_models, s = cands.size();
  MatchState sub;
  if (s == n) return matchup_answer(id, item, propose_match(match_policy_from(a.policy), a.match, a.k, rng), cands, a, rng);
  sub.num_models = s;
  sub.pair_counts.assign(s * s, 0.0);
  sub.total = a.match.total;
  sub.alpha = a.match.alpha;
  for (size_t i = 0; i < s; ++i) {
    const auto ci = static_cast<size_t>(cands[i]);
    sub.skill.push_back(a.match.skill[ci]);
    if (!a.match.weights.empty()) sub.weights.push_back(a.match.weights[ci]);
    for (size_t j = 0; j < s; ++j) sub.pair_counts[i * s + j] = a.match.pair_counts[ci * n + static_cast<size_t>(cands[j])];
  }
  return matchup_answer(id, item, propose_match(match_policy_from(a.policy), sub, a.k, rng), cands, a, rng);
}

Response Service::matchup_answer(const std::string& id, const ArenaItem& item, const std::vector<int>& picked,
                                 const std::vector<int>& cands, const ArenaState& a, SeededRng& rng) const {
  json models = json::array(), outputs = json::array();
  for (size_t i = 0; i < picked.size(); ++i) {
    const int c = cands[static_cast<size_t>(picked[i])];
    models.push_back(a.cand_ids[static_cast<size_t>(c)]);
    json ordered = {{"slot", slot_name(i)}};
    for (auto it = item.outputs.at(c).begin(); it != item.outputs.at(c).end(); ++it) ordered[it.key()] = it.value();
    outputs.push_back(ordered);
  }
  const std::string payload = json::array({id, item.id, models, std::to_string(rng.next())}).dump();
  // Sealed (authenticated encryption): the voter can neither read the models nor forge an id.
  const std::string matchup = seal(seal_key_, payload);
  return json_response(200, json{{"matchup", {{"id", matchup}, {"arena", id}, {"item", {{"id", item.id}, {"prompt", item.prompt}}}, {"outputs", outputs}}}});
}

// {"vote": {"seq", "models", "winner" | "ranking", "counted", "flags"}}, written directly: it is
// built for every vote on the thread that answers all of them.
std::string Service::vote_answer(const ArenaState& a, int64_t seq) const {
  std::string out = "{\"vote\":{\"seq\":" + std::to_string(seq);
  const ArenaVote* found = find_vote(a, seq);
  if (!found) return out + "}}";
  const ArenaVote& x = *found;
  auto list = [&](const std::vector<int>& models) {
    out.push_back('[');
    for (size_t i = 0; i < models.size(); ++i) {
      if (i) out.push_back(',');
      append_json_string(out, a.cand_ids[static_cast<size_t>(models[i])]);
    }
    out.push_back(']');
  };
  out += ",\"models\":";
  list(shown_models(a, x));
  if (x.kwise < 0) {
    out += ",\"winner\":";
    append_json_string(out, outcome_name(x.outcome));
  } else {
    out += ",\"ranking\":[";
    const auto& ranking = a.kwise[static_cast<size_t>(x.kwise)].ranking;
    for (size_t t = 0; t < ranking.size(); ++t) {
      if (t) out.push_back(',');
      list(ranking[t]);
    }
    out.push_back(']');
  }
  out += x.counted ? ",\"counted\":true,\"flags\":[" : ",\"counted\":false,\"flags\":[";
  const auto flags = vote_flag_names(x.flags);
  for (size_t i = 0; i < flags.size(); ++i) {
    if (i) out.push_back(',');
    append_json_string(out, flags[i]);
  }
  return out + "]}}";
}

PendingWrite Service::post_vote(const Request& r, const std::string& id) {
  const json b = parse_body(r);
  const std::string key = r.header("idempotency-key");
  const std::string matchup = get_string(b, "matchup", "", true);
  // The matchup: seal(payload), payload = [arena, item, [models in slot order], nonce]. Opened
  // before taking the lock (it needs no state), its errors given after the arena's and a retry's.
  std::string payload;
  const bool issued = unseal(seal_key_, matchup, payload);
  const json m = issued ? json::parse(payload, nullptr, false) : json();
  PendingWrite pending;
  StoredEvent& e = pending.event;
  {
    std::shared_lock lock(mu_);
    const ArenaState& a = arena_or_404(id);
    if (!key.empty()) {
      auto done = idempotency_.find(idempotency_id("arena:" + id, key));
      if (done != idempotency_.end()) return PendingWrite::at_once(json_text_response(201, vote_answer(a, done->second)));
    }
    if (!issued)
      throw bad_request("'matchup' is not a matchup this server issued (GET /v1/arenas/" + id + "/next)", "matchup");
    if (!m.is_array() || m.size() != 4 || m[0] != id)
      throw bad_request("'matchup' belongs to another arena", "matchup");
    const std::string item = m[1].get<std::string>();
    if (!a.item_index.count(item)) throw bad_request("'matchup' names an unknown item", "matchup");
    std::vector<std::string> models;
    for (const auto& x : m[2]) {
      if (!a.cand_index.count(x.get<std::string>())) throw bad_request("'matchup' names an unknown model", "matchup");
      models.push_back(x.get<std::string>());
    }
    json event = {{"matchup", matchup}, {"item", item}, {"models", models}};
    const bool has_winner = b.contains("winner"), has_ranking = b.contains("ranking");
    if (has_winner == has_ranking) throw bad_request("give either 'winner' (A|B|tie|bothbad) or 'ranking' (tiers of slots)", has_winner ? "ranking" : "winner");
    if (has_winner) {
      if (models.size() != 2) throw bad_request("this matchup shows " + std::to_string(models.size()) + " outputs: send a 'ranking' of the slots", "winner");
      const std::string w = get_string(b, "winner", "", true);
      Outcome o;
      if ((w != "A" && w != "B" && w != "tie" && w != "bothbad") || !outcome_from(w, o))
        throw bad_request("'winner' must be A, B, tie or bothbad, got '" + w + "'", "winner");
      event["winner"] = outcome_name(o);
    } else {
      const json& rk = b["ranking"];
      if (!rk.is_array() || rk.empty()) throw bad_request("'ranking' must be tiers of slots, e.g. [[\"A\"], [\"B\", \"C\"]]", "ranking");
      std::vector<int> seen(models.size(), 0);
      json tiers = json::array();
      for (const auto& tier : rk) {
        if (!tier.is_array() || tier.empty()) throw bad_request("each tier of 'ranking' must be a non-empty array of slots", "ranking");
        json t = json::array();
        for (const auto& s : tier) {
          const std::string slot = s.is_string() ? s.get<std::string>() : "";
          if (slot.size() != 1 || slot[0] < 'A' || static_cast<size_t>(slot[0] - 'A') >= models.size())
            throw bad_request("'ranking' has an unknown slot " + s.dump() + " (slots A.." + slot_name(models.size() - 1) + ")", "ranking");
          if (seen[static_cast<size_t>(slot[0] - 'A')]++) throw bad_request("slot " + slot + " appears twice in 'ranking'", "ranking");
          t.push_back(models[static_cast<size_t>(slot[0] - 'A')]);
        }
        tiers.push_back(t);
      }
      for (size_t i = 0; i < seen.size(); ++i)
        if (!seen[i]) throw bad_request("'ranking' must place every slot; " + slot_name(i) + " is missing", "ranking");
      if (models.size() == 2) {
        event["winner"] = tiers.size() == 1 ? "tie" : tiers[0][0] == models[0] ? "model_a" : "model_b";
      } else {
        event["ranking"] = tiers;
      }
    }
    e.actor = voter_of(r, is_admin(r), a.token_hashes, a.voting);
    if (a.daily_cap > 0) {
      const int64_t t = now();
      auto used = a.per_day.find({find_actor(a, e.actor), t / kDayMs});
      if (used != a.per_day.end() && used->second >= a.daily_cap) {
        Response resp = safe_error(429, "too_many_requests",
                                       "this voter reached the daily cap of " + std::to_string(a.daily_cap) + " votes");
        resp.headers["Retry-After"] = std::to_string((kDayMs - t % kDayMs + 999) / 1000);
        return PendingWrite::at_once(resp);
      }
    }
    const auto mk = matchup_key(matchup);
    if (a.voted_matchups.count({find_actor(a, e.actor), mk.first, mk.second}))
      throw ApiError(409, "conflict", "this voter already voted on this matchup", "matchup");
    e.body = event.dump();
    pending.body = std::move(event);  // apply uses it instead of parsing e.body again
  }
  e.stream = "arena:" + id;
  e.kind = "vote";
  e.idempotency_key = key;
  pending.answer = [this, id](const AppendResult& res) {
    std::shared_lock lock(mu_);
    return json_text_response(201, vote_answer(arena_or_404(id), res.seq));
  };
  return pending;
}

PendingWrite Service::post_battles(const Request& r, const std::string& id) {
  if (!is_admin(r)) throw admin_error(r);
  const json b = parse_body(r);
  const std::string key = r.header("idempotency-key");
  json list = b.contains("battles") ? b["battles"] : json::array({b});
  if (!list.is_array() || list.empty()) throw bad_request("'battles' must be a non-empty array", "battles");
  const bool batch = b.contains("battles");
  StoredEvent e;
  {
    std::shared_lock lock(mu_);
    const ArenaState& a = arena_or_404(id);
    if (!key.empty()) {
      auto done = idempotency_.find(idempotency_id("arena:" + id, key));
      if (done != idempotency_.end()) return PendingWrite::at_once(json_response(201, json{{"battles", {{"seq", done->second}, {"count", list.size()}}}}));
    }
    json norm = json::array();
    for (size_t i = 0; i < list.size(); ++i) {
      const std::string f = batch ? "battles[" + std::to_string(i) + "]" : "";
      const json& x = list[i];
      if (!x.is_object()) throw bad_request("each battle must be {model_a, model_b, winner}", f);
      const std::string ma = get_string(x, "model_a", f, true), mb = get_string(x, "model_b", f, true);
      const std::string w = get_string(x, "winner", f, true);
      const std::string pf = f.empty() ? "" : f + ".";
      if (!a.cand_index.count(ma)) throw bad_request("'" + ma + "' is not a candidate of this arena", pf + "model_a");
      if (!a.cand_index.count(mb)) throw bad_request("'" + mb + "' is not a candidate of this arena", pf + "model_b");
      if (ma == mb) throw bad_request("a battle needs two different models", pf + "model_b");
      Outcome o;
      if (!outcome_from(w, o)) throw bad_request("'winner' must be model_a, model_b, tie or tie (bothbad), got '" + w + "'", pf + "winner");
      norm.push_back({{"model_a", ma}, {"model_b", mb}, {"winner", outcome_name(o)}});
    }
    e.body = json{{"battles", norm}}.dump();
  }
  e.stream = "arena:" + id;
  e.kind = "battle";
  e.actor = "admin";
  e.idempotency_key = key;
  return {std::nullopt, std::move(e), [count = list.size()](const AppendResult& res) {
            return json_response(201, json{{"battles", {{"seq", res.seq}, {"count", count}}}});
          }};
}

std::set<std::string> Service::flagged_actors(const ArenaState& a) const {
  const json flags = flags_json(a);
  std::set<std::string> out;
  for (const auto& v : flags["voters"]) out.insert(v["actor"].get<std::string>());
  return out;
}

json Service::flags_json(const ArenaState& a) const {
  std::vector<AbuseVote> votes;
  for (const auto& v : a.votes)
    if (v.counted && !v.battle && v.kwise < 0)
      votes.push_back({a.actors[static_cast<size_t>(v.actor)], v.item, v.a, v.b, v.outcome});
  const json& ab = a.config["abuse"];
  OutlierOptions oo;
  oo.alpha = ab["outlier_alpha"].get<double>();
  oo.min_votes = ab["outlier_min_votes"].get<int>();
  oo.max_votes = ab["outlier_max_votes"].get<int>();
  ClusterOptions co;
  co.min_shared = ab["cluster_min_shared"].get<int>();
  co.agreement = ab["cluster_agreement"].get<double>();
  const auto outliers = outlier_test(votes, a.cand_ids.size(), oo);
  const auto clusters = vote_alike_clusters(votes, co);
  std::map<std::string, json> voters;
  for (const auto& [actor, v] : outliers)
    if (v.flagged)
      voters[actor]["outlier"] = {{"votes_checked", v.votes_checked}, {"m_upper", v.m_upper}, {"m_lower", v.m_lower},
                                  {"threshold", 1.0 / oo.alpha}};
  json cl = json::array();
  for (size_t i = 0; i < clusters.size(); ++i) {
    cl.push_back({{"actors", clusters[i].actors}, {"min_agreement", clusters[i].min_agreement}});
    for (const auto& actor : clusters[i].actors) voters[actor]["cluster"] = i;
  }
  json vl = json::array();
  for (auto& [actor, j] : voters) {
    json reasons = json::array();
    if (j.contains("outlier")) reasons.push_back("outlier");
    if (j.contains("cluster")) reasons.push_back("cluster");
    json entry = {{"actor", actor}, {"reasons", reasons}};
    entry.update(j);
    vl.push_back(entry);
  }
  json flagged_votes = json::array();
  for (const auto& v : a.votes)
    if (v.flags != 0)
      flagged_votes.push_back({{"seq", v.seq}, {"actor", a.actors[static_cast<size_t>(v.actor)]}, {"flags", vote_flag_names(v.flags)}});
  return json{{"seq", a.last_seq}, {"voters", vl}, {"clusters", cl}, {"votes", flagged_votes}};
}

Response Service::flags(const Request& r, const std::string& id) {
  if (!is_admin(r)) throw admin_error(r);
  std::shared_lock lock(mu_);
  return json_response(200, flags_json(arena_or_404(id)));
}

Response Service::audit(const Request& r, const std::string& id) {
  if (!is_admin(r)) throw admin_error(r);
  std::shared_lock lock(mu_);
  const ArenaState& a = arena_or_404(id);
  const json fl = flags_json(a);
  std::map<std::string, json> voter_flags;
  for (const auto& v : fl["voters"]) voter_flags[v["actor"].get<std::string>()] = v["reasons"];
  Response resp;
  resp.content_type = "application/x-ndjson";
  for (const auto& v : a.votes) {
    const std::string& actor = a.actors[static_cast<size_t>(v.actor)];
    json line = {{"seq", v.seq}, {"time", v.time_ms}, {"actor", actor}, {"kind", v.battle ? "battle" : "vote"}};
    line["item"] = v.item >= 0 ? json(a.items[static_cast<size_t>(v.item)].id) : json(nullptr);
    json models = json::array();
    for (int m : shown_models(a, v)) models.push_back(a.cand_ids[static_cast<size_t>(m)]);
    line["models"] = models;
    if (v.kwise < 0) {
      line["winner"] = outcome_name(v.outcome);
    } else {
      json rk = json::array();
      for (const auto& t : a.kwise[static_cast<size_t>(v.kwise)].ranking) {
        json tier = json::array();
        for (int m : t) tier.push_back(a.cand_ids[static_cast<size_t>(m)]);
        rk.push_back(tier);
      }
      line["ranking"] = rk;
    }
    line["counted"] = v.counted;
    json f = vote_flag_names(v.flags);
    auto vf = voter_flags.find(actor);
    if (vf != voter_flags.end())
      for (const auto& x : vf->second) f.push_back("voter_" + x.get<std::string>());
    line["flags"] = f;
    resp.body += dump_json(line) + "\n";
  }
  return resp;
}

}  // namespace prefero::serve
