#include "elect/locking.hpp"

#include <algorithm>
#include <set>

#include "core/error.hpp"

namespace prefero {

std::vector<std::vector<LockPair>> pair_groups(const PairwiseMatrix& support, StrengthKind kind, const CandidateSet& cands) {
  std::vector<LockPair> pairs;
  for (size_t i = 0; i < cands.size(); ++i)
    for (size_t j = 0; j < cands.size(); ++j)
      if (i != j && support.margin(cands[i], cands[j]) >= 0) pairs.push_back({i, j, strength(support, kind, cands[i], cands[j])});
  std::stable_sort(pairs.begin(), pairs.end(), [](const LockPair& x, const LockPair& y) { return y.s < x.s; });
  std::vector<std::vector<LockPair>> groups;
  for (const LockPair& e : pairs) {
    if (groups.empty() || groups.back().front().s != e.s) groups.emplace_back();
    groups.back().push_back(e);
  }
  return groups;
}

namespace {

// The locked relation so far. Ranked Pairs keeps its transitive closure (descendants and
// ancestors as bitsets); River keeps each candidate's one locked beater (a forest).
class LockState {
 public:
  LockState(size_t n, LockRule rule)
      : n_(n), words_((n + 63) / 64), rule_(rule), beaten_(n, 0), unbeaten_(n) {
    if (rule_ == LockRule::ranked_pairs) {
      desc_.assign(n * words_, 0);
      anc_.assign(n * words_, 0);
    } else {
      parent_.assign(n, -1);
    }
  }

  // Locking a -> b is allowed by the rule.
  bool allowed(size_t a, size_t b) const {
    if (rule_ == LockRule::ranked_pairs) return !bit(desc_, b, a);
    if (parent_[b] >= 0) return false;
    for (int64_t x = static_cast<int64_t>(a); x >= 0; x = parent_[static_cast<size_t>(x)])
      if (static_cast<size_t>(x) == b) return false;
    return true;
  }
  // Locking a -> b is allowed and changes the relation.
  bool changes(size_t a, size_t b) const {
    return allowed(a, b) && (rule_ == LockRule::river || !bit(desc_, a, b));
  }

  void lock(size_t a, size_t b) {
    if (!beaten_[b]) beaten_[b] = 1, --unbeaten_;
    if (rule_ == LockRule::river) {
      parent_[b] = static_cast<int64_t>(a);
      return;
    }
    if (bit(desc_, a, b)) return;
    std::vector<uint64_t> up(anc_.begin() + a * words_, anc_.begin() + (a + 1) * words_);
    std::vector<uint64_t> down(desc_.begin() + b * words_, desc_.begin() + (b + 1) * words_);
    up[a / 64] |= uint64_t{1} << (a % 64);
    down[b / 64] |= uint64_t{1} << (b % 64);
    for_each_bit(up, [&](size_t x) { merge(desc_, x, down); });
    for_each_bit(down, [&](size_t y) { merge(anc_, y, up); });
  }

  size_t unbeaten() const { return unbeaten_; }
  std::vector<size_t> unbeaten_candidates() const {
    std::vector<size_t> out;
    for (size_t i = 0; i < n_; ++i)
      if (!beaten_[i]) out.push_back(i);
    return out;
  }
  // Everything that determines the future of the locking process.
  std::vector<uint64_t> key() const {
    if (rule_ == LockRule::ranked_pairs) return desc_;
    return std::vector<uint64_t>(parent_.begin(), parent_.end());
  }

 private:
  bool bit(const std::vector<uint64_t>& m, size_t row, size_t col) const {
    return (m[row * words_ + col / 64] >> (col % 64)) & 1;
  }
  void merge(std::vector<uint64_t>& m, size_t row, const std::vector<uint64_t>& bits) {
    for (size_t w = 0; w < words_; ++w) m[row * words_ + w] |= bits[w];
  }
  template <class F>
  static void for_each_bit(const std::vector<uint64_t>& bits, F f) {
    for (size_t w = 0; w < bits.size(); ++w)
      for (uint64_t x = bits[w]; x != 0; x &= x - 1) f(w * 64 + static_cast<size_t>(__builtin_ctzll(x)));
  }

  size_t n_, words_;
  LockRule rule_;
  std::vector<uint64_t> desc_, anc_;
  std::vector<int64_t> parent_;
  std::vector<char> beaten_;
  size_t unbeaten_;
};

struct Searcher {
  const std::vector<std::vector<LockPair>>& groups;
  size_t max_states;
  std::vector<char> wins;
  std::set<std::pair<size_t, std::vector<uint64_t>>> seen;

  void explore(size_t g, LockState state) {
    while (true) {
      if (state.unbeaten() == 1 || g == groups.size()) {
        for (size_t w : state.unbeaten_candidates()) wins[w] = 1;
        return;
      }
      std::vector<const LockPair*> open;
      for (const LockPair& e : groups[g])
        if (state.changes(e.a, e.b)) open.push_back(&e);
      if (open.empty()) {
        ++g;
        continue;
      }
      if (open.size() == 1) {  // no choice to make: lock it and go on
        state.lock(open[0]->a, open[0]->b);
        continue;
      }
      if (!seen.emplace(g, state.key()).second) return;
      if (seen.size() > max_states)
        throw InputError("pair_ties=all: more than " + std::to_string(max_states) +
                         " ways to order equal-strength pairs; use pair_ties=fixed or zavist_tideman");
      for (const LockPair* e : open) {
        LockState next = state;
        next.lock(e->a, e->b);
        explore(g, std::move(next));
      }
      return;
    }
  }
};

}  // namespace

LockOutcome lock_in_order(size_t n, const std::vector<LockPair>& order, LockRule rule, bool complete) {
  LockState state(n, rule);
  LockOutcome out;
  for (const LockPair& e : order) {
    if (!complete && state.unbeaten() == 1) break;
    if (state.allowed(e.a, e.b)) {
      state.lock(e.a, e.b);
      out.locked.push_back(e);
    } else {
      out.skipped.push_back(e);
    }
  }
  out.winners = state.unbeaten_candidates();
  return out;
}

LockSearch lock_all_orders(size_t n, const std::vector<std::vector<LockPair>>& groups, LockRule rule, size_t max_states) {
  Searcher s{groups, max_states, std::vector<char>(n, 0), {}};
  s.explore(0, LockState(n, rule));
  LockSearch out;
  for (size_t i = 0; i < n; ++i)
    if (s.wins[i]) out.winners.push_back(i);
  out.states = s.seen.size();
  return out;
}

}  // namespace prefero

