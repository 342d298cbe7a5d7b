// The service core: replay and catch-up of the event log, the single apply path, routing,
// authentication and the translation of errors into the JSON error shape.
#include "serve/service.hpp"

#include <chrono>
#include <vector>

#include "core/error.hpp"
#include "serve/service_sign.hpp"
#include "serve/service_util.hpp"

namespace prefero::serve {

Service::Service(VoteStore& store, ServiceOptions options) : store_(store), opt_(std::move(options)) {
  hmac_key_ = !opt_.hmac_key.empty() ? opt_.hmac_key : digest_hex("prefero matchup key\n" + opt_.admin_token);
  catch_up();
}

int64_t Service::now() const {
  if (opt_.clock) return opt_.clock();
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool Service::is_admin(const Request& r) const {
  return !opt_.admin_token.empty() && constant_time_equal(r.token(), opt_.admin_token);
}

void Service::catch_up() {
  std::lock_guard one(catch_up_mu_);
  const int64_t seen = last_seen_.load();
  if (store_.last_seq() <= seen) return;
  std::vector<StoredEvent> fresh;
  store_.scan(seen, [&](const StoredEvent& e) { fresh.push_back(e); });
  std::unique_lock lock(mu_);
  for (const auto& e : fresh) {
    if (e.seq <= last_seen_.load()) continue;
    apply(e);
    last_seen_.store(e.seq);
  }
}

AppendResult Service::append(StoredEvent e) {
  e.time_ms = now();
  AppendResult res = store_.append(e);
  catch_up();
  return res;
}

// The one place state changes: every event of the log passes here once, in seq order.
void Service::apply(const StoredEvent& e) {
  json body;
  try {
    body = json::parse(e.body);
  } catch (const json::parse_error&) {
    return;  // not ours to interpret (a newer version's event): skipped the same way everywhere
  }
  if (!e.idempotency_key.empty()) idempotency_[{e.stream, e.idempotency_key}] = e.seq;
  try {
    if (e.stream.rfind("arena:", 0) == 0) apply_arena(e, body);
    else if (e.stream.rfind("poll:", 0) == 0) apply_poll(e, body);
  } catch (const std::exception&) {
    // A malformed event is skipped deterministically (replay gives the same state).
  }
}

const ArenaState& Service::arena_or_404(const std::string& id) const {
  auto it = arenas_.find(id);
  if (it == arenas_.end()) throw ApiError(404, "not_found", "no arena '" + id + "'", "id");
  return it->second;
}

const PollState& Service::poll_or_404(const std::string& id) const {
  auto it = polls_.find(id);
  if (it == polls_.end()) throw ApiError(404, "not_found", "no poll '" + id + "'", "id");
  return it->second;
}

Response Service::handle(const Request& r) {
  try {
    if (r.body.size() > opt_.max_body)
      return error_response(413, "payload_too_large",
                            "the body has " + std::to_string(r.body.size()) + " bytes; the limit is " +
                                std::to_string(opt_.max_body));
    catch_up();
    return route(r);
  } catch (const ApiError& e) {
    return error_response(e.status, e.code, e.what(), e.field);
  } catch (const InputError& e) {
    return error_response(400, "bad_request", e.detail().empty() ? e.what() : e.detail());
  } catch (const std::exception& e) {
    return error_response(500, "internal", std::string("internal error: ") + e.what());
  }
}

namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::string cur;
  for (char c : path) {
    if (c == '/') {
      if (!cur.empty()) parts.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) parts.push_back(cur);
  return parts;
}

}  // namespace

Response Service::route(const Request& r) {
  const auto p = split_path(r.path);
  const std::string& m = r.method;
  auto wrong_method = [&]() {
    return error_response(405, "method_not_allowed", m + " is not allowed on " + r.path);
  };
  if (p.size() < 2 || p[0] != "v1") return error_response(404, "not_found", "no route for " + r.path);
  if (p.size() == 2 && p[1] == "health") {
    if (m != "GET") return wrong_method();
    std::shared_lock lock(mu_);
    return json_response(200, json{{"status", "ok"}, {"seq", last_seen_.load()},
                                   {"arenas", arenas_.size()}, {"polls", polls_.size()}});
  }
  if (p.size() == 2 && p[1] == "openapi.json") {
    if (m != "GET") return wrong_method();
    return json_response(200, openapi_document());
  }
  if (p[1] == "arenas") {
    if (p.size() == 2) return m == "POST" ? create_arena(r) : m == "GET" ? list_arenas(r) : wrong_method();
    const std::string& id = p[2];
    if (p.size() == 3) return m == "GET" ? get_arena(r, id) : wrong_method();
    if (p.size() == 4) {
      const std::string& what = p[3];
      if (what == "items") return m == "POST" ? add_items(r, id) : wrong_method();
      if (what == "tokens") return m == "POST" ? arena_tokens(r, id) : wrong_method();
      if (what == "next") return m == "GET" ? next_matchup(r, id) : wrong_method();
      if (what == "votes") return m == "POST" ? post_vote(r, id) : wrong_method();
      if (what == "battles") return m == "POST" ? post_battles(r, id) : wrong_method();
      if (what == "leaderboard") return m == "GET" ? leaderboard(r, id) : wrong_method();
      if (what == "audit") return m == "GET" ? audit(r, id) : wrong_method();
      if (what == "flags") return m == "GET" ? flags(r, id) : wrong_method();
    }
  }
  if (p[1] == "polls") {
    if (p.size() == 2) return m == "POST" ? create_poll(r) : m == "GET" ? list_polls(r) : wrong_method();
    const std::string& id = p[2];
    if (p.size() == 3) return m == "GET" ? get_poll(r, id) : wrong_method();
    if (p.size() == 4) {
      const std::string& what = p[3];
      if (what == "tokens") return m == "POST" ? poll_tokens(r, id) : wrong_method();
      if (what == "ballots") return m == "POST" ? post_ballot(r, id) : wrong_method();
      if (what == "results") return m == "GET" ? poll_results(r, id) : wrong_method();
      if (what == "ballots.preflib") return m == "GET" ? poll_preflib(r, id) : wrong_method();
      if (what == "close") return m == "POST" ? close_poll(r, id) : wrong_method();
    }
  }
  return error_response(404, "not_found", "no route for " + r.path);
}

}  // namespace prefero::serve
