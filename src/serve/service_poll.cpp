// The poll endpoints of the service and the poll events' apply path.
#include <sstream>

#include "core/error.hpp"
#include "io/write.hpp"
#include "serve/poll.hpp"
#include "serve/service.hpp"
#include "serve/service_sign.hpp"
#include "serve/service_util.hpp"

namespace prefero::serve {

namespace {

ApiError admin_needed(const Request& r) {
  if (r.token().empty()) return ApiError(401, "unauthorized", "this needs the admin token (Authorization: Bearer TOKEN)");
  return ApiError(403, "forbidden", "this needs the admin token");
}

// Open at `t`: not closed by the admin, after opens_at, before closes_at.
bool open_at(const PollState& p, int64_t t) {
  return !p.closed && (p.opens_at == 0 || t >= p.opens_at) && (p.closes_at == 0 || t < p.closes_at);
}

}  // namespace

void Service::apply_poll(const StoredEvent& e, const json& body) {
  const std::string id = e.stream.substr(5);
  if (e.kind == "poll_created") {
    if (polls_.count(id)) return;
    PollState p = poll_from_config(body.at("poll"));
    p.last_seq = e.seq;
    polls_.emplace(id, std::move(p));
    return;
  }
  auto found = polls_.find(id);
  if (found == polls_.end()) return;
  PollState& p = found->second;
  p.last_seq = e.seq;
  if (e.kind == "tokens_issued") {
    for (const auto& h : body.at("hashes")) p.token_hashes.insert(h.get<std::string>());
  } else if (e.kind == "poll_closed") {
    p.closed = true;
  } else if (e.kind == "ballot") {
    // The handler refuses these; the same rules here settle races between processes.
    if (!open_at(p, e.time_ms)) return;
    PollBallot b;
    b.seq = e.seq;
    b.time_ms = e.time_ms;
    b.actor = e.actor;
    b.body = body;
    decode_ballot(p, b);
    p.actor_of_seq[e.seq] = e.actor;
    auto prev = p.ballot_of.find(e.actor);
    if (prev == p.ballot_of.end()) {
      p.ballot_of[e.actor] = p.ballots.size();
      p.ballots.push_back(std::move(b));
    } else if (p.replace) {
      p.ballots[prev->second] = std::move(b);
    }
  }
}

Response Service::create_poll(const Request& r) {
  if (!is_admin(r)) throw admin_needed(r);
  json config = normalize_poll(parse_body(r));
  {
    std::shared_lock lock(mu_);
    std::string id = config["id"].get<std::string>();
    if (id.empty()) {
      const std::string base = slug(config["title"].get<std::string>(), "poll");
      id = base;
      for (int i = 2; polls_.count(id); ++i) id = base + "-" + std::to_string(i);
      config["id"] = id;
    } else if (polls_.count(id)) {
      throw ApiError(409, "conflict", "poll '" + id + "' already exists", "id");
    }
  }
  StoredEvent e;
  e.stream = "poll:" + config["id"].get<std::string>();
  e.kind = "poll_created";
  e.actor = "admin";
  e.body = json{{"poll", config}}.dump();
  append(e);
  return json_response(201, json{{"poll", config}});
}

Response Service::list_polls(const Request&) {
  std::shared_lock lock(mu_);
  const int64_t t = now();
  json list = json::array();
  for (const auto& [id, p] : polls_)
    list.push_back({{"id", id}, {"title", p.title}, {"ballot", p.ballot}, {"rule", p.rule}, {"seats", p.seats},
                    {"open", open_at(p, t)}, {"ballots", p.ballots.size()}});
  return json_response(200, json{{"polls", list}});
}

Response Service::get_poll(const Request&, const std::string& id) {
  std::shared_lock lock(mu_);
  const PollState& p = poll_or_404(id);
  json out = p.config;
  out["open"] = open_at(p, now());
  out["closed"] = p.closed;
  out["ballots"] = p.ballots.size();
  out["seq"] = p.last_seq;
  return json_response(200, json{{"poll", out}});
}

Response Service::poll_tokens(const Request& r, const std::string& id) {
  if (!is_admin(r)) throw admin_needed(r);
  const int64_t count = get_int(parse_body(r), "count", "", 1, 1, 10000);
  {
    std::shared_lock lock(mu_);
    poll_or_404(id);
  }
  json tokens = json::array(), hashes = json::array();
  for (int64_t i = 0; i < count; ++i) {
    tokens.push_back(random_token());
    hashes.push_back(sha256_hex(tokens.back().get<std::string>()));
  }
  StoredEvent e;
  e.stream = "poll:" + id;
  e.kind = "tokens_issued";
  e.actor = "admin";
  e.body = json{{"hashes", hashes}}.dump();
  append(e);
  return json_response(201, json{{"tokens", tokens}});
}

PendingWrite Service::post_ballot(const Request& r, const std::string& id) {
  const json b = parse_body(r);
  const std::string key = r.header("idempotency-key");
  StoredEvent e;
  bool replacing = false;
  {
    std::shared_lock lock(mu_);
    const PollState& p = poll_or_404(id);
    if (!key.empty()) {
      auto done = idempotency_.find(idempotency_id("poll:" + id, key));
      if (done != idempotency_.end()) return PendingWrite::at_once(json_response(201, json{{"ballot", {{"seq", done->second}}}}));
    }
    const int64_t t = now();
    if (!open_at(p, t))
      throw ApiError(409, "closed", p.closed || (p.closes_at != 0 && t >= p.closes_at) ? "poll '" + id + "' is closed"
                                                                                       : "poll '" + id + "' is not open yet");
    // Voter: a token of this poll ("token:<hash>"), or the client address where anonymous.
    const std::string token = r.token();
    if (!token.empty() && !is_admin(r)) {
      const std::string h = sha256_hex(token);
      if (!p.token_hashes.count(h)) throw ApiError(401, "unauthorized", "unknown voter token");
      e.actor = "token:" + h.substr(0, 32);
    } else if (p.voting == "token") {
      throw ApiError(401, "unauthorized", "this poll takes ballots with a voter token (Authorization: Bearer TOKEN)");
    } else {
      e.actor = "anon:" + sha256_hex("client\n" + r.client).substr(0, 32);
    }
    if (p.ballot_of.count(e.actor)) {
      if (!p.replace) throw ApiError(409, "conflict", "this voter already cast a ballot and this poll does not allow replacing it");
      replacing = true;
    }
    e.body = normalize_ballot(p, b).dump();
  }
  e.stream = "poll:" + id;
  e.kind = "ballot";
  e.idempotency_key = key;
  return {std::nullopt, std::move(e), [replacing](const AppendResult& res) {
            return json_response(201, json{{"ballot", {{"seq", res.seq}, {"replaced", replacing}}}});
          }};
}

Response Service::poll_results(const Request&, const std::string& id) {
  std::shared_lock lock(mu_);
  const PollState& p = poll_or_404(id);
  // Counted at most once per poll seq (a rule such as Kemeny–Young may take a while).
  const std::string key = "poll\n" + id;
  json out;
  {
    std::lock_guard c(cache_mu_);
    auto hit = cache_.find(key);
    if (hit != cache_.end() && hit->second.seq == p.last_seq) out = json::parse(*hit->second.body);
  }
  if (out.is_null()) {
    out = serve::poll_results(p);
    out["seq"] = p.last_seq;
    std::lock_guard c(cache_mu_);
    if (cache_.size() >= 256) cache_.clear();
    cache_[key] = CachedBoard{nullptr, p.last_seq, now(), now(), std::make_shared<const std::string>(dump_json(out))};  // no query: the refresher leaves it
  }
  out["open"] = open_at(p, now());
  return json_response(200, out);
}

Response Service::poll_preflib(const Request&, const std::string& id) {
  std::shared_lock lock(mu_);
  const PollState& p = poll_or_404(id);
  Profile profile = poll_profile(p, true);
  profile.metadata.push_back({"TITLE", p.title});
  std::ostringstream os;
  write_preflib(profile, os);
  Response resp;
  resp.content_type = "text/plain; charset=utf-8";
  resp.headers["Content-Disposition"] =
      "attachment; filename=\"" + id + "." + (p.ballot == "approval" ? "cat" : preflib_data_type(profile)) + "\"";
  resp.body = os.str();
  return resp;
}

Response Service::close_poll(const Request& r, const std::string& id) {
  if (!is_admin(r)) throw admin_needed(r);
  {
    std::shared_lock lock(mu_);
    if (poll_or_404(id).closed) throw ApiError(409, "closed", "poll '" + id + "' is already closed");
  }
  StoredEvent e;
  e.stream = "poll:" + id;
  e.kind = "poll_closed";
  e.actor = "admin";
  e.body = "{}";
  append(e);
  return json_response(200, json{{"poll", {{"id", id}, {"closed", true}}}});
}

}  // namespace prefero::serve
