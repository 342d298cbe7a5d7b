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
  start_refresher();
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
  // The common case (nothing new) without taking any lock: one last_seq read of the store.
  if (store_.last_seq() <= last_seen_.load()) return;
  std::lock_guard one(catch_up_mu_);
  const int64_t seen = last_seen_.load();
  // Applied in slices of 256 events as they are read (the store calls back outside its locks):
  // a restart replays millions of votes without holding every event in memory at once.
  std::vector<StoredEvent> fresh;
  auto apply_fresh = [&] {
    std::unique_lock lock(mu_);
    for (const auto& e : fresh) {
      if (e.seq <= last_seen_.load()) continue;
      apply(e);
      last_seen_.store(e.seq);
    }
    drain_pending();
    fresh.clear();
  };
  store_.scan(seen, [&](const StoredEvent& e) {
    fresh.push_back(e);
    if (fresh.size() >= 256) apply_fresh();
  });
  apply_fresh();
}

void Service::drain_pending() {
  while (!pending_.empty() && pending_.begin()->first <= last_seen_.load() + 1) {
    auto node = pending_.extract(pending_.begin());
    if (node.key() == last_seen_.load() + 1) {
      apply(node.mapped());
      last_seen_.store(node.key());
    }
  }
  applied_.notify_all();
}

// Appends, then applies the event itself (not read back from the store) once every smaller seq
// is applied. A gap this process does not fill within a few milliseconds (another process
// wrote those seqs) is read from the store.
AppendResult Service::append(StoredEvent e) {
  e.time_ms = now();
  AppendResult res = store_.append(e);
  if (res.duplicate) {  // the first copy may come from another process
    catch_up();
    return res;
  }
  e.seq = res.seq;
  {
    std::unique_lock lock(mu_);
    if (e.seq > last_seen_.load()) pending_.emplace(e.seq, std::move(e));
    drain_pending();
    applied_.wait_for(lock, std::chrono::milliseconds(20), [&] { return last_seen_.load() >= res.seq; });
  }
  if (last_seen_.load() < res.seq) catch_up();
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
      return safe_error(413, "payload_too_large",
                            "the body has " + std::to_string(r.body.size()) + " bytes; the limit is " +
                                std::to_string(opt_.max_body));
    // Events of other processes on the same store: looked for at most every catch_up_ms (this
    // process's own are applied as they are written).
    const int64_t t = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
    if (t - last_poll_ms_.load() >= opt_.catch_up_ms) {
      last_poll_ms_.store(t);
      catch_up();
    }
    return route(r);
  } catch (const ApiError& e) {
    return safe_error(e.status, e.code, e.what(), e.field);
  } catch (const InputError& e) {
    return safe_error(400, "bad_request", e.detail().empty() ? e.what() : e.detail());
  } catch (const std::exception& e) {
    return safe_error(500, "internal", std::string("internal error: ") + e.what());
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
    return safe_error(405, "method_not_allowed", m + " is not allowed on " + r.path);
  };
  if (p.size() < 2 || p[0] != "v1") return safe_error(404, "not_found", "no route for " + r.path);
  if (p.size() == 2 && p[1] == "health") {
    if (m != "GET") return wrong_method();
    // {"status":"ok"} (what probes and the HTTP slice's tests expect); ?verbose=true adds the
    // last applied seq and the number of arenas and polls.
    json out = {{"status", "ok"}};
    auto v = r.query.find("verbose");
    if (v != r.query.end() && (v->second == "true" || v->second == "1")) {
      std::shared_lock lock(mu_);
      out["seq"] = last_seen_.load();
      out["arenas"] = arenas_.size();
      out["polls"] = polls_.size();
    }
    return json_response(200, out);
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
  return safe_error(404, "not_found", "no route for " + r.path);
}

}  // namespace prefero::serve
