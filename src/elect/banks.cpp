// Banks set: the tops of the maximal chains (transitive subtournaments) of the majority graph.
// Deciding membership is NP-complete (Woeginger 2003); the search below is exact, builds each
// chain top-down once, and prunes chains that some outsider can always be inserted into.
#include "elect/common.hpp"
#include "elect/majority_graph.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

// Depth-first search for a maximal chain whose top is fixed. A chain c0 > c1 > ... > ck (each
// beating all later ones) grows only at the bottom, so every chain is visited once.
class MaximalChainSearch {
 public:
  explicit MaximalChainSearch(const MajorityGraph& g) : g_(g) {}

  // A maximal chain with top `a` (positions, top first), or empty if there is none.
  std::vector<int> from_top(int a) {
    chain_ = {a};
    Bitset in(g_.size());
    in.set(a);
    prefixes_ = {Bitset(g_.size()), in};
    if (extend(in, g_.beats[a])) return chain_;
    return {};
  }

 private:
  // `in`: chain members; `below`: candidates every member beats (they can be appended).
  bool extend(const Bitset& in, const Bitset& below) {
    if (blocked(in, below)) return false;
    if (!below.any()) return true;  // nothing fits at the bottom nor (not blocked) anywhere else
    for (int y : below.members()) {
      Bitset in2 = in;
      in2.set(y);
      Bitset below2 = below;
      below2 &= g_.beats[y];
      chain_.push_back(y);
      prefixes_.push_back(in2);
      if (extend(in2, below2)) return true;
      chain_.pop_back();
      prefixes_.pop_back();
    }
    return false;
  }

  // True if some outsider x fits into the chain above its bottom and beats every candidate
  // that could still be appended: x then fits into every extension, so none is maximal.
  bool blocked(const Bitset& in, const Bitset& below) const {
    const int k = static_cast<int>(chain_.size());
    for (int x = 0; x < g_.size(); ++x) {
      if (in.test(x) || below.test(x)) continue;
      Bitset above = g_.beaten_by[x];
      above &= in;
      int pos = above.count();  // x would sit below exactly the members beating it
      if (pos == k || !(above == prefixes_[static_cast<size_t>(pos)])) continue;
      Bitset under = g_.beats[x];
      under &= in;
      if (under.count() != k - pos) continue;  // x ties a member: it does not fit
      if (below.subset_of(g_.beats[x])) return true;
    }
    return false;
  }

  const MajorityGraph& g_;
  std::vector<int> chain_;
  std::vector<Bitset> prefixes_;  // prefixes_[i]: the top i members of the chain
};

}  // namespace

// Banks set (J. S. Banks, "Sophisticated voting outcomes and agenda control", SCW 1, 1985).
ElectionResult banks(const Profile& p, const CandidateSet& cands, const Params& params) {
  auto g = majority_graph(support_of(p, params), cands);
  MaximalChainSearch search(g);
  ElectionResult r;
  json witnesses = json::object();
  for (int a = 0; a < g.size(); ++a) {
    auto chain = search.from_top(a);
    if (chain.empty()) continue;
    r.winners.push_back(g.cands[a]);
    witnesses[std::to_string(p.id(g.cands[a]))] = positions_json(p, g, chain);
  }
  r.explanation["maximal_chains"] = witnesses;
  r.explanation["note"] =
      "each winner tops a maximal chain: a set of candidates linearly ordered by the majority relation (each beats "
      "all listed after it) to which no other candidate can be added";
  r.explanation["majority_graph"] = majority_graph_json(p, g);
  return r;
}

static const Registration banks_registration{MethodInfo{
    .id = "banks",
    .aliases = {"Banks", "banks_set"},
    .family = "elect",
    .input = "ranking",
    .summary = "the candidates topping a maximal chain (transitive subtournament) of the majority graph",
    .citation = "J. S. Banks, Sophisticated voting outcomes and agenda control, Social Choice and Welfare 1(4), 1985",
    .params = {unranked_param()},
    .elect = banks,
}};

}  // namespace prefero
