// Uncovered sets: a candidate wins unless some other candidate covers it (is at least as good
// against everyone). The versions differ in what "at least as good" means.
#include "elect/common.hpp"
#include "elect/majority_graph.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

// Which candidates may cover a candidate: only those beating it, or anyone (Fishburn).
enum class Coverers { dominators, anyone };

// covers(j, i): position j covers position i. Returns, per position, a coverer or -1.
template <class Covers>
std::vector<int> first_coverers(const MajorityGraph& g, Coverers who, Covers covers) {
  std::vector<int> by(static_cast<size_t>(g.size()), -1);
  std::vector<int> all(static_cast<size_t>(g.size()));
  for (int i = 0; i < g.size(); ++i) all[i] = i;
  for (int i = 0; i < g.size(); ++i) {
    const std::vector<int> candidates = who == Coverers::dominators ? g.beaten_by[i].members() : all;
    for (int j : candidates)
      if (j != i && covers(j, i)) {
        by[i] = j;
        break;
      }
  }
  return by;
}

// Every weak dominator of i (beats or ties i), and i itself (pref_voting's Bordes relation).
std::vector<Bitset> weak_dominators(const MajorityGraph& g) {
  std::vector<Bitset> w = g.beaten_by;
  for (int i = 0; i < g.size(); ++i) {
    w[i] |= g.tied[i];
    w[i].set(i);
  }
  return w;
}

ElectionResult uncovered(const Profile& p, const CandidateSet& cands, const Params& params, const char* relation,
                         Coverers who, const std::function<bool(const MajorityGraph&, int, int)>& covers) {
  auto g = majority_graph(support_of(p, params), cands);
  auto by = first_coverers(g, who, [&](int j, int i) { return covers(g, j, i); });
  ElectionResult r;
  json covered = json::object();
  for (int i = 0; i < g.size(); ++i) {
    if (by[i] < 0) r.winners.push_back(g.cands[i]);
    else covered[std::to_string(p.id(g.cands[i]))] = p.id(g.cands[by[i]]);
  }
  r.explanation["covering"] = relation;
  r.explanation["covered_by"] = covered;
  r.explanation["majority_graph"] = majority_graph_json(p, g);
  return r;
}

}  // namespace

// Gillies: j covers i if j beats i and everyone beating j beats i (Gillies, "Solutions to general
// non-zero-sum games", 1959).
ElectionResult uc_gill(const Profile& p, const CandidateSet& cands, const Params& params) {
  return uncovered(p, cands, params, "j covers i: j beats i and everyone beating j also beats i", Coverers::dominators,
                   [](const MajorityGraph& g, int j, int i) {
                     return g.beaten_by[i].test(j) && g.beaten_by[j].subset_of(g.beaten_by[i]);
                   });
}

// Fishburn: j covers i if everyone beating j beats i, and not conversely (Fishburn 1977).
ElectionResult uc_fish(const Profile& p, const CandidateSet& cands, const Params& params) {
  return uncovered(p, cands, params,
                   "j covers i: everyone beating j also beats i, and someone beating i does not beat j",
                   Coverers::anyone, [](const MajorityGraph& g, int j, int i) {
                     return g.beaten_by[j].subset_of(g.beaten_by[i]) && !g.beaten_by[i].subset_of(g.beaten_by[j]);
                   });
}

// Bordes: j covers i if j beats i and everyone beating or tying j beats or ties i (Bordes 1983).
ElectionResult uc_bordes(const Profile& p, const CandidateSet& cands, const Params& params) {
  std::vector<Bitset> weak;
  return uncovered(p, cands, params, "j covers i: j beats i and everyone beating or tying j also beats or ties i",
                   Coverers::dominators, [&weak](const MajorityGraph& g, int j, int i) {
                     if (weak.empty()) weak = weak_dominators(g);
                     return g.beaten_by[i].test(j) && weak[j].subset_of(weak[i]);
                   });
}

