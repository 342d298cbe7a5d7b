// Approval Monroe by branch and bound over the candidates (include / exclude).
#include "committee/monroe_branch_and_bound.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "committee/committee_search.hpp"
#include "committee/max_flow.hpp"

namespace prefero {

// The Monroe score of W: the most voters that can be represented by an approved member when each
// member represents floor(n/k) or ceil(n/k) voters (n mod k members take the larger share). A
// maximum flow: voters -> approved members (capacity q = floor(n/k)) plus one extra voter for at
// most r = n mod k members. Unrepresented voters fill the remaining places in any way.
int64_t monroe_score(const ApprovalProfile& a, const std::vector<Cand>& w) {
  int k = static_cast<int>(w.size());
  int64_t q = a.total_weight / k, r = a.total_weight % k;
  int nb = static_cast<int>(a.size());
  int source = 0, sink = 1, extra = 2, first_ballot = 3, first_member = 3 + nb;
  MaxFlow f(first_member + k);
  std::vector<int> member(static_cast<size_t>(a.num_candidates), -1);
  for (int i = 0; i < k; ++i) member[static_cast<size_t>(w[static_cast<size_t>(i)])] = i;
  for (int b = 0; b < nb; ++b) {
    f.add_edge(source, first_ballot + b, a.weights[static_cast<size_t>(b)]);
    for (Cand c : a.approved[static_cast<size_t>(b)])
      if (member[static_cast<size_t>(c)] >= 0)
        f.add_edge(first_ballot + b, first_member + member[static_cast<size_t>(c)], a.weights[static_cast<size_t>(b)]);
  }
  for (int i = 0; i < k; ++i) {
    if (q > 0) f.add_edge(first_member + i, sink, q);
    if (r > 0) f.add_edge(first_member + i, extra, 1);
  }
  if (r > 0) f.add_edge(extra, sink, r);
  return f.run(source, sink);
}

namespace {

// Search tree: a node fixes some candidates in (I) and some out; the others are open, and
// k' = k - |I| of them are still to be chosen. Bound at a node = a maximum flow in which the
// members of I take q = floor(n/k) voters plus one extra each, every open candidate may take
// q plus one extra, but all open candidates together take at most k' q regular and min(r, k')
// extra voters, and all extras together at most r = n mod k. Every completion of I is feasible
// in this network, so its value bounds the node. If the flow uses at most k' open candidates, it
// is the Monroe assignment of I + those candidates (padded with any open ones): the node is
// solved. Branching: the open candidate carrying the most flow, included first (so the first
// leaf is a greedy committee). Resolute mode prunes bound <= best and, when excluding a
// candidate, excludes its open clones (same approvers: a committee with a clone instead is
// equally good and lies in the include branch); irresolute mode prunes only bound < best and
// enumerates every optimal committee to its leaf.
class MonroeBranchAndBound {
 public:
  MonroeBranchAndBound(const ApprovalProfile& a, int k, const SolveSettings& s, int64_t max_committees)
      : a_(a),
        k_(k),
        q_(a.total_weight / k),
        r_(a.total_weight % k),
        resolute_(s.resolute),
        max_committees_(s.resolute ? 1 : max_committees),
        deadline_(s.time_limit) {
    const size_t m = static_cast<size_t>(a.num_candidates);
    state_.assign(m, 0);
    approvers_.resize(m);
    for (size_t b = 0; b < a.size(); ++b)
      for (Cand c : a.approved[b]) approvers_[static_cast<size_t>(c)].push_back(b);
    std::map<std::vector<size_t>, int> groups;
    clone_group_.resize(m);
    for (size_t c = 0; c < m; ++c)
      clone_group_[c] = groups.emplace(approvers_[c], static_cast<int>(groups.size())).first->second;
    mu_.assign(a.size(), 0.0);
  }

  CommitteeResult run() {
    dfs(0, a_.num_candidates);
    // Stopped early (irresolute): the best committee seen may be one the bound attained.
    if (stopped_ && (!best_.any || best_.best < incumbent_) && !attained_.empty()) {
      best_ = {};
      best_.offer(incumbent_, attained_);
    }
    CommitteeResult r;
    if (!resolute_ && full()) r.explanation["cap_reached"] = true;  // there may be more
    r.committees = std::move(best_.committees);
    std::sort(r.committees.begin(), r.committees.end());
    r.proven = !stopped_;
    r.explanation["score"] = best_.best;
    r.explanation["algorithm"] = "branch-and-bound";
    r.explanation["nodes"] = nodes_;
    return r;
  }

