#pragma once
// Maximum-likelihood paired-comparison models on compressed battles, fitted by damped Newton:
//   bt          Bradley–Terry, ties (and both-bad ties) counted as half a win for each side
//               (FastChat's convention): P(a beats b) = σ(d), d = s_a − s_b (+ β·z)
//   rao_kupper  Rao & Kupper (1967), logit form: P(a≻b) = σ(d − η), P(b≻a) = σ(−d − η),
//               P(tie) = the rest; η = e^τ ≥ 0 estimated
//   davidson    Davidson (1970): P(a≻b) = e^{d/2} / D, P(tie) = ν / D, D = e^{d/2} + e^{−d/2} + ν,
//               ν = e^τ estimated
// s are natural-log strengths (rating = s·scale/ln(base) + init); z are per-battle covariates
// (style control, FastChat's contextual BT), β their coefficients.
#include <cstdint>
#include <string>
#include <vector>

#include "rate/comparisons.hpp"

namespace prefero::rate {

enum class PairModel { bt, rao_kupper, davidson };

// Battles grouped by (model_a, model_b, covariate row): the counts of each outcome.
struct Cell {
  int a = 0, b = 0, cov = -1;
  double n[3] = {0, 0, 0};  // a wins, b wins, ties (tie + tie (bothbad), unless both-bad is dropped)
};

struct Cells {
  int num_models = 0;
  int num_covariates = 0;
  std::vector<Cell> cells;
  std::vector<std::vector<double>> cov;  // per covariate row (after optional z-scoring)
  // For each PairRow of the source: (cell, outcome slot), or cell = -1 when the row is dropped.
  std::vector<std::pair<int, int>> row_slot;
};

// Groups the pair rows of `c`. drop_bothbad: "tie (bothbad)" rows are left out instead of
// counting as ties. use_covariates: keep the covariate rows (else battles ignore them).
Cells build_cells(const Comparisons& c, bool drop_bothbad, bool use_covariates);
// Replaces the cell counts by `row_counts` (one per PairRow, e.g. a bootstrap replicate).
void set_cell_counts(Cells& cells, const std::vector<double>& row_counts);
// Z-scores each covariate column over battles (count-weighted, population std; std 0 -> 1).
void standardize_covariates(Cells& cells);

struct FitSpec {
  PairModel model = PairModel::bt;
  double l2_strength = 0;    // penalty (l2/2)·Σθ² on θ = s/ln(base) (FastChat's units)
  double l2_coef = 0;        // penalty (l2/2)·Σβ² on covariate coefficients
  double ln_base = 2.302585092994046;
  double tol = 1e-10;        // stop when the largest Newton step component is below tol
  int max_iter = 100;
};

struct FitResult {
  std::vector<double> s;     // natural-log strengths, one per model
  double tau = 0;            // log tie parameter (rao_kupper: log η, davidson: log ν)
  std::vector<double> beta;  // covariate coefficients (natural-log units)
  int iterations = 0;
  bool converged = false;
  double loglik = 0;         // penalised log-likelihood at the solution
  double max_step = 0;       // last Newton step (max abs component)
};

int num_params(const Cells& cells, const FitSpec& spec);
bool has_tie_param(const FitSpec& spec);

// Damped Newton from `start` (empty: zeros). Never throws on non-convergence; reports it.
FitResult fit_pair_model(const Cells& cells, const FitSpec& spec, const std::vector<double>& start = {});
// Simplified (chord) Newton for many refits near one solution, e.g. bootstrap replicates: the
// information matrix (with the shift-fixing term when unpenalised) is factored once at `x0` on
// `cells`, and each refit iterates x ← x + H0⁻¹·∇ log L(x) from x0 until the largest step is
// below spec.tol, as fit_pair_model does. Convergence is linear with a rate about the relative
// change of the information (small for resampled counts); a refit that is slow (more than
// `spec.max_iter`·4 steps) or does not shrink falls back to damped Newton from x0. The
// result's loglik is NaN unless the fallback ran (refits need only the parameters).
class ChordRefit {
 public:
  ChordRefit(const Cells& cells, const FitSpec& spec, std::vector<double> x0);
  // `replicate`: the same cells with other counts.
  FitResult fit(const Cells& replicate) const;

 private:
  FitSpec spec_;
  std::vector<double> x0_, factor_;  // Cholesky factor (lower, row-major), empty if not SPD
};

// The parameter vector [s, (τ), β] of a result (for warm starts).
std::vector<double> pack(const FitResult& r, const Cells& cells, const FitSpec& spec);

// Observed information H (= −∇² log L, penalty included) and the outer product of per-battle
// scores G at x; both (p × p), row-major.
void information_matrices(const Cells& cells, const FitSpec& spec, const std::vector<double>& x,
                          std::vector<double>& H, std::vector<double>& G);

// Hunter's (2004) MM algorithm for bt with ties as half wins, no covariates, no penalty:
// p_i ← W_i / Σ_j n_ij / (p_i + p_j); stops when max |Δ log p| < tol.
FitResult fit_bt_mm(const Cells& cells, double tol, int max_iter);

// Why the MLE is not finite, or "" when it is: models without battles, a disconnected
// comparison graph, or a group of models that never lost (or never won) against the rest
// (the win graph, with ties as edges both ways, is not strongly connected).
std::string estimability_problem(const Cells& cells, const std::vector<std::string>& names, bool ties_modelled);

}  // namespace prefero::rate
