#include "committee/voter_support.hpp"

#include <algorithm>
#include <limits>

#include "committee/max_flow.hpp"

namespace prefero {

namespace {

int64_t to_int64(const mpz_class& z) { return static_cast<int64_t>(z.get_si()); }

Rational ratio_of(int64_t num, int64_t den) {
  Rational r{mpz_class(static_cast<long>(num)), mpz_class(static_cast<long>(den))};
  r.canonicalize();
  return r;
}

// Weight of the active voters approving some candidate of `set`.
int64_t covered_weight(const ApprovalVoters& a, const std::vector<Cand>& set, const std::vector<char>& active) {
  std::vector<char> seen(static_cast<size_t>(a.num_ballots()), 0);
  int64_t w = 0;
  for (Cand c : set)
    for (int v : a.approvers[static_cast<size_t>(c)]) {
      if (seen[static_cast<size_t>(v)] || (!active.empty() && !active[static_cast<size_t>(v)])) continue;
      seen[static_cast<size_t>(v)] = 1;
      w += a.weight[static_cast<size_t>(v)];
    }
  return w;
}

}  // namespace

// Dinkelbach iteration: for t = p/q the min cut of source -p-> member -inf-> approver -q*w-> sink
// is p|W| + min_S (q w(N_S) - p|S|); a negative minimum names a set with a smaller ratio.
TightestSet tightest_set(const ApprovalVoters& a, const std::vector<Cand>& members, const std::vector<char>& active) {
  TightestSet best{ratio_of(covered_weight(a, members, active), static_cast<int64_t>(members.size())), members};
  const int k = static_cast<int>(members.size());
  const int n = a.num_ballots();
  const int64_t infinite = std::numeric_limits<int64_t>::max() / 4;
  for (;;) {
    const int64_t p = to_int64(best.ratio.get_num());
    const int64_t q = to_int64(best.ratio.get_den());
    const int source = 0, sink = 1 + k + n;
    MaxFlow flow(sink + 1);
    for (int i = 0; i < k; ++i) {
      flow.add_edge(source, 1 + i, p);
      for (int v : a.approvers[static_cast<size_t>(members[static_cast<size_t>(i)])])
        if (active.empty() || active[static_cast<size_t>(v)]) flow.add_edge(1 + i, 1 + k + v, infinite);
    }
    for (int v = 0; v < n; ++v)
      if (active.empty() || active[static_cast<size_t>(v)]) flow.add_edge(1 + k + v, sink, q * a.weight[static_cast<size_t>(v)]);
    flow.run(source, sink);
    auto side = flow.source_side(source);
    std::vector<Cand> set;
    for (int i = 0; i < k; ++i)
      if (side[static_cast<size_t>(1 + i)]) set.push_back(members[static_cast<size_t>(i)]);
    if (set.empty()) return best;
    Rational ratio = ratio_of(covered_weight(a, set, active), static_cast<int64_t>(set.size()));
    if (ratio >= best.ratio) return best;
    best = {ratio, std::move(set)};
  }
}

Rational maximin_support_value(const ApprovalVoters& a, const std::vector<Cand>& committee) {
  if (committee.empty()) return Rational(0);
  return tightest_set(a, committee).ratio;
}

std::optional<std::vector<LoadLevel>> leximax_loads(const ApprovalVoters& a, const std::vector<Cand>& committee) {
  std::vector<char> active(static_cast<size_t>(a.num_ballots()), 1);
  std::vector<Cand> rest = committee;
  std::vector<LoadLevel> levels;
  int64_t remaining = a.total_weight;
  while (!rest.empty()) {
    TightestSet t = tightest_set(a, rest, active);
    if (t.ratio == 0) return std::nullopt;
    int64_t covered = covered_weight(a, t.members, active);
    Rational load = ratio_of(static_cast<int64_t>(t.members.size()), covered);
    if (!levels.empty() && levels.back().load == load)
      levels.back().voters += covered;
    else
      levels.push_back({load, covered});
    remaining -= covered;
    for (Cand c : t.members)
      for (int v : a.approvers[static_cast<size_t>(c)]) active[static_cast<size_t>(v)] = 0;
    std::vector<Cand> next;
    for (Cand c : rest)
      if (!std::binary_search(t.members.begin(), t.members.end(), c)) next.push_back(c);
    rest = std::move(next);
  }
  if (remaining > 0) levels.push_back({Rational(0), remaining});
  return levels;
}

int compare_load_vectors(const std::vector<LoadLevel>& x, const std::vector<LoadLevel>& y) {
  size_t i = 0, j = 0;
  int64_t left_x = x.empty() ? 0 : x[0].voters, left_y = y.empty() ? 0 : y[0].voters;
  while (i < x.size() && j < y.size()) {
    int c = cmp(x[i].load, y[j].load);
    if (c != 0) return c;
    int64_t step = std::min(left_x, left_y);
    left_x -= step;
    left_y -= step;
    if (left_x == 0 && ++i < x.size()) left_x = x[i].voters;
    if (left_y == 0 && ++j < y.size()) left_y = y[j].voters;
  }
  return 0;  // same total weight, so both end together
}

}  // namespace prefero
