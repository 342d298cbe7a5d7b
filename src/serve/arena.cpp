// Arenas: config validation, sufficient statistics and the leaderboard inputs (see arena.hpp).
#include "serve/arena.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "rate/win_matrix.hpp"
#include "registry/registry.hpp"
#include "serve/service_util.hpp"

namespace prefero::serve {

std::pair<uint64_t, uint64_t> matchup_key(const std::string& matchup) {
  const auto dot = matchup.find('.');
  const std::string sig = dot == std::string::npos ? matchup : matchup.substr(dot + 1);
  uint64_t part[2] = {0, 0};
  for (size_t i = 0; i < 32 && i < sig.size(); ++i) {
    const char c = sig[i];
    const uint64_t d = c >= '0' && c <= '9' ? static_cast<uint64_t>(c - '0') : static_cast<uint64_t>((c | 0x20) - 'a' + 10) & 15;
    part[i / 16] = part[i / 16] << 4 | d;
  }
  return {part[0], part[1]};
}

std::vector<std::string> vote_flag_names(uint8_t flags) {
  std::vector<std::string> out;
  if (flags & kSelfIdentifying) out.push_back("self_identifying");
  if (flags & kDuplicate) out.push_back("duplicate");
  if (flags & kOverCap) out.push_back("over_cap");
  return out;
}

int32_t intern_actor(ArenaState& a, const std::string& actor) {
  auto [it, fresh] = a.actor_index.emplace(actor, static_cast<int32_t>(a.actors.size()));
  if (fresh) a.actors.push_back(actor);
  return it->second;
}

int32_t find_actor(const ArenaState& a, const std::string& actor) {
  auto it = a.actor_index.find(actor);
  return it == a.actor_index.end() ? -1 : it->second;
}

const ArenaVote* find_vote(const ArenaState& a, int64_t seq) {
  auto it = std::lower_bound(a.votes.begin(), a.votes.end(), seq, [](const ArenaVote& v, int64_t s) { return v.seq < s; });
  return it != a.votes.end() && it->seq == seq ? &*it : nullptr;
}

std::string outcome_name(Outcome o) {
  switch (o) {
    case Outcome::a_wins: return "model_a";
    case Outcome::b_wins: return "model_b";
    case Outcome::tie: return "tie";
    case Outcome::tie_bothbad: return "tie (bothbad)";
  }
  return "tie";
}

bool outcome_from(const std::string& s, Outcome& o) {
  if (s == "model_a" || s == "A") o = Outcome::a_wins;
  else if (s == "model_b" || s == "B") o = Outcome::b_wins;
  else if (s == "tie") o = Outcome::tie;
  else if (s == "tie (bothbad)" || s == "bothbad") o = Outcome::tie_bothbad;
  else return false;
  return true;
}

namespace {

std::string at(const std::string& field, size_t i) { return field + "[" + std::to_string(i) + "]"; }

}  // namespace

std::vector<json> normalize_items(const json& items, const std::vector<std::string>& cand_ids,
                                  const std::map<std::string, int>& existing) {
  if (!items.is_array()) throw bad_request("'items' must be an array", "items");
  std::vector<json> out;
  std::set<std::string> seen;
  for (size_t i = 0; i < items.size(); ++i) {
    const json& it = items[i];
    const std::string f = at("items", i);
    if (!it.is_object()) throw bad_request("'" + f + "' must be an object {id, prompt, outputs}", f);
    const std::string id = get_string(it, "id", f, true);
    if (!valid_id(id)) throw bad_request("'" + f + ".id' must be 1-64 letters, digits, '-', '_' or '.'", f + ".id");
    if (existing.count(id) || !seen.insert(id).second)
      throw ApiError(409, "conflict", "item '" + id + "' already exists", f + ".id");
    json item = {{"id", id}, {"prompt", get_string(it, "prompt", f, false, "")}, {"outputs", json::object()}};
    auto outs = it.find("outputs");
    if (outs == it.end() || !outs->is_object())
      throw bad_request("'" + f + ".outputs' must be an object {CANDIDATE_ID: {\"text\": ...} | {\"image\": URL}}",
                        f + ".outputs");
    for (auto o = outs->begin(); o != outs->end(); ++o) {
      const std::string of = f + ".outputs." + o.key();
      if (std::find(cand_ids.begin(), cand_ids.end(), o.key()) == cand_ids.end())
        throw bad_request("'" + o.key() + "' in '" + f + ".outputs' is not a candidate of this arena", of);
      json v = o.value();
      if (v.is_string()) v = json{{"text", v}};
      if (!v.is_object() || v.size() != 1 || !((v.contains("text") && v["text"].is_string()) ||
                                               (v.contains("image") && v["image"].is_string())))
        throw bad_request("'" + of + "' must be {\"text\": STRING} or {\"image\": URL}", of);
      item["outputs"][o.key()] = v;
    }
    out.push_back(item);
  }
  return out;
}

json normalize_arena(const json& b, std::vector<json>& items) {
  json a = json::object();
  const std::string id = get_string(b, "id", "", false, "");
  if (!id.empty() && !valid_id(id)) throw bad_request("'id' must be 1-64 letters, digits, '-', '_' or '.'", "id");
  a["id"] = id;
  a["name"] = get_string(b, "name", "", true);
  auto cands = b.find("candidates");
  if (cands == b.end() || !cands->is_array() || cands->size() < 2)
    throw bad_request("'candidates' must be an array of at least two {\"id\", \"name\"?}", "candidates");
  json cl = json::array();
  std::vector<std::string> ids;
  for (size_t i = 0; i < cands->size(); ++i) {
    json c = (*cands)[i];
    const std::string f = at("candidates", i);
    if (c.is_string()) c = json{{"id", c}};
    if (!c.is_object()) throw bad_request("'" + f + "' must be {\"id\", \"name\"?}", f);
    const std::string cid = get_string(c, "id", f, true);
    if (!valid_id(cid)) throw bad_request("'" + f + ".id' must be 1-64 letters, digits, '-', '_' or '.'", f + ".id");
    if (std::find(ids.begin(), ids.end(), cid) != ids.end())
      throw bad_request("candidate id '" + cid + "' appears twice", f + ".id");
    ids.push_back(cid);
    cl.push_back({{"id", cid}, {"name", get_string(c, "name", f, false, cid)}});
  }
  a["candidates"] = cl;
  const int64_t n = static_cast<int64_t>(ids.size());
  a["k"] = get_int(b, "k", "", 2, 2, n);
  const std::string policy = get_string(b, "policy", "", false, "uniform");
  if (policy != "uniform" && policy != "weighted" && policy != "ucb")
    throw bad_request("'policy' must be uniform, weighted or ucb", "policy");
  a["policy"] = policy;
  const std::string voting = get_string(b, "voting", "", false, "anonymous");
  if (voting != "anonymous" && voting != "token") throw bad_request("'voting' must be anonymous or token", "voting");
  a["voting"] = voting;
  const std::string model = get_string(b, "model", "", false, "bradley_terry");
  const MethodInfo* m = find_method(model);
  if (!m || m->family != "rate" || !m->rate)
    throw bad_request("'model' must be a rating method id (prefero methods --family rate), got '" + model + "'", "model");
  if (a["k"].get<int64_t>() > 2 && m->input.find("ranking") == std::string::npos)
    throw bad_request("'" + m->id + "' rates pairwise battles only; an arena with k > 2 needs a method for K-wise "
                      "rankings (e.g. plackett_luce)", "model");
  a["model"] = m->id;
  const auto params = params_of(b.value("params", json::object()), "params");
  try {
    resolve_params(m->id, m->params, params);
  } catch (const InputError& e) {
    throw bad_request(e.detail().empty() ? e.what() : e.detail(), "params");
  }
  a["params"] = b.value("params", json::object());
  a["daily_cap"] = get_int(b, "daily_cap", "", 0, 0, int64_t{1} << 40);
  if (b.contains("weights")) {
    const json& w = b["weights"];
    if (!w.is_object()) throw bad_request("'weights' must be an object {CANDIDATE_ID: weight}", "weights");
    for (auto it = w.begin(); it != w.end(); ++it) {
      if (std::find(ids.begin(), ids.end(), it.key()) == ids.end())
        throw bad_request("'" + it.key() + "' in 'weights' is not a candidate", "weights." + it.key());
      if (!it.value().is_number() || !(it.value().get<double>() >= 0) || !std::isfinite(it.value().get<double>()))
        throw bad_request("'weights." + it.key() + "' must be a non-negative number", "weights." + it.key());
    }
    a["weights"] = w;
  }
  json abuse = b.value("abuse", json::object());
  if (!abuse.is_object()) throw bad_request("'abuse' must be an object", "abuse");
  json ab = json::object();
  // FastChat uses alpha = 0.05 to clean data offline; by Ville's inequality that flags up to 5 %
  // of honest voters per side, too many for flags shown to an admin, so arenas default to 0.001.
  const double alpha = abuse.value("outlier_alpha", 0.001);
  if (!(alpha > 0 && alpha < 1)) throw bad_request("'abuse.outlier_alpha' must be in (0, 1)", "abuse.outlier_alpha");
  ab["outlier_alpha"] = alpha;
  ab["outlier_min_votes"] = get_int(abuse, "outlier_min_votes", "abuse", 5, 1, 1000000);
  ab["outlier_max_votes"] = get_int(abuse, "outlier_max_votes", "abuse", 100, 1, 1000000);
  ab["cluster_min_shared"] = get_int(abuse, "cluster_min_shared", "abuse", 20, 1, 1000000);
  const double agree = abuse.value("cluster_agreement", 0.95);
  if (!(agree > 0 && agree <= 1)) throw bad_request("'abuse.cluster_agreement' must be in (0, 1]", "abuse.cluster_agreement");
  ab["cluster_agreement"] = agree;
  a["abuse"] = ab;
  items = normalize_items(b.value("items", json::array()), ids, {});
  return a;
}

ArenaState arena_from_config(const json& config) {
  ArenaState a;
  a.config = config;
  a.id = config.at("id").get<std::string>();
  a.name = config.at("name").get<std::string>();
  a.voting = config.at("voting").get<std::string>();
  a.model = config.at("model").get<std::string>();
  a.policy = config.at("policy").get<std::string>();
  a.k = config.at("k").get<int>();
  a.daily_cap = config.at("daily_cap").get<int64_t>();
  a.params = params_of(config.at("params"), "params");
  for (const auto& c : config.at("candidates")) {
    a.cand_index[c.at("id").get<std::string>()] = static_cast<int>(a.cand_ids.size());
    a.cand_ids.push_back(c.at("id").get<std::string>());
    a.cand_names.push_back(c.at("name").get<std::string>());
  }
  const size_t n = a.cand_ids.size();
  a.match.num_models = n;
  a.match.pair_counts.assign(n * n, 0.0);
  a.match.skill.assign(n, 0.0);
  if (config.contains("weights")) {
    a.match.weights.assign(n, 1.0);
    for (auto it = config["weights"].begin(); it != config["weights"].end(); ++it)
      a.match.weights[static_cast<size_t>(a.cand_index.at(it.key()))] = it.value().get<double>();
  }
  a.stats.models = a.cand_ids;
  return a;
}

void add_item(ArenaState& a, const json& item) {
  ArenaItem it;
  it.id = item.at("id").get<std::string>();
  if (a.item_index.count(it.id)) return;
  it.prompt = item.at("prompt").get<std::string>();
  for (auto o = item.at("outputs").begin(); o != item.at("outputs").end(); ++o) {
    auto c = a.cand_index.find(o.key());
    if (c != a.cand_index.end()) it.outputs[c->second] = o.value();
  }
  a.item_index[it.id] = static_cast<int>(a.items.size());
  a.items.push_back(std::move(it));
}

namespace {

// The pairs (winner, loser) or ties a vote implies, for the skill estimate and win rates.
template <class F>
void for_each_pair(const std::vector<std::vector<int>>& tiers, F f) {
  for (size_t i = 0; i < tiers.size(); ++i)
    for (size_t j = i + 1; j < tiers.size(); ++j)
      for (int x : tiers[i])
        for (int y : tiers[j]) f(x, y);
}

void nudge(std::vector<double>& s, int w, int l, double y) {
  // One logistic step (learning rate 0.1, natural-log odds units): the ucb policy's skill.
  const auto W = static_cast<size_t>(w), L = static_cast<size_t>(l);
  const double p = 1.0 / (1.0 + std::exp(s[L] - s[W]));
  s[W] += 0.1 * (y - p);
  s[L] -= 0.1 * (y - p);
}

void add_row(Comparisons& c, PairRowIndex* rows, int a, int b, Outcome o) {
  if (rows) {
    // (a, b, outcome) in one key: a and b are non-negative ints (31 bits each), the outcome 2 bits.
    const uint64_t key = static_cast<uint64_t>(a) << 33 | static_cast<uint64_t>(b) << 2 | static_cast<uint64_t>(o);
    auto [row, fresh] = rows->insert(key);
    if (!fresh) {
      c.pairs[*row].count += 1;
      return;
    }
    *row = c.pairs.size();
  }
  PairRow r;
  r.a = a;
  r.b = b;
  r.outcome = o;
  r.count = 1;
  c.pairs.push_back(r);
}

void add_vote(Comparisons& c, PairRowIndex* rows, const ArenaState& a, const ArenaVote& v) {
  if (v.kwise < 0) add_row(c, rows, v.a, v.b, v.outcome);
  else c.rankings.push_back(KwiseRow{a.kwise[static_cast<size_t>(v.kwise)].ranking, 1});
}

}  // namespace

std::vector<int> shown_models(const ArenaState& a, const ArenaVote& v) {
  if (v.kwise < 0) return {v.a, v.b};
  return a.kwise[static_cast<size_t>(v.kwise)].models;
}

void count_vote(ArenaState& a, const ArenaVote& v) {
  add_vote(a.stats, &a.row_of, a, v);
  if (v.kwise < 0) {
    thread_local std::vector<int> pair(2);  // no allocation per vote
    pair[0] = v.a;
    pair[1] = v.b;
    record_match(a.match, pair);  // counts the vote in a.match.total too
  } else {
    record_match(a.match, a.kwise[static_cast<size_t>(v.kwise)].models);
  }
  if (v.kwise < 0) {
    if (v.outcome == Outcome::a_wins) nudge(a.match.skill, v.a, v.b, 1);
    else if (v.outcome == Outcome::b_wins) nudge(a.match.skill, v.b, v.a, 1);
    else nudge(a.match.skill, v.a, v.b, 0.5);
  } else {
    for_each_pair(a.kwise[static_cast<size_t>(v.kwise)].ranking, [&](int w, int l) { nudge(a.match.skill, w, l, 1); });
  }
}

Comparisons arena_comparisons(const ArenaState& a, const std::set<std::string>& exclude, bool exclude_flagged_votes,
                              bool keep_order) {
  Comparisons c;
  c.models = a.cand_ids;
  PairRowIndex rows;
  std::vector<char> excluded(a.actors.size(), 0);  // by actor index: one lookup per voter, not per vote
  for (const auto& name : exclude) {
    const int32_t i = find_actor(a, name);
    if (i >= 0) excluded[static_cast<size_t>(i)] = 1;
  }
  for (const auto& v : a.votes) {
    if (!v.counted || excluded[static_cast<size_t>(v.actor)]) continue;
    if (exclude_flagged_votes && v.flags != 0) continue;
    add_vote(c, keep_order ? nullptr : &rows, a, v);
  }
  return c;
}

json win_rate_json(const Comparisons& c, const std::vector<int>& order) {
  const WinTie m = win_tie_matrices(c, "leaderboard", KwisePairs::implied);
  json models = json::array(), matrix = json::array();
  for (int i : order) {
    models.push_back(c.models[static_cast<size_t>(i)]);
    json row = json::array();
    for (int j : order) {
      const auto I = static_cast<size_t>(i), J = static_cast<size_t>(j);
      const double d = m.w(I, J) + m.w(J, I);
      if (i == j || d == 0) row.push_back(nullptr);
      else row.push_back(m.w(I, J) / d);
    }
    matrix.push_back(row);
  }
  return json{{"models", models}, {"matrix", matrix}};
}

}  // namespace prefero::serve
