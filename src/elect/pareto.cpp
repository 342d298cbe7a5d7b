// Pareto: the candidates no other candidate Pareto-dominates.
#include "elect/common.hpp"
#include "registry/registry.hpp"

namespace prefero {

namespace {

// a Pareto-dominates b. Weak Pareto: every voter strictly prefers a. Strong Pareto: some voter
// strictly prefers a and no voter strictly prefers b.
bool dominates(const Profile& p, const PairwiseMatrix& s, bool strong, Cand a, Cand b) {
  if (a == b || p.num_voters == 0) return false;
  return strong ? s(a, b) > 0 && s(b, a) == 0 : s(a, b) == p.num_voters;
}

// Candidates from which every candidate dominating them (transitively) is reached back. Equals
// the undominated candidates when domination is acyclic, and is never empty.
CandidateSet top_of_closure(const Profile& p, const PairwiseMatrix& s, bool strong, const CandidateSet& cands) {
  const size_t n = cands.size();
  std::vector<std::vector<char>> reach(n, std::vector<char>(n, 0));
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < n; ++j) reach[i][j] = i == j || dominates(p, s, strong, cands[i], cands[j]);
  for (size_t k = 0; k < n; ++k)
    for (size_t i = 0; i < n; ++i)
      if (reach[i][k])
        for (size_t j = 0; j < n; ++j) reach[i][j] = reach[i][j] || reach[k][j];
  CandidateSet out;
  for (size_t i = 0; i < n; ++i) {
    bool top = true;
    for (size_t j = 0; j < n && top; ++j) top = !(reach[j][i] && !reach[i][j]);
    if (top) out.push_back(cands[i]);
  }
  return out;
}

}  // namespace

// Pareto (V. Pareto, "Manuale di economia politica", 1906): undominated candidates.
ElectionResult pareto(const Profile& p, const CandidateSet& cands, const Params& params) {
  const auto& s = support_of(p, params);
  const bool strong = params.boolean("strong");
  ElectionResult r;
  json dominated = json::object();
  for (Cand b : cands) {
    Cand by = -1;
    for (Cand a : cands)
      if (by < 0 && dominates(p, s, strong, a, b)) by = a;
    if (by < 0) r.winners.push_back(b);
    else dominated[std::to_string(p.id(b))] = p.id(by);
  }
  r.explanation["dominance"] = strong ? "strong: some voter prefers the dominator, no voter prefers the other"
                                      : "weak: every voter strictly prefers the dominator";
  r.explanation["dominated_by"] = dominated;
  if (r.winners.empty()) {
    // Only possible with strong dominance on truncated ballots read as incomparable.
    r.winners = top_of_closure(p, s, strong, cands);
    r.explanation["note"] = "dominance is cyclic here: the winners are the top cycle of the dominance relation";
  }
  return r;
}

static ParamSpec pareto_unranked_param() {
  ParamSpec spec = unranked_param();
  spec.default_value = "tied_last";
  spec.doc += ". Default tied_last, as pref_voting's pareto (extended strict preferences)";
  return spec;
}

static const Registration pareto_registration{MethodInfo{
    .id = "pareto",
    .aliases = {"Pareto"},
    .family = "elect",
    .input = "ranking",
    .summary = "the candidates not Pareto-dominated (no other candidate is preferred to them by every voter)",
    .citation = "V. Pareto, Manuale di economia politica, 1906; W. H. Holliday and E. Pacuit, pref_voting (pareto)",
    .params = {pareto_unranked_param(),
               {"strong", ParamType::boolean, "false",
                "strong Pareto: a dominates b when some voter prefers a and no voter prefers b (default: weak, "
                "every voter prefers a)",
                {}}},
    .elect = pareto,
}};

}  // namespace prefero
