// Maximal lotteries: the probability distributions over candidates that no candidate beats in
// expectation head to head (the mixed equilibria of the symmetric zero-sum margin game).
//
// Selection when several maximal lotteries exist (possible only with zero margins, e.g. an even
// number of voters): prefero returns the one that is lexicographically maximal in the
// `tie_break_order` (default ascending id): it gives the first candidate as much probability as
// any maximal lottery can, then the second, and so on. That lottery is a vertex of the polytope of
// maximal lotteries, so it is recovered EXACTLY: the LP (CLP) tells which probabilities are
// positive and which head-to-head constraints are tight, the linear system they form is solved in
// GMP rationals, and the rational lottery is verified to be maximal. Winners = its support.
// The explanation says whether the maximal lottery is unique, lists every candidate that has
// positive probability in some maximal lottery, and gives each candidate's win-rate reward against
// the lottery (SPO's reward; elect/lottery_reward.hpp).
#include <fmt/format.h>

#include <optional>
#include <stdexcept>

#include "elect/common.hpp"
#include "elect/lottery_reward.hpp"
#include "registry/registry.hpp"
#include "solve/lp.hpp"

namespace prefero {

namespace {

constexpr double kEps = 1e-7;

using Matrix = std::vector<std::vector<int64_t>>;  // game[x][y] for x, y indices into cands

// The margin game restricted to `cands`; `matrix` = margin (Fishburn) or sign (C1 maximal lottery).
Matrix game_of(const PairwiseMatrix& s, const CandidateSet& cands, const std::string& matrix) {
  const size_t k = cands.size();
  Matrix g(k, std::vector<int64_t>(k, 0));
  for (size_t x = 0; x < k; ++x)
    for (size_t y = 0; y < k; ++y) {
      int64_t mg = s.margin(cands[x], cands[y]);
      g[x][y] = matrix == "sign" ? (mg > 0) - (mg < 0) : mg;
    }
  return g;
}

// Variables p_x (x = 0..k-1): a lottery with sum_x p_x g[x][y] >= 0 for every y.
solve::LinearModel maximal_lottery_polytope(const Matrix& g) {
  const int k = static_cast<int>(g.size());
  solve::LinearModel lp;
  std::vector<std::pair<int, double>> total;
  for (int x = 0; x < k; ++x) total.push_back({lp.add_variable(0.0, 1.0), 1.0});
  lp.add_equality(total, 1.0);
  for (int y = 0; y < k; ++y) {
    std::vector<std::pair<int, double>> row;
    for (int x = 0; x < k; ++x) row.push_back({x, static_cast<double>(g[x][y])});
    lp.add_constraint(row, 0.0, solve::kInfinity);
  }
  return lp;
}

std::vector<double> optimize_one(solve::LinearModel lp, int x, solve::Sense sense) {
  lp.sense = sense;
  lp.variables[x].objective = 1.0;
  solve::Solution sol = solve::solve(lp);
  if (!sol.proven_optimal)
    throw std::runtime_error("maximal_lottery: the linear program was not solved (" + to_string(sol.status) + ")");
  return sol.values;
}

// Lexicographically maximal lottery in `order` (indices into cands), approximately (floating point).
std::vector<double> lexicographic_vertex(const Matrix& g, const std::vector<int>& order) {
  solve::LinearModel lp = maximal_lottery_polytope(g);
  std::vector<double> x;
  for (int c : order) {
    x = optimize_one(lp, c, solve::Sense::maximize);
    lp.add_constraint({{c, 1.0}}, x[c] - 1e-9, solve::kInfinity);
  }
  return x;
}

// Solves A p = b exactly; nullopt unless the solution is unique.
std::optional<std::vector<Rational>> solve_exactly(std::vector<std::vector<Rational>> a, std::vector<Rational> b) {
  const size_t rows = a.size(), cols = a.empty() ? 0 : a[0].size();
  size_t rank = 0;
  std::vector<size_t> pivot_col;
  for (size_t c = 0; c < cols && rank < rows; ++c) {
    size_t r = rank;
    while (r < rows && a[r][c] == 0) ++r;
    if (r == rows) continue;
    std::swap(a[r], a[rank]);
    std::swap(b[r], b[rank]);
    for (size_t i = 0; i < rows; ++i) {
      if (i == rank || a[i][c] == 0) continue;
      Rational f = a[i][c] / a[rank][c];
      for (size_t j = c; j < cols; ++j) a[i][j] -= f * a[rank][j];
      b[i] -= f * b[rank];
    }
    pivot_col.push_back(c);
    ++rank;
  }
  if (rank < cols) return std::nullopt;
  for (size_t i = rank; i < rows; ++i)
    if (b[i] != 0) return std::nullopt;
  std::vector<Rational> p(cols);
  for (size_t i = 0; i < rank; ++i) p[pivot_col[i]] = b[i] / a[i][pivot_col[i]];
  return p;
}

// The exact vertex near `x`: positive coordinates and tight constraints read off `x`.
std::vector<Rational> exact_vertex(const Matrix& g, const std::vector<double>& x) {
  const size_t k = g.size();
  std::vector<size_t> support;
  for (size_t i = 0; i < k; ++i)
    if (x[i] > kEps) support.push_back(i);
  std::vector<std::vector<Rational>> a{std::vector<Rational>(support.size(), Rational(1))};
  std::vector<Rational> b{Rational(1)};
  for (size_t y = 0; y < k; ++y) {
    double value = 0;
    for (size_t i = 0; i < k; ++i) value += x[i] * static_cast<double>(g[i][y]);
    if (value > kEps) continue;
    std::vector<Rational> row;
    for (size_t i : support) row.push_back(Rational(static_cast<long>(g[i][y])));
    a.push_back(row);
    b.push_back(0);
  }
  auto solved = solve_exactly(a, b);
  if (!solved) throw std::runtime_error("maximal_lottery: could not recover the exact lottery from the LP vertex");
  std::vector<Rational> p(k, Rational(0));
  for (size_t j = 0; j < support.size(); ++j) p[support[j]] = (*solved)[j];
  return p;
}

bool is_maximal_lottery(const Matrix& g, const std::vector<Rational>& p) {
  Rational total = 0;
  for (const auto& v : p) {
    if (v < 0) return false;
    total += v;
  }
  if (total != 1) return false;
  for (size_t y = 0; y < g.size(); ++y) {
    Rational value = 0;
    for (size_t x = 0; x < g.size(); ++x) value += p[x] * Rational(static_cast<long>(g[x][y]));
    if (value < 0) return false;
  }
  return true;
}

}  // namespace

// P. C. Fishburn, "Probabilistic social choice based on simple voting comparisons", Review of
// Economic Studies 51 (1984); F. Brandl, F. Brandt and H. G. Seedig, "Consistent probabilistic
// social choice", Econometrica 84 (2016).
ElectionResult maximal_lottery(const Profile& p, const CandidateSet& cands, const Params& params) {
  const PairwiseMatrix& s = support_of(p, params);
  const Matrix g = game_of(s, cands, params.text("matrix"));
  const int k = static_cast<int>(cands.size());
  std::vector<int> order;  // cands indices in tie-break order
  for (Cand c : tie_break_order(p, params))
    for (int i = 0; i < k; ++i)
      if (cands[i] == c) order.push_back(i);

  std::vector<Rational> lottery = exact_vertex(g, lexicographic_vertex(g, order));
  if (!is_maximal_lottery(g, lottery))
    throw std::runtime_error("maximal_lottery: the recovered lottery failed the exact check");

  solve::LinearModel polytope = maximal_lottery_polytope(g);
  bool unique = true;
  CandidateSet possible;
  for (int i = 0; i < k; ++i) {
    double hi = optimize_one(polytope, i, solve::Sense::maximize)[i];
    double lo = optimize_one(polytope, i, solve::Sense::minimize)[i];
    if (hi - lo > kEps) unique = false;
    if (hi > kEps) possible.push_back(cands[i]);
  }

  ElectionResult r;
  json probabilities = json::object();
  for (int i = 0; i < k; ++i) {
    probabilities[std::to_string(p.id(cands[i]))] = to_string(lottery[i]);
    if (lottery[i] > 0) {
      r.winners.push_back(cands[i]);
      r.lottery.push_back({cands[i], lottery[i]});
    }
  }
  r.explanation["margins"] = margins_json(p, s, cands);
  r.explanation["matrix"] = params.text("matrix");
  r.explanation["lottery"] = probabilities;
  r.explanation["unique"] = unique;
  r.explanation["possible_support"] = ids_json(p, possible);
  // SPO's reward (Swamy et al. 2024): each candidate's expected win rate against the lottery.
  r.explanation["reward"] = lottery_reward_json(p, s, cands, lottery);
  if (!unique)
    r.explanation["selection"] =
        "several maximal lotteries exist; this one is lexicographically maximal in the tie-break order "
        "(the first candidate gets as much probability as any maximal lottery allows, then the second, ...)";
  return r;
}

static const Registration maximal_lottery_registration{MethodInfo{
    .id = "maximal_lottery",
    .aliases = {"Maximal Lottery", "maximal_lotteries"},
    .family = "elect",
    .input = "ranking",
    .summary = "the lottery that no candidate beats in expectation head to head (exact rational probabilities); "
               "winners = its support; if several exist, the one lexicographically maximal in tie_break_order",
    .citation = "P. C. Fishburn, Probabilistic social choice based on simple voting comparisons, Rev. Econ. Stud. 51, "
                "1984; F. Brandl, F. Brandt and H. G. Seedig, Econometrica 84, 2016",
    .params = {unranked_param(),
               {"matrix", ParamType::choice, "margin",
                "the game: margin (Fishburn's maximal lotteries) or sign (only who wins each pair counts: "
                "pref_voting's C1 maximal lottery)",
                {"margin", "sign"}}},
    .probabilistic = true,
    .elect = maximal_lottery,
}};

}  // namespace prefero
