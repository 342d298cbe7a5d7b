#pragma once
// Every optimal committee of an ILP over x_c (one binary per candidate): solve, record the
// committee (judged by its exact score), cut it off, and repeat while the optimum holds.
#include <cmath>
#include <functional>
#include <stdexcept>

#include "committee/committee_search.hpp"
#include "solve/lp.hpp"

namespace prefero {

// `exact(committee)` gives the exact score (larger is better, consistent with the model's sense).
// Returns false if the time limit (or the solver) stopped before optimality was proven.
template <class Score>
bool ilp_all_optimal(solve::LinearModel model, const std::vector<int>& x, int k,
                     const std::vector<std::pair<int, double>>& objective_terms,
                     const std::function<Score(const std::vector<Cand>&)>& exact, bool resolute, double time_limit,
                     BestCommittees<Score>& best) {
  Deadline deadline(time_limit);
  bool proven = true, bounded = false;
  while (true) {
    solve::SolveOptions opt;
    opt.time_limit_seconds = time_limit > 0 ? deadline.remaining_seconds() : 0;
    solve::Solution sol = solve::solve(model, opt);
    if (!sol.has_solution()) {
      if (sol.status != solve::SolveStatus::infeasible) proven = false;
      break;
    }
    std::vector<Cand> w;
    for (size_t c = 0; c < x.size(); ++c)
      if (sol.values[static_cast<size_t>(x[c])] > 0.5) w.push_back(static_cast<Cand>(c));
    if (static_cast<int>(w.size()) != k) throw std::runtime_error("ilp: solution of the wrong size");
    Score s = exact(w);
    if (best.any && s < best.best) break;
    best.offer(s, w);
    if (!sol.proven_optimal) {
      proven = false;
      break;
    }
    if (resolute) break;
    std::vector<std::pair<int, double>> cut;
    for (Cand c : w) cut.emplace_back(x[static_cast<size_t>(c)], 1.0);
    model.add_constraint(cut, -solve::kInfinity, k - 1);
    if (!bounded) {
      bounded = true;
      double tol = 1e-6 * std::max(1.0, std::abs(sol.objective));
      if (model.sense == solve::Sense::maximize)
        model.add_constraint(objective_terms, sol.objective - tol, solve::kInfinity);
      else
        model.add_constraint(objective_terms, -solve::kInfinity, sol.objective + tol);
    }
  }
  return proven;
}

}  // namespace prefero