#include "elect/common.hpp"
#include "elect/dominance.hpp"

namespace prefero {

ParamSpec pair_ties_param() {
  return {"pair_ties", ParamType::choice, "all",
          "pairs of equal strength: all (every candidate winning under some order of them; pref_voting's "
          "default), fixed (ordered lexicographically by tie_break_order; pref_voting's *_tb) or "
          "zavist_tideman (ordered by the first ballot; pref_voting's *_zt)",
          {"all", "fixed", "zavist_tideman"}};
}

namespace {

// Candidate order used to break ties between pairs: position of each index of `cands`.
std::vector<size_t> pair_tie_order(const Profile& p, const CandidateSet& cands, const Params& params) {
  std::vector<size_t> pos(cands.size(), 0);
  auto index_of = [&](Cand c) { return static_cast<size_t>(std::lower_bound(cands.begin(), cands.end(), c) - cands.begin()); };
  if (params.text("pair_ties") == "zavist_tideman") {
    if (p.num_ballots() == 0) throw InputError("pair_ties=zavist_tideman needs at least one ballot");
    auto first = p.ballot(0);
    std::vector<int32_t> seen;
    for (Cand c : cands) {
      if (first[c] == kUnranked || std::find(seen.begin(), seen.end(), first[c]) != seen.end())
        throw InputError("pair_ties=zavist_tideman needs the first ballot to rank every candidate strictly");
      seen.push_back(first[c]);
    }
    std::vector<Cand> order = cands;
    std::sort(order.begin(), order.end(), [&](Cand x, Cand y) { return first[x] < first[y]; });
    for (size_t i = 0; i < order.size(); ++i) pos[index_of(order[i])] = i;
    return pos;
  }
  size_t i = 0;
  for (Cand c : tie_break_order(p, params))
    if (std::binary_search(cands.begin(), cands.end(), c)) pos[index_of(c)] = i++;
  return pos;
}

json pairs_json(const Profile& p, const CandidateSet& cands, const std::vector<LockPair>& pairs) {
  json out = json::array();
  for (const LockPair& e : pairs) out.push_back({p.id(cands[e.a]), p.id(cands[e.b]), to_json_value(e.s)});
  return out;
}

}  // namespace

ElectionResult elect_by_locking(const Profile& p, const CandidateSet& cands, const Params& params, LockRule rule) {
  const auto& s = support_of(p, params);
  ElectionResult r;
  const size_t n = cands.size();
  const bool small = n <= kExplainMatrixLimit;
  const bool all = params.text("pair_ties") == "all";
  // Both rules are Condorcet consistent: skip the search (and, in large elections, the locking).
  if (auto cw = (all || !small) ? condorcet_winner(s, cands) : std::nullopt) {
    r.winners = {*cw};
    r.explanation["condorcet_winner"] = p.id(*cw);
    return r;
  }
  auto groups = pair_groups(s, strength_of(params), cands);
  if (small) r.explanation["margins"] = margins_json(p, s, cands);
  if (all) {
    const size_t budget = std::max<size_t>(200, std::min<size_t>(50000, 400000000 / (n * n / 4 + 64)));
    LockSearch found = lock_all_orders(n, groups, rule, budget);
    for (size_t w : found.winners) r.winners.push_back(cands[w]);
    r.explanation["tie_breaking_states_explored"] = found.states;
    if (small) {
      json g = json::array();
      for (const auto& group : groups) g.push_back(pairs_json(p, cands, group));
      r.explanation["pairs_by_strength"] = g;
    }
    return r;
  }
  const std::vector<size_t> pos = pair_tie_order(p, cands, params);
  std::vector<LockPair> order;
  for (auto& group : groups) {
    std::sort(group.begin(), group.end(), [&](const LockPair& x, const LockPair& y) {
      return std::pair(pos[x.a], pos[x.b]) < std::pair(pos[y.a], pos[y.b]);
    });
    order.insert(order.end(), group.begin(), group.end());
  }
  LockOutcome out = lock_in_order(n, order, rule, small);
  for (size_t w : out.winners) r.winners.push_back(cands[w]);
  if (small) {
    r.explanation["locked_pairs"] = pairs_json(p, cands, out.locked);
    r.explanation["skipped_pairs"] = pairs_json(p, cands, out.skipped);
  } else {
    out.locked.resize(std::min<size_t>(out.locked.size(), kExplainMatrixLimit * kExplainMatrixLimit));
    r.explanation["strongest_locked_pairs"] = pairs_json(p, cands, out.locked);
    r.explanation["note"] = "large election: locking stopped once one candidate was left unbeaten; skipped pairs not listed";
  }
  return r;
}

}  // namespace prefero
