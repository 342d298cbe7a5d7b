// The arena leaderboard endpoint, its cache and the background refresher that keeps the cache
// fresh: a request answers from the cache whenever the leaderboard was asked for before; only a
// leaderboard never asked for is fitted in the request path.
#include <algorithm>
#include <chrono>
#include <cmath>

#include <fmt/format.h>
#include <map>
#include <optional>
#include <set>

#include "core/error.hpp"
#include "rate/anchor.hpp"
#include "rate/bootstrap.hpp"
#include "registry/registry.hpp"
#include "serve/arena.hpp"
#include "serve/service.hpp"
#include "serve/service_util.hpp"
#include "serve/thread_name.hpp"

namespace prefero::serve {

// The L2 penalty a leaderboard falls back to while some model has only wins or only losses
// (the maximum-likelihood ratings would be infinite).
const char* const kYoungArenaL2 = "0.01";

// What a leaderboard request asks for, resolved; enough to refit it without the request.
struct BoardQuery {
  std::string arena;
  const MethodInfo* method = nullptr;
  Params params;
  bool exclude_flagged = false;
  int64_t bootstrap_rounds = 0;  // the generic bootstrap (methods without their own)
  std::optional<rate::Anchor> anchor;  // asked for with ?anchor=NAME:VALUE
  bool shift_after_fit = false;        // the method does not anchor itself: shifted after the fit
  std::string key;               // the cache key
};

namespace {

// At most this many cached leaderboards (any query parameters make a new one); the one asked for
// least recently goes first.
constexpr size_t kMaxCachedBoards = 256;

bool query_bool(const Request& r, const std::string& key, bool def) {
  auto it = r.query.find(key);
  if (it == r.query.end()) return def;
  if (it->second == "true" || it->second == "1") return true;
  if (it->second == "false" || it->second == "0") return false;
  throw bad_request("'" + key + "' must be true or false", key);
}

bool declares(const MethodInfo& m, const std::string& name) {
  for (const auto& p : m.params)
    if (p.name == name) return true;
  return false;
}

// The query of a leaderboard request on arena `a` (400 for bad parameters).
std::shared_ptr<BoardQuery> board_query(const Request& r, const std::string& id, const ArenaState& a) {
  auto q = std::make_shared<BoardQuery>();
  q->arena = id;
  std::string model_name = a.model;
  auto it = r.query.find("model");
  if (it != r.query.end()) model_name = it->second;
  const MethodInfo* m = find_method(model_name);
  if (!m || m->family != "rate" || !m->rate)
    throw bad_request("'model' must be a rating method id (prefero methods --family rate), got '" + model_name + "'", "model");
  q->method = m;
  q->exclude_flagged = query_bool(r, "exclude_flagged", false);
  std::map<std::string, std::string> given = m->id == a.model ? a.params : std::map<std::string, std::string>{};
  for (const auto& [k, v] : r.query) {
    if (k == "model" || k == "exclude_flagged") continue;
    if (k == "anchor") {  // NAME:VALUE (or NAME=VALUE); the method's own anchor when it has one
      rate::Anchor an;
      try {
        an = rate::parse_anchor(v, "'anchor'");
      } catch (const InputError& e) {
        throw bad_request(e.detail().empty() ? e.what() : e.detail(), "anchor");
      }
      if (!a.cand_index.count(an.model)) throw bad_request("'anchor' names '" + an.model + "', not a candidate of this arena", "anchor");
      if (declares(*m, "anchor")) given["anchor"] = an.model + "=" + v.substr(an.model.size() + 1);
      else q->shift_after_fit = true;
      q->anchor = an;
      continue;
    }
    if (k == "bootstrap" && !declares(*m, "bootstrap")) {
      char* end = nullptr;
      q->bootstrap_rounds = std::strtoll(v.c_str(), &end, 10);
      if (v.empty() || *end || q->bootstrap_rounds < 0 || q->bootstrap_rounds > 100000)
        throw bad_request("'bootstrap' must be 0..100000", "bootstrap");
      continue;
    }
    given[k] = v;
  }
  if (declares(*m, "threads") && !given.count("threads")) given["threads"] = "1";
  try {
    q->params = resolve_params(m->id, m->params, given);
  } catch (const InputError& e) {
    throw bad_request(e.detail().empty() ? e.what() : e.detail(), "params");
  }
  q->key = id + "\n" + m->id + "\n" + (q->exclude_flagged ? "x" : "-") + std::to_string(q->bootstrap_rounds);
  if (q->shift_after_fit) q->key += "\nanchor " + q->anchor->model + "=" + fmt::format("{}", q->anchor->value);
  for (const auto& [k, v] : q->params.values()) q->key += "\n" + k + "=" + v;
  return q;
}

}  // namespace

Service::CachedBoard Service::fit_board(std::shared_ptr<const BoardQuery> qp) const {
  const BoardQuery& q = *qp;
  const MethodInfo* m = q.method;
  static const std::set<std::string> order_free = {"bradley_terry", "rao_kupper", "davidson", "bt_style", "bt_mixture",
                                                   "plackett_luce"};
  const bool keep_order = !order_free.count(m->id);
  CachedBoard board;
  board.query = qp;
  Comparisons c;
  std::vector<std::string> ids, names;
  {
    std::shared_lock lock(mu_);
    const ArenaState& a = arena_or_404(q.arena);
    std::set<std::string> excluded;
    if (q.exclude_flagged) excluded = flagged_actors(a);
    c = q.exclude_flagged || keep_order ? arena_comparisons(a, excluded, q.exclude_flagged, keep_order) : a.stats;
    board.seq = a.last_seq;
    board.fitted_at = now();
    ids = a.cand_ids;
    names = a.cand_names;
  }
  // Fit on the copy without the lock: votes keep flowing while a large arena is refitted.
  double total = 0;
  for (const auto& p : c.pairs) total += p.count;
  for (const auto& k : c.rankings) total += k.count;
  json out = {{"model", m->id},         {"params", q.params.values()}, {"exclude_flagged", q.exclude_flagged},
              {"seq", board.seq},       {"fitted_at", board.fitted_at}, {"votes", total}};
  json ratings = json::array();
  std::vector<int> order;
  if (total > 0) {
    RatingResult res;
    Params used = q.params;
    for (int attempt = 0; attempt < 2; ++attempt) {
      try {
        res = m->rate(c, used);
        if (q.bootstrap_rounds > 0) rate::bootstrap_any(*m, c, used, res, static_cast<int>(q.bootstrap_rounds), 0, 1, 0.05);
        break;
      } catch (const InputError& e) {
        // Too few votes for this model (a model that never lost has an infinite BT rating): a
        // normal state of a young arena. Models with an L2 penalty are refitted with a small
        // one (kYoungArenaL2) and say so; others answer with no ratings and the reason.
        res.ratings.clear();
        std::string why = e.detail().empty() ? std::string(e.what()) : e.detail();
        if (attempt == 0 && used.has("l2") && used.number("l2") == 0) {
          used.set("l2", kYoungArenaL2);
          out["warning"] = why + "; shown with l2=" + kYoungArenaL2 + " until every model has won and lost";
          out["params"] = used.values();
        } else {
          out["warning"] = why;
          break;
        }
      }
    }
    if (q.anchor && q.shift_after_fit && !res.ratings.empty()) {
      try {
        rate::shift_to_anchor(c, res, *q.anchor, "leaderboard (point and interval shifted)");
      } catch (const InputError& e) {
        out["warning"] = e.detail().empty() ? std::string(e.what()) : e.detail();
      }
    }
    for (const auto& x : res.ratings) {
      const auto i = static_cast<size_t>(x.model);
      auto num = [](double v) { return std::isfinite(v) ? json(v) : json(nullptr); };
      ratings.push_back({{"name", ids[i]}, {"display_name", names[i]}, {"rating", num(x.rating)},
                         {"ci_low", num(x.ci_low)}, {"ci_high", num(x.ci_high)}, {"rank_ub", x.rank_ub}, {"votes", x.votes}});
      order.push_back(x.model);
    }
  }
  if (q.anchor) out["anchor"] = {{"model", q.anchor->model}, {"value", q.anchor->value}};
  out["ratings"] = ratings;
  out["win_rate"] = win_rate_json(c, order);
  board.body = std::make_shared<const std::string>(dump_json(out));
  return board;
}

Response Service::leaderboard(const Request& r, const std::string& id) {
  // The request as given, length-prefixed: an arena's model and params never change, so a
  // request seen before maps to its cache entry without the state lock (a hit never waits for
  // votes being applied).
  std::string request_key = std::to_string(id.size()) + ":" + id;
  for (const auto& [k, v] : r.query)
    request_key += std::to_string(k.size()) + ":" + k + std::to_string(v.size()) + ":" + v;
  std::shared_ptr<const std::string> cached;  // copied out of the cache after its lock is released
  if (opt_.leaderboard_refresh_ms > 0) {
    std::lock_guard c(cache_mu_);
    auto alias = board_alias_.find(request_key);
    auto hit = alias == board_alias_.end() ? cache_.end() : cache_.find(alias->second);
    if (hit != cache_.end()) {
      hit->second.requested_at = now();
      cached = hit->second.body;
    }
  }
  if (cached) {
    Response resp;
    resp.body = *cached;
    return resp;
  }
  std::shared_ptr<BoardQuery> q;
  int64_t arena_seq = 0;
  {
    std::shared_lock lock(mu_);
    const ArenaState& a = arena_or_404(id);
    q = board_query(r, id, a);
    arena_seq = a.last_seq;
  }
  const int64_t t = now();
  {
    std::lock_guard c(cache_mu_);
    if (board_alias_.size() >= 4 * kMaxCachedBoards) board_alias_.clear();
    board_alias_[request_key] = q->key;
    auto hit = cache_.find(q->key);
    // With a refresher every cached answer is served (it is at most about one refresh interval
    // plus one fit behind); without one, only an answer fitted at the arena's last event.
    if (hit != cache_.end() && (opt_.leaderboard_refresh_ms > 0 || hit->second.seq == arena_seq)) {
      hit->second.requested_at = t;
      cached = hit->second.body;
    }
  }
  if (cached) {
    Response resp;
    resp.body = *cached;
    return resp;
  }
  CachedBoard board = fit_board(q);
  board.requested_at = t;
  Response resp;
  resp.body = *board.body;
  std::lock_guard c(cache_mu_);
  auto slot = cache_.find(q->key);
  if (slot == cache_.end()) {
    if (cache_.size() >= kMaxCachedBoards) {
      auto oldest = std::min_element(cache_.begin(), cache_.end(), [](const auto& x, const auto& y) {
        return x.second.requested_at < y.second.requested_at;
      });
      cache_.erase(oldest);
    }
    cache_.emplace(q->key, std::move(board));
  } else if (slot->second.seq <= board.seq) {
    slot->second = std::move(board);
  }
  return resp;
}

// ---- the refresher -----------------------------------------------------------------------

void Service::refresh_leaderboards() {
  const int64_t t = now();
  std::vector<CachedBoard> due;  // the query and the seq of each cached board, without its body
  {
    std::lock_guard c(cache_mu_);
    for (auto it = cache_.begin(); it != cache_.end();) {
      if (t - it->second.requested_at >= opt_.leaderboard_idle_ms) {
        it = cache_.erase(it);
        continue;
      }
      if (it->second.query && t - it->second.fitted_at >= opt_.leaderboard_refresh_ms)
        due.push_back(CachedBoard{it->second.query, it->second.seq, it->second.fitted_at, 0, {}});
      ++it;
    }
  }
  for (const auto& d : due) {
    {
      std::lock_guard s(refresher_mu_);
      if (stopping_) return;
    }
    {
      std::shared_lock lock(mu_);
      auto a = arenas_.find(d.query->arena);
      if (a == arenas_.end() || a->second.last_seq == d.seq) continue;  // nothing new
    }
    CachedBoard board;
    try {
      board = fit_board(d.query);
    } catch (const std::exception&) {
      // The cached answer stays; tried again after one more interval, not at every look.
      std::lock_guard c(cache_mu_);
      auto slot = cache_.find(d.query->key);
      if (slot != cache_.end()) slot->second.fitted_at = t;
      continue;
    }
    std::lock_guard c(cache_mu_);
    auto slot = cache_.find(d.query->key);
    if (slot == cache_.end() || slot->second.seq > board.seq) continue;
    board.requested_at = slot->second.requested_at;
    slot->second = std::move(board);
  }
}

void Service::refresher_loop() {
  const auto period = std::chrono::milliseconds(std::clamp<int64_t>(opt_.leaderboard_refresh_ms / 10, 5, 100));
  std::unique_lock lock(refresher_mu_);
  while (!stopping_) {
    if (refresher_cv_.wait_for(lock, period, [this] { return stopping_; })) break;
    lock.unlock();
    try {
      refresh_leaderboards();
    } catch (const std::exception&) {
      // Out of memory or the like: try again next period rather than end the process.
    }
    lock.lock();
  }
}

void Service::start_refresher() {
  if (opt_.leaderboard_refresh_ms > 0) refresher_ = std::thread([this] {
    name_this_thread("board-refit");
    refresher_loop();
  });
}

Service::~Service() {
  while (in_flight_.load() > 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));  // answers still to come
  {
    std::lock_guard s(refresher_mu_);
    stopping_ = true;
  }
  refresher_cv_.notify_all();
  if (refresher_.joinable()) refresher_.join();
}

}  // namespace prefero::serve
