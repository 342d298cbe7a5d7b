#include "committee/objective.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/error.hpp"

namespace prefero {

namespace {

size_t at(size_t b, Cand c, int m) { return b * static_cast<size_t>(m) + static_cast<size_t>(c); }

// Exact integer as a double coefficient; the solver needs |v| < 2^53.
double coefficient(const Rational& v) {
  if (v.get_den() != 1) throw std::logic_error("objective coefficient is not an integer");
  if (abs(v) > Rational(static_cast<long>(1L << 52))) throw InputError("committee objective: scores too large for the exact ILP (above 2^52)");
  return v.get_d();
}

mpz_class lcm_of_denominators(const std::vector<Rational>& values) {
  mpz_class l = 1;
  for (const auto& v : values) mpz_lcm(l.get_mpz_t(), l.get_mpz_t(), v.get_den_mpz_t());
  return l;
}

}  // namespace

std::vector<int64_t> twice_borda_utilities(const Profile& p, bool share_unranked) {
  const int m = p.num_candidates();
  std::vector<int64_t> u(p.num_ballots() * static_cast<size_t>(m), 0);
  for (size_t b = 0; b < p.num_ballots(); ++b) {
    auto levels = p.ballot(b);
    for (Cand c = 0; c < m; ++c) {
      int below = 0, tied = 0;
      const int32_t lc = levels[static_cast<size_t>(c)];
      if (lc == kUnranked && !share_unranked) continue;
      for (Cand d = 0; d < m; ++d) {
        if (d == c) continue;
        const int32_t ld = levels[static_cast<size_t>(d)];
        if (lc == kUnranked) {
          tied += ld == kUnranked;
        } else if (ld == kUnranked || ld > lc) {
          ++below;
        } else if (ld == lc) {
          ++tied;
        }
      }
      u[at(b, c, m)] = 2 * below + tied;
    }
  }
  return u;
}

CommitteeObjective separable_objective(std::string name, std::vector<Rational> scores) {
  CommitteeObjective o;
  o.name = std::move(name);
  o.num_candidates = static_cast<int>(scores.size());
  o.scale = Rational(lcm_of_denominators(scores));
  o.separable = scores;
  o.evaluate = [scores](const std::vector<Cand>& w) -> Rational {
    Rational s = 0;
    for (Cand c : w) s += scores[static_cast<size_t>(c)];
    return s;
  };
  const Rational scale = o.scale;
  o.linearize = [scores, scale](solve::LinearModel& model, const std::vector<int>& x) {
    for (size_t c = 0; c < x.size(); ++c) model.variables[static_cast<size_t>(x[c])].objective = coefficient(scores[c] * scale);
  };
  return o;
}

CommitteeObjective chamberlin_courant_objective(const Profile& p, std::vector<int64_t> u, Rational scale) {
  CommitteeObjective o;
  o.name = "chamberlin_courant";
  const int m = p.num_candidates();
  o.num_candidates = m;
  o.scale = scale;
  std::vector<int64_t> counts = p.counts;
  o.evaluate = [u, counts, m, scale](const std::vector<Cand>& w) -> Rational {
    Rational total = 0;
    for (size_t b = 0; b < counts.size(); ++b) {
      int64_t best = 0;
      for (Cand c : w) best = std::max(best, u[at(b, c, m)]);
      total += Rational(best) * Rational(counts[b]);
    }
    return total / scale;
  };
  o.linearize = [u, counts, m](solve::LinearModel& model, const std::vector<int>& x) {
    for (size_t b = 0; b < counts.size(); ++b) {
      std::vector<std::pair<int, double>> one;
      for (Cand c = 0; c < m; ++c) {
        const int64_t coef = u[at(b, c, m)];
        if (coef == 0) continue;  // a zero-utility representative adds nothing
        const int y = model.add_variable(0.0, 1.0, coefficient(Rational(coef) * Rational(counts[b])));
        model.add_constraint({{y, 1.0}, {x[static_cast<size_t>(c)], -1.0}}, -solve::kInfinity, 0.0);
        one.push_back({y, 1.0});
      }
      if (!one.empty()) model.add_constraint(std::move(one), -solve::kInfinity, 1.0);
    }
  };
  return o;
}

namespace {

// Adds Monroe's assignment variables for committee size k (x binary, or fixed by bounds).
// partial: a committee with fewer than k members (greedy): voters may stay unassigned and
// members carry at most ceil(n/k) voters (Skowron, Faliszewski & Slinko's greedy Monroe).
void add_monroe_rows(solve::LinearModel& model, const std::vector<int>& x, const std::vector<int64_t>& u,
                     const std::vector<int64_t>& counts, int m, int k, int64_t n, bool partial = false) {
  const double lo = partial ? 0.0 : static_cast<double>(n / k);
  const double hi = static_cast<double>((n + k - 1) / k);
  std::vector<std::vector<std::pair<int, double>>> per_cand(static_cast<size_t>(m));
  for (size_t b = 0; b < counts.size(); ++b) {
    std::vector<std::pair<int, double>> row;
    for (Cand c = 0; c < m; ++c) {
      const int y = model.add_variable(0.0, static_cast<double>(counts[b]), coefficient(Rational(u[at(b, c, m)])), true);
      row.push_back({y, 1.0});
      per_cand[static_cast<size_t>(c)].push_back({y, 1.0});
    }
    model.add_constraint(std::move(row), partial ? 0.0 : static_cast<double>(counts[b]), static_cast<double>(counts[b]));
  }
  for (Cand c = 0; c < m; ++c) {
    auto row = per_cand[static_cast<size_t>(c)];
    auto lower = row;
    lower.push_back({x[static_cast<size_t>(c)], -lo});
    model.add_constraint(std::move(lower), 0.0, solve::kInfinity);
    row.push_back({x[static_cast<size_t>(c)], -hi});
    model.add_constraint(std::move(row), -solve::kInfinity, 0.0);
  }
}

}  // namespace

CommitteeObjective monroe_objective(const Profile& p, std::vector<int64_t> u, Rational scale, int k) {
  CommitteeObjective o;
  o.name = "monroe";
  const int m = p.num_candidates();
  const int64_t n = p.num_voters;
  if (k < 1 || k > n) throw InputError("monroe: the committee size must be between 1 and the number of voters");
  o.num_candidates = m;
  o.scale = scale;
  o.costly_evaluation = true;
  std::vector<int64_t> counts = p.counts;
  o.evaluate = [u, counts, m, k, n, scale](const std::vector<Cand>& w) -> Rational {
    solve::LinearModel model;
    model.sense = solve::Sense::maximize;
    std::vector<int> x(static_cast<size_t>(m));
    std::vector<char> in(static_cast<size_t>(m), 0);
    for (Cand c : w) in[static_cast<size_t>(c)] = 1;
    for (Cand c = 0; c < m; ++c) x[static_cast<size_t>(c)] = model.add_variable(in[static_cast<size_t>(c)], in[static_cast<size_t>(c)]);
    add_monroe_rows(model, x, u, counts, m, k, n, static_cast<int>(w.size()) < k);
    const auto sol = solve::solve(model);
    if (sol.status != solve::SolveStatus::optimal) throw std::runtime_error("monroe: assignment problem not solved");
    return Rational(static_cast<long>(std::llround(sol.objective))) / scale;
  };
  o.linearize = [u, counts, m, k, n](solve::LinearModel& model, const std::vector<int>& x) {
    add_monroe_rows(model, x, u, counts, m, k, n);
  };
  return o;
}

CommitteeObjective thiele_objective(std::string name, int m, std::vector<char> approved, std::vector<int64_t> counts,
                                    std::vector<Rational> weights) {
  bool nonincreasing = true;
  for (size_t j = 1; j < weights.size(); ++j) nonincreasing = nonincreasing && weights[j] <= weights[j - 1];
  for (const auto& w : weights)
    if (w < 0) nonincreasing = false;
  CommitteeObjective o;
  o.name = std::move(name);
  o.num_candidates = m;
  o.scale = Rational(lcm_of_denominators(weights));
  o.evaluate = [approved, counts, m, weights](const std::vector<Cand>& w) -> Rational {
    Rational total = 0;
    for (size_t b = 0; b < counts.size(); ++b) {
      size_t j = 0;
      for (Cand c : w) j += approved[at(b, c, m)] != 0;
      Rational s = 0;
      for (size_t i = 0; i < j && i < weights.size(); ++i) s += weights[i];
      total += s * Rational(counts[b]);
    }
    return total;
  };
  const Rational scale = o.scale;
  if (!nonincreasing) return o;  // no LP-exact linearization: brute force only
  o.linearize = [approved, counts, m, weights, scale](solve::LinearModel& model, const std::vector<int>& x) {
    for (size_t b = 0; b < counts.size(); ++b) {
      std::vector<std::pair<int, double>> row;
      for (Cand c = 0; c < m; ++c)
        if (approved[at(b, c, m)]) row.push_back({x[static_cast<size_t>(c)], -1.0});
      const size_t slots = std::min(row.size(), weights.size());
      for (size_t j = 0; j < slots; ++j) {
        if (weights[j] == 0) continue;
        const int z = model.add_variable(0.0, 1.0, coefficient(weights[j] * scale * Rational(counts[b])));
        row.push_back({z, 1.0});
      }
      if (row.size() > static_cast<size_t>(std::count_if(row.begin(), row.end(), [](auto& t) { return t.second < 0; })))
        model.add_constraint(std::move(row), -solve::kInfinity, 0.0);
    }
  };
  return o;
}

}  // namespace prefero
