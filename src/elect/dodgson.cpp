// Dodgson: the candidates needing the fewest adjacent swaps in the ballots to become the
// Condorcet winner. Each score is an integer program (Bartholdi, Tovey and Trick 1989), solved
// exactly with the MIP adapter.
#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

#include "core/error.hpp"
#include "elect/common.hpp"
#include "registry/registry.hpp"
#include "solve/lp.hpp"

namespace prefero {

namespace {

// Dodgson's swap count is defined for linear orders only (as in pref_voting): every ballot must
// rank every candidate of `field`, without ties. The message counts voters, so it does not
// depend on ballot order.
void require_linear_orders(const Profile& p, const CandidateSet& field) {
  int64_t tied = 0, truncated = 0;
  for (size_t b = 0; b < p.num_ballots(); ++b) {
    auto lv = p.ballot(b);
    bool has_tie = false, has_gap = false;
    for (size_t i = 0; i < field.size(); ++i) {
      has_gap = has_gap || lv[field[i]] == kUnranked;
      for (size_t j = i + 1; j < field.size(); ++j)
        has_tie = has_tie || (lv[field[i]] != kUnranked && lv[field[i]] == lv[field[j]]);
    }
    tied += has_tie ? p.counts[b] : 0;
    truncated += has_gap ? p.counts[b] : 0;
  }
  if (tied + truncated > 0)
    throw InputError(fmt::format("dodgson: needs complete strict rankings, but {} voter(s) tie candidates and {} "
                                 "voter(s) leave candidates unranked",
                                 tied, truncated));
}

// Position (0 = top) of every candidate of `field` on ballot b, among `field`.
std::vector<int> positions(const Profile& p, size_t b, const CandidateSet& field) {
  auto lv = p.ballot(b);
  std::vector<int> pos(static_cast<size_t>(p.num_candidates()), -1);
  for (Cand c : field) {
    int above = 0;
    for (Cand d : field) above += lv[d] < lv[c];
    pos[c] = above;
  }
  return pos;
}

}  // namespace

// Dodgson score of c among `field`: the least total number of upward moves of c in the ballots
// (one move = one adjacent swap) after which c beats every rival by a strict majority.
// Integer program (Bartholdi, Tovey and Trick 1989; pref_voting's form): x[b][k] = number of
// voters with ballot b who move c up exactly k places; minimize sum k * x[b][k].
int64_t dodgson_score(const Profile& p, Cand c, const CandidateSet& field) {
  const PairwiseMatrix& s = p.support_ranked;
  const int64_t majority = p.num_voters / 2 + 1;
  solve::LinearModel model;
  std::vector<std::vector<int>> var(p.num_ballots());  // var[b][k]
  std::vector<std::vector<int>> pos(p.num_ballots());
  for (size_t b = 0; b < p.num_ballots(); ++b) {
    pos[b] = positions(p, b, field);
    std::vector<std::pair<int, double>> all;
    for (int k = 0; k <= pos[b][c]; ++k) {
      int v = model.add_variable(0, static_cast<double>(p.counts[b]), k, true);
      var[b].push_back(v);
      all.push_back({v, 1.0});
    }
    model.add_equality(all, static_cast<double>(p.counts[b]));
  }
  for (Cand d : field) {
    if (d == c) continue;
    // voters ranking d above c who move c up at least (pos c - pos d) places now prefer c to d
    std::vector<std::pair<int, double>> flips;
    for (size_t b = 0; b < p.num_ballots(); ++b)
      for (int k = pos[b][c] - pos[b][d]; pos[b][d] < pos[b][c] && k <= pos[b][c]; ++k) flips.push_back({var[b][k], 1.0});
    model.add_constraint(flips, static_cast<double>(majority - s(c, d)), solve::kInfinity);
  }
  solve::Solution sol = solve::solve(model);
  if (!sol.proven_optimal)
    throw std::runtime_error("dodgson: the integer program was not solved to optimality (" + to_string(sol.status) + ")");
  return std::llround(sol.objective);
}

// C. L. Dodgson, "A method of taking votes on more than two issues" (1876); J. Bartholdi,
// C. A. Tovey and M. A. Trick, "Voting schemes for which it can be difficult to tell who won
// the election", Social Choice and Welfare 6 (1989).
ElectionResult dodgson(const Profile& p, const CandidateSet& cands, const Params& params) {
  // global_score (pref_voting's default): rivals and ballot positions range over every candidate
  // of the profile, only the winner is chosen from `cands`.
  const CandidateSet field = params.boolean("global_score") ? all_candidates(p.num_candidates()) : cands;
  ElectionResult r;
  if (p.num_voters == 0) {
    r.winners = cands;
    r.explanation["note"] = "no voters: nobody can become a Condorcet winner, every candidate ties";
    return r;
  }
  require_linear_orders(p, field);
  std::vector<int64_t> score(static_cast<size_t>(p.num_candidates()), 0);
  for (Cand c : cands) score[c] = dodgson_score(p, c, field);
  r.winners = argmin<int64_t>(cands, [&](Cand c) { return score[c]; });
  r.explanation["dodgson_scores"] = scores_json(p, cands, [&](Cand c) { return score[c]; });
  r.explanation["majority_needed"] = p.num_voters / 2 + 1;
  return r;
}

static const Registration dodgson_registration{MethodInfo{
    .id = "dodgson",
    .aliases = {"Dodgson"},
    .family = "elect",
    .input = "ranking",
    .summary = "the candidates with the smallest Dodgson score: the fewest adjacent swaps in the ballots that make "
               "them beat every rival by a strict majority (exact integer program; complete strict rankings only)",
    .citation = "C. L. Dodgson, A method of taking votes on more than two issues, 1876; J. Bartholdi, C. A. Tovey and "
                "M. A. Trick, Social Choice and Welfare 6, 1989",
    .params = {{"global_score", ParamType::boolean, "true",
                "rivals and ballot positions range over every candidate of the profile (pref_voting's default); "
                "false restricts them to the candidates in play", {}}},
    .elect = dodgson,
}};

}  // namespace prefero
