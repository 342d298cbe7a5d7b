// Banks set: the tops of the maximal chains (transitive subtournaments) of the majority graph.
// Deciding membership is NP-complete (Woeginger 2003); the search below is exact, builds each
// chain top-down once, prunes chains that some outsider can always be inserted into, and
// remembers dead ends.
#include <unordered_set>

#include "elect/common.hpp"
#include "elect/majority_graph.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

// Depth-first search for a maximal chain with a given top. A chain c0 > c1 > ... > ck (each
// beating all later ones) grows only at the bottom, so every chain is reached once. What can
// still happen to a chain depends only on two sets, which form the search state:
//   below:  candidates every member beats (they can be appended at the bottom);
//   inside: outsiders that fit into the chain above its bottom (beaten by a top segment of
//           it, beating the rest).
// Appending y keeps the members of `inside` that beat y, adds the members of `below` that
// beat y (they now fit just above y), and leaves in `below` only what y beats. The chain is
// maximal when both sets are empty. States that led nowhere are remembered across tops.
class MaximalChainSearch {
 public:
  explicit MaximalChainSearch(const MajorityGraph& g) : g_(g) {}

  // A maximal chain with top `a` (positions, top first), or empty if there is none.
  std::vector<int> from_top(int a) {
    chain_ = {a};
    if (extend(g_.beats[a], g_.beaten_by[a])) return chain_;
    return {};
  }

 private:
  bool extend(const Bitset& below, const Bitset& inside) {
    if (!below.any() && !inside.any()) return true;
    // An outsider that fits and beats everything that could still be appended fits forever.
    for (int x : inside.members())
      if (below.subset_of(g_.beats[x])) return false;
    std::vector<uint64_t> key = below.words;
    key.insert(key.end(), inside.words.begin(), inside.words.end());
    if (dead_.count(key)) return false;
    for (int y : below.members()) {
      Bitset below2 = below;
      below2 &= g_.beats[y];
      Bitset inside2 = inside;
      inside2 |= below;
      inside2.reset(y);
      inside2 &= g_.beaten_by[y];
      chain_.push_back(y);
      if (extend(below2, inside2)) return true;
      chain_.pop_back();
    }
    if (dead_.size() < kMaxRemembered) dead_.insert(std::move(key));
    return false;
  }

  struct KeyHash {
    size_t operator()(const std::vector<uint64_t>& k) const {
      uint64_t h = 1469598103934665603ULL;
      for (uint64_t w : k) h = (h ^ w) * 1099511628211ULL;
      return static_cast<size_t>(h);
    }
  };
  static constexpr size_t kMaxRemembered = 1 << 20;

  const MajorityGraph& g_;
  std::vector<int> chain_;
  std::unordered_set<std::vector<uint64_t>, KeyHash> dead_;
};

bool is_tournament(const MajorityGraph& g) {
  for (const Bitset& t : g.tied)
    if (t.any()) return false;
  return true;
}

// a is covered (Gillies): some b beats a, and every candidate beating b also beats a.
bool gillies_covered(const MajorityGraph& g, int a) {
  for (int b : g.beaten_by[a].members())
    if (g.beaten_by[b].subset_of(g.beaten_by[a])) return true;
  return false;
}

}  // namespace

// Banks set (J. S. Banks, "Sophisticated voting outcomes and agenda control", SCW 1, 1985).
ElectionResult banks(const Profile& p, const CandidateSet& cands, const Params& params) {
  auto g = majority_graph(support_of(p, params), cands);
  MaximalChainSearch search(g);
  const bool tournament = is_tournament(g);
  ElectionResult r;
  json witnesses = json::object();
  for (int a = 0; a < g.size(); ++a) {
    // In a tournament a Gillies-covered candidate tops no maximal chain: its coverer beats
    // every member of such a chain and could be put on top (Banks 1985; Miller 1980).
    if (tournament && gillies_covered(g, a)) continue;
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
