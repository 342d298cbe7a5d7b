// The service core: replay and catch-up of the event log, the single apply path, routing,
// authentication and the translation of errors into the JSON error shape.
#include "serve/service.hpp"

#include <chrono>
#include <thread>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "serve/service_sign.hpp"
#include "serve/service_util.hpp"

namespace prefero::serve {

Service::Service(VoteStore& store, ServiceOptions options)
    : store_(store),
      opt_(std::move(options)),
      seal_key_(!opt_.hmac_key.empty() ? opt_.hmac_key : sha256_hex("prefero matchup key\n" + opt_.admin_token)) {
  catch_up();
  start_refresher();
}

int64_t Service::now() const {
  if (opt_.clock) return opt_.clock();
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool Service::is_admin(const Request& r) const {
  return !opt_.admin_token.empty() && same_token(r.token(), opt_.admin_token);
}

void Service::catch_up() {
  // The common case (nothing new) without taking any lock: one last_seq read of the store.
  if (store_.last_seq() <= last_seen_.load()) return;
  std::lock_guard one(catch_up_mu_);
  const int64_t seen = last_seen_.load();
  // Applied in slices (256 events or 8 MB of bodies) as they are read (the store calls back
  // outside its locks): a restart replays millions of votes without holding them all at once.
  constexpr size_t kSliceBytes = size_t{8} << 20;
  std::vector<StoredEvent> fresh;
  size_t fresh_bytes = 0;
  auto apply_fresh = [&] {
    std::unique_lock lock(mu_);
    for (const auto& e : fresh) {
      if (e.seq <= last_seen_.load()) continue;
      apply(e);
      last_seen_.store(e.seq);
    }
    drain_pending();
    fresh.clear();
    fresh_bytes = 0;
  };
  store_.scan(seen, [&](const StoredEvent& e) {
    fresh.push_back(e);
    fresh_bytes += e.body.size();
    if (fresh.size() >= 256 || fresh_bytes >= kSliceBytes) apply_fresh();
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

AppendResult Service::append(StoredEvent e, const json* body) {
  e.time_ms = now();
  AppendResult res = store_.append(e);
  e.seq = res.seq;
  apply_own(e, res, 20, body);
  return res;
}

// Applies the event itself (not read back from the store) once every smaller seq is applied. A
// gap not filled within wait_ms (another process wrote those seqs) is read from the store.
void Service::apply_own(const StoredEvent& e, const AppendResult& res, int wait_ms, const json* body) {
  if (res.duplicate) {  // the first copy may come from another process
    catch_up();
    return;
  }
  {
    std::unique_lock lock(mu_);
    if (e.seq == last_seen_.load() + 1 && pending_.empty()) {  // the usual case: next in line
      apply(e, body);
      last_seen_.store(e.seq);
      applied_.notify_all();
    } else {
      if (e.seq > last_seen_.load()) pending_.emplace(e.seq, e);
      drain_pending();
    }
    if (wait_ms > 0)
      applied_.wait_for(lock, std::chrono::milliseconds(wait_ms), [&] { return last_seen_.load() >= res.seq; });
  }
  if (last_seen_.load() < res.seq) catch_up();
}

Response Service::commit(PendingWrite w) {
  if (w.now) return std::move(*w.now);
  return w.answer(append(std::move(w.event), w.body.is_null() ? nullptr : &w.body));
}

// The answer is built on the store's completion thread right after the commit: applying the
// event there keeps seq order without any thread waiting for the disk.
void Service::commit_async(PendingWrite w, Respond reply) {
  w.event.time_ms = now();
  ++in_flight_;
  store_.append_async(std::move(w.event), [this, body = std::move(w.body), answer = std::move(w.answer), reply = std::move(reply)](
                                              const StoredEvent& e, const AppendResult& res, std::exception_ptr error) {
    Response out = answer_errors([&] {
      if (error) std::rethrow_exception(error);
      apply_own(e, res, 0, body.is_null() ? nullptr : &body);
      return answer(res);
    });
    reply(std::move(out));
    --in_flight_;
  });
}

// The one place state changes: every event of the log passes here once, in seq order.
void Service::apply(const StoredEvent& e, const json* parsed) {
  json own;
  if (!parsed) {
    try {
      own = json::parse(e.body);
    } catch (const json::parse_error&) {
      return;  // not ours to interpret (a newer version's event): skipped the same way everywhere
    }
  }
  const json& body = parsed ? *parsed : own;
  if (!e.idempotency_key.empty()) idempotency_[idempotency_id(e.stream, e.idempotency_key)] = e.seq;
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

// Events of other processes on the same store: looked for at most every catch_up_ms (this
// process's own are applied as they are written).
void Service::look_for_other_processes() {
  const int64_t t = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
  if (t - last_poll_ms_.load() >= opt_.catch_up_ms) {
    last_poll_ms_.store(t);
    catch_up();
  }
}

Response Service::handle(const Request& r) {
  return answer_errors([&] {
    check_body_size(r, opt_.max_body);
    look_for_other_processes();
    return route(r, nullptr);
  });
}

void Service::handle_async(const Request& r, Respond reply) {
  PendingWrite w;
  Response out = answer_errors([&] {
    check_body_size(r, opt_.max_body);
    look_for_other_processes();
    return route(r, &w);
  });
  if (!w.answer) return reply(std::move(out));
  commit_async(std::move(w), std::move(reply));
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

Response Service::route(const Request& r, PendingWrite* deferred) {
  const auto p = split_path(r.path);
  const std::string& m = r.method;
  // Votes, ballots and battles: handed back to handle_async when it asked, else committed here.
  auto write = [&](PendingWrite w) {
    if (!deferred || w.now) return commit(std::move(w));
    *deferred = std::move(w);
    return Response{};
  };
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
      if (what == "votes") return m == "POST" ? write(post_vote(r, id)) : wrong_method();
      if (what == "battles") return m == "POST" ? write(post_battles(r, id)) : wrong_method();
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
      if (what == "ballots") return m == "POST" ? write(post_ballot(r, id)) : wrong_method();
      if (what == "results") return m == "GET" ? poll_results(r, id) : wrong_method();
      if (what == "ballots.preflib") return m == "GET" ? poll_preflib(r, id) : wrong_method();
      if (what == "close") return m == "POST" ? close_poll(r, id) : wrong_method();
    }
  }
  return safe_error(404, "not_found", "no route for " + r.path);
}

}  // namespace prefero::serve