// McKelvey: j covers i if it covers i in both Gillies' and Bordes' sense (McKelvey 1986).
ElectionResult uc_mckelvey(const Profile& p, const CandidateSet& cands, const Params& params) {
  std::vector<Bitset> weak;
  return uncovered(p, cands, params,
                   "j covers i: j beats i, everyone beating j beats i, and everyone beating or tying j beats or "
                   "ties i",
                   Coverers::dominators, [&weak](const MajorityGraph& g, int j, int i) {
                     if (weak.empty()) weak = weak_dominators(g);
                     return g.beaten_by[i].test(j) && g.beaten_by[j].subset_of(g.beaten_by[i]) &&
                            weak[j].subset_of(weak[i]);
                   });
}

// Weighted covering: j covers i if j beats i and margin(j, z) >= margin(i, z) for every z
// (Dutta and Laslier, "Comparison functions and choice correspondences", SCW 16, 1999).
ElectionResult weighted_covering(const Profile& p, const CandidateSet& cands, const Params& params) {
  const auto& s = support_of(p, params);
  return uncovered(p, cands, params, "j covers i: j beats i and margin(j, z) >= margin(i, z) for every candidate z",
                   Coverers::dominators, [&](const MajorityGraph& g, int j, int i) {
                     if (!g.beaten_by[i].test(j)) return false;
                     for (Cand z : g.cands)
                       if (s.margin(g.cands[j], z) < s.margin(g.cands[i], z)) return false;
                     return true;
                   });
}

namespace {
MethodInfo uncovered_info(std::string id, std::vector<std::string> aliases, std::string summary, std::string citation,
                          ElectFn fn) {
  return MethodInfo{.id = std::move(id),
                    .aliases = std::move(aliases),
                    .family = "elect",
                    .input = "ranking",
                    .summary = std::move(summary),
                    .citation = std::move(citation),
                    .params = {unranked_param()},
                    .elect = fn};
}
}  // namespace

static const Registration uc_gill_registration{uncovered_info(
    "uc_gill", {"Uncovered Set", "uncovered_set"},
    "the candidates no one covers (Gillies): j covers i if j beats i and everyone beating j beats i",
    "D. B. Gillies, Solutions to general non-zero-sum games, Contributions to the Theory of Games IV, 1959; "
    "N. R. Miller, A new solution set for tournaments and majority voting, AJPS 24, 1980",
    uc_gill)};

static const Registration uc_fish_registration{uncovered_info(
    "uc_fish", {"Uncovered Set - Fishburn", "uncovered_set_fishburn"},
    "the candidates no one covers (Fishburn): j covers i if the candidates beating j are a strict subset of those "
    "beating i",
    "P. C. Fishburn, Condorcet social choice functions, SIAM J. Appl. Math. 33(3), 1977", uc_fish)};

static const Registration uc_bordes_registration{uncovered_info(
    "uc_bordes", {"Uncovered Set - Bordes", "uncovered_set_bordes"},
    "the candidates no one covers (Bordes): j covers i if j beats i and everyone beating or tying j beats or ties i",
    "G. Bordes, On the possibility of reasonable consistent majoritarian choice, J. Econ. Theory 31, 1983",
    uc_bordes)};

static const Registration uc_mckelvey_registration{uncovered_info(
    "uc_mckelvey", {"Uncovered Set - McKelvey", "uncovered_set_mckelvey"},
    "the candidates no one covers (McKelvey): covering in both Gillies' and Bordes' sense",
    "R. D. McKelvey, Covering, dominance, and institution-free properties of social choice, AJPS 30(2), 1986",
    uc_mckelvey)};

static const Registration weighted_covering_registration{uncovered_info(
    "weighted_covering", {"Weighted Covering"},
    "the candidates no one covers by margins: j covers i if j beats i and has at least i's margin against "
    "everyone",
    "B. Dutta and J.-F. Laslier, Comparison functions and choice correspondences, Social Choice and Welfare 16, 1999",
    weighted_covering)};

}  // namespace prefero