 private:
  struct Relaxation {
    int64_t value = 0;
    std::vector<int64_t> open_flow;  // per candidate: voters the flow gives to an open candidate
  };

  Relaxation relax(int still) const {
    const int nb = static_cast<int>(a_.size()), m = a_.num_candidates;
    const int source = 0, sink = 1, extra = 2, pool_q = 3, pool_extra = 4, first_ballot = 5,
              first_cand = 5 + nb;
    MaxFlow f(first_cand + m);
    for (int b = 0; b < nb; ++b) {
      const int64_t w = a_.weights[static_cast<size_t>(b)];
      f.add_edge(source, first_ballot + b, w);
      for (Cand c : a_.approved[static_cast<size_t>(b)])
        if (state_[static_cast<size_t>(c)] != 2) f.add_edge(first_ballot + b, first_cand + c, w);
    }
    std::vector<size_t> to_pool_q(static_cast<size_t>(m), 0), to_pool_extra(static_cast<size_t>(m), 0);
    for (Cand c = 0; c < m; ++c) {
      const char st = state_[static_cast<size_t>(c)];
      if (st == 1) {
        if (q_ > 0) f.add_edge(first_cand + c, sink, q_);
        if (r_ > 0) f.add_edge(first_cand + c, extra, 1);
      } else if (st == 0 && still > 0) {
        if (q_ > 0) to_pool_q[static_cast<size_t>(c)] = f.add_edge(first_cand + c, pool_q, q_);
        if (r_ > 0) to_pool_extra[static_cast<size_t>(c)] = f.add_edge(first_cand + c, pool_extra, 1);
      }
    }
    if (q_ > 0 && still > 0) f.add_edge(pool_q, sink, q_ * still);
    if (r_ > 0) {
      if (still > 0) f.add_edge(pool_extra, extra, std::min<int64_t>(r_, still));
      f.add_edge(extra, sink, r_);
    }
    Relaxation out;
    out.value = f.run(source, sink);
    out.open_flow.assign(static_cast<size_t>(m), 0);
    if (still > 0)
      for (Cand c = 0; c < m; ++c)
        if (state_[static_cast<size_t>(c)] == 0) {
          int64_t& x = out.open_flow[static_cast<size_t>(c)];
          if (q_ > 0) x += f.flow_on(first_cand + c, to_pool_q[static_cast<size_t>(c)]);
          if (r_ > 0) x += f.flow_on(first_cand + c, to_pool_extra[static_cast<size_t>(c)]);
        }
    return out;
  }

  // Lagrangian bound (the voters' constraints "each voter represented once" priced by mu_b in
  // [0, 1]): sum_b mu_b w_b + the best the chosen members can collect at prices 1 - mu_b, each
  // member its q best approver units plus one extra unit, extras on at most r members. Relaxed
  // further (valid): the members of I, the k' open candidates with the best q units, and the r
  // best extra units among all non-excluded candidates. Unlike the flow bound it counts each
  // member's share of the k seats. mu_ is improved by subgradient steps (kept between nodes).
  // Returns the smallest bound found, rounded down (scores are integers).
  int64_t lagrangian(int still, int iterations) {
    const size_t m = static_cast<size_t>(a_.num_candidates), nb = a_.size();
    double best = 1e300, theta = 1.0;
    int since = 0;
    std::vector<double> reg(m), ext(m);
    std::vector<size_t> ext_ballot(m);
    std::vector<std::pair<double, size_t>> units;
    std::vector<size_t> order;
    std::vector<double> used(nb);
    for (int it = 0; it < iterations; ++it) {
      double value = 0;
      for (size_t b = 0; b < nb; ++b) value += mu_[b] * static_cast<double>(a_.weights[b]);
      for (size_t c = 0; c < m; ++c) {
        reg[c] = ext[c] = 0;
        ext_ballot[c] = nb;
        if (state_[c] == 2) continue;
        units.clear();
        for (size_t b : approvers_[c])
          if (mu_[b] < 1) units.emplace_back(1 - mu_[b], b);
        std::sort(units.begin(), units.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
        int64_t left = q_;
        for (const auto& [price, b] : units) {
          const int64_t take = std::min(left, a_.weights[b]);
          left -= take;
          reg[c] += price * static_cast<double>(take);
          if (take < a_.weights[b]) {  // q units taken; this ballot's next unit is the extra one
            if (r_ > 0) ext[c] = price, ext_ballot[c] = b;
            break;
          }
        }
      }
      // choose: I, the `still` open candidates with the largest reg, the r largest ext
      order.clear();
      for (size_t c = 0; c < m; ++c)
        if (state_[c] == 0) order.push_back(c);
      std::partial_sort(order.begin(), order.begin() + still, order.end(),
                        [&](size_t x, size_t y) { return reg[x] > reg[y]; });
      std::vector<char> chosen(m, 0);
      for (size_t c = 0; c < m; ++c) chosen[c] = state_[c] == 1;
      for (int i = 0; i < still; ++i) chosen[order[static_cast<size_t>(i)]] = 1;
      for (size_t c = 0; c < m; ++c)
        if (chosen[c]) value += reg[c];
      std::vector<size_t> extras;
      for (size_t c = 0; c < m; ++c)
        if (state_[c] != 2 && ext[c] > 0) extras.push_back(c);
      const size_t nx = std::min<size_t>(extras.size(), static_cast<size_t>(r_));
      std::partial_sort(extras.begin(), extras.begin() + static_cast<std::ptrdiff_t>(nx), extras.end(),
                        [&](size_t x, size_t y) { return ext[x] > ext[y]; });
      for (size_t i = 0; i < nx; ++i) value += ext[extras[i]];
      if (value < best - 1e-9) best = value, since = 0;
      else if (++since >= 3) theta /= 2, since = 0;
      const double target = static_cast<double>(incumbent_) + (resolute_ ? 1.0 : 0.0);
      if (std::floor(best + 1e-7) < target || it + 1 == iterations) break;
      // subgradient: w_b - units of b used
      for (size_t b = 0; b < nb; ++b) used[b] = 0;
      for (size_t c = 0; c < m; ++c) {
        if (!chosen[c]) continue;
        int64_t left = q_;
        units.clear();
        for (size_t b : approvers_[c])
          if (mu_[b] < 1) units.emplace_back(1 - mu_[b], b);
        std::sort(units.begin(), units.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
        for (const auto& [price, b] : units) {
          if (left <= 0) break;
          const int64_t take = std::min(left, a_.weights[b]);
          left -= take;
          used[b] += static_cast<double>(take);
        }
      }
      for (size_t i = 0; i < nx; ++i) used[ext_ballot[extras[i]]] += 1;
      double norm = 0;
      for (size_t b = 0; b < nb; ++b) {
        const double g = static_cast<double>(a_.weights[b]) - used[b];
        norm += g * g;
      }
      if (norm < 1e-12) break;
      const double step = theta * std::max(value - target + 1.0, 1e-3) / norm;
      for (size_t b = 0; b < nb; ++b)
        mu_[b] = std::clamp(mu_[b] - step * (static_cast<double>(a_.weights[b]) - used[b]), 0.0, 1.0);
    }
    return static_cast<int64_t>(std::floor(best + 1e-7));
  }

  bool full() const {
    return max_committees_ > 0 && best_.any && static_cast<int64_t>(best_.committees.size()) >= max_committees_;
  }

  void offer(int64_t value, const std::vector<Cand>& w) {
    if (full() && value <= best_.best) return;
    best_.offer(value, w);
    incumbent_ = std::max(incumbent_, value);
  }

  std::vector<Cand> fixed_in() const {
    std::vector<Cand> w;
    for (Cand c = 0; c < a_.num_candidates; ++c)
      if (state_[static_cast<size_t>(c)] == 1) w.push_back(c);
    return w;
  }

  void dfs(int chosen, int open) {
    if (stopped_) return;
    if (incumbent_ >= 0 && deadline_.expired()) {  // the first dive (at most k + 1 nodes) always ends
      stopped_ = true;
      return;
    }
    ++nodes_;
    const int still = k_ - chosen;
    if (open < still) return;
    if (open == still) {  // every open candidate is needed: a leaf
      std::vector<Cand> rest;
      for (Cand c = 0; c < a_.num_candidates; ++c)
        if (state_[static_cast<size_t>(c)] == 0) rest.push_back(c);
      for (Cand c : rest) state_[static_cast<size_t>(c)] = 1;
      const int64_t value = relax(0).value;
      std::vector<Cand> w = fixed_in();
      for (Cand c : rest) state_[static_cast<size_t>(c)] = 0;
      if (!pruned(value)) offer(value, w);
      return;
    }
    Relaxation rl = relax(still);
    if (pruned(rl.value)) return;
    if (still == 0) {
      offer(rl.value, fixed_in());
      return;
    }
    std::vector<Cand> used;
    for (Cand c = 0; c < a_.num_candidates; ++c)
      if (rl.open_flow[static_cast<size_t>(c)] > 0) used.push_back(c);
    if (static_cast<int>(used.size()) <= still) {  // the relaxation is attained
      std::vector<Cand> w = fixed_in();
      w.insert(w.end(), used.begin(), used.end());
      for (Cand c = 0; c < a_.num_candidates && static_cast<int>(w.size()) < k_; ++c)
        if (state_[static_cast<size_t>(c)] == 0 && rl.open_flow[static_cast<size_t>(c)] == 0) w.push_back(c);
      std::sort(w.begin(), w.end());
      if (resolute_) {
        offer(rl.value, w);
        return;
      }
      if (rl.value > incumbent_) incumbent_ = rl.value, attained_ = w;
    }
    if (incumbent_ >= 0) {  // the multipliers are tuned longest the first time
      const int iterations = lagrangian_calls_++ == 0 ? 200 : 12;
      if (pruned(lagrangian(still, iterations))) return;
    }
    Cand pick = -1;
    for (Cand c = 0; c < a_.num_candidates; ++c)
      if (state_[static_cast<size_t>(c)] == 0 &&
          (pick < 0 || rl.open_flow[static_cast<size_t>(c)] > rl.open_flow[static_cast<size_t>(pick)]))
        pick = c;
    state_[static_cast<size_t>(pick)] = 1;
    dfs(chosen + 1, open - 1);
    std::vector<Cand> out{pick};
    if (resolute_)
      for (Cand c = 0; c < a_.num_candidates; ++c)
        if (c != pick && state_[static_cast<size_t>(c)] == 0 && clone_group_[static_cast<size_t>(c)] == clone_group_[static_cast<size_t>(pick)])
          out.push_back(c);
    for (Cand c : out) state_[static_cast<size_t>(c)] = 2;
    dfs(chosen, open - static_cast<int>(out.size()));
    for (Cand c : out) state_[static_cast<size_t>(c)] = 0;
  }

  // Irresolute with max_committees listed at the best score: only a better score matters.
  bool pruned(int64_t bound) const {
    if (incumbent_ < 0) return false;
    if (bound < incumbent_) return true;
    return bound == incumbent_ && (resolute_ || (full() && best_.best == incumbent_));
  }

  const ApprovalProfile& a_;
  int k_;
  int64_t q_, r_;
  bool resolute_;
  int64_t max_committees_;  // 0 = every optimal committee
  Deadline deadline_;
  std::vector<char> state_;  // 0 open, 1 in, 2 out
  std::vector<int> clone_group_;
  std::vector<std::vector<size_t>> approvers_;  // candidate -> ballots approving it
  std::vector<double> mu_;                      // Lagrange multipliers, one per ballot
  BestCommittees<int64_t> best_;
  int64_t incumbent_ = -1;
  std::vector<Cand> attained_;  // irresolute: a committee scoring incumbent_ found by the bound
  int64_t nodes_ = 0;
  int64_t lagrangian_calls_ = 0;
  bool stopped_ = false;
};

}  // namespace

CommitteeResult monroe_branch_and_bound(const ApprovalProfile& a, int k, const SolveSettings& s,
                                        int64_t max_committees) {
  return MonroeBranchAndBound(a, k, s, max_committees).run();
}

}  // namespace prefero
