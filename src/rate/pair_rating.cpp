#include "rate/pair_rating.hpp"

#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <limits>

#include "core/error.hpp"
#include "rate/bootstrap.hpp"
#include "rate/rating_result.hpp"
#include "rate/rating_scale.hpp"

namespace prefero::rate {

namespace {

const char* model_name(PairModel m) {
  switch (m) {
    case PairModel::bt: return "bradley_terry";
    case PairModel::rao_kupper: return "rao_kupper";
    case PairModel::davidson: return "davidson";
  }
  return "";
}

// (A)⁻¹ G (A)⁻¹ for SPD A via Cholesky; empty if A is not SPD.
std::vector<double> sandwich(std::vector<double> A, const std::vector<double>& G, size_t p) {
  // Cholesky (lower) in place.
  for (size_t j = 0; j < p; ++j) {
    double s = A[j * p + j];
    for (size_t k = 0; k < j; ++k) s -= A[j * p + k] * A[j * p + k];
    if (!(s > 0)) return {};
    double d = std::sqrt(s);
    A[j * p + j] = d;
    for (size_t i = j + 1; i < p; ++i) {
      double t = A[i * p + j];
      for (size_t k = 0; k < j; ++k) t -= A[i * p + k] * A[j * p + k];
      A[i * p + j] = t / d;
    }
  }
  auto solve = [&](std::vector<double>& b) {
    for (size_t i = 0; i < p; ++i) {
      double t = b[i];
      for (size_t k = 0; k < i; ++k) t -= A[i * p + k] * b[k];
      b[i] = t / A[i * p + i];
    }
    for (size_t i = p; i-- > 0;) {
      double t = b[i];
      for (size_t k = i + 1; k < p; ++k) t -= A[k * p + i] * b[k];
      b[i] = t / A[i * p + i];
    }
  };
  // M = A⁻¹ G (column by column; G symmetric so columns = rows), then Cov = A⁻¹ Mᵀ.
  std::vector<double> M(p * p), col(p), C(p * p);
  for (size_t j = 0; j < p; ++j) {
    for (size_t i = 0; i < p; ++i) col[i] = G[i * p + j];
    solve(col);
    for (size_t i = 0; i < p; ++i) M[i * p + j] = col[i];
  }
  for (size_t j = 0; j < p; ++j) {
    for (size_t i = 0; i < p; ++i) col[i] = M[j * p + i];
    solve(col);
    for (size_t i = 0; i < p; ++i) C[i * p + j] = col[i];
  }
  return C;
}

}  // namespace

std::vector<ParamSpec> pair_model_params(bool style, const std::string& l2_default) {
  std::vector<ParamSpec> p = rating_scale_params();
  std::vector<ParamSpec> more = {
      {"l2", ParamType::number, l2_default,
       style ? "L2 penalty (l2/2)·Σθ² on strengths θ (log-base units) and on the covariate coefficients (FastChat style "
               "control: 0.5)"
             : "L2 penalty (l2/2)·Σθ² on strengths θ in log-base units (0 = plain MLE, FastChat's point estimate)",
       {}},
      {"solver", ParamType::choice, "newton",
       "newton (damped Newton, all models) or mm (Hunter's MM; bradley_terry without l2 only)", {"newton", "mm"}},
      {"tol", ParamType::number, "1e-10",
       "stop when the largest parameter step (natural-log units) is below tol (1e-10 ≈ 2e-8 rating points)", {}},
      {"max_iter", ParamType::integer, "0", "iteration cap (0 = 100 for newton, 100000 for mm)", {}},
      {"bothbad", ParamType::choice, "tie", "'tie (bothbad)' battles count as ties (FastChat) or are dropped",
       {"tie", "drop"}},
      {"bootstrap", ParamType::integer, "0", "bootstrap rounds in count space (0 = no bootstrap)", {}},
      {"intervals", ParamType::choice, "bootstrap",
       "bootstrap (percentiles over `bootstrap` rounds) or sandwich (robust, normal approximation)",
       {"bootstrap", "sandwich"}},
      {"alpha", ParamType::number, "0.05", "intervals cover 1 − alpha (percentiles alpha/2, 1 − alpha/2)", {}},
      {"seed", ParamType::integer, "0", "bootstrap seed (same seed, same bits, any thread count)", {}},
      {"threads", ParamType::integer, "0", "bootstrap threads (0 = all cores)", {}},
      {"details", ParamType::boolean, "false", "add per-pair votes and the predicted win-rate matrix to the explanation", {}},
  };
  if (style)
    more.push_back({"normalize", ParamType::boolean, "true",
                    "z-score each covariate over battles before fitting (FastChat style control)", {}});
  p.insert(p.end(), more.begin(), more.end());
  return p;
}

RatingResult rate_pair_model(const Comparisons& c, const Params& params, PairModel model, bool style,
                             const std::string& method_id) {
  if (c.pairs.empty())
    throw InputError(method_id + ": needs pairwise battles; " +
                     (c.rankings.empty() ? std::string("the input has none")
                                         : "the input holds K-wise rankings (use plackett_luce or a Weng–Lin model)"));
  if (c.models.size() < 2) throw InputError(method_id + ": needs at least two models");
  RatingScale sc = rating_scale(params, c, method_id);
  FitSpec spec;
  spec.model = model;
  spec.ln_base = std::log(sc.base);
  double l2 = params.number("l2");
  if (!(l2 >= 0) || !std::isfinite(l2)) throw InputError(method_id + ": l2 must be >= 0");
  spec.l2_strength = l2;
  spec.l2_coef = style ? l2 : 0;
  spec.tol = params.number("tol");
  if (!(spec.tol > 0)) throw InputError(method_id + ": tol must be > 0");
  bool mm = params.text("solver") == "mm";
  auto max_iter = params.integer("max_iter");
  if (max_iter < 0) throw InputError(method_id + ": max_iter must be >= 0");
  spec.max_iter = max_iter > 0 ? static_cast<int>(std::min<int64_t>(max_iter, 10'000'000)) : (mm ? 100000 : 100);
  if (mm && (model != PairModel::bt || style || l2 > 0))
    throw InputError(method_id + ": solver=mm supports only bradley_terry without l2 (use solver=newton)");
  int rounds = static_cast<int>(std::clamp<int64_t>(params.integer("bootstrap"), -1, 10'000'000));
  if (rounds < 0) throw InputError(method_id + ": bootstrap must be >= 0");
  double alpha = params.number("alpha");
  if (!(alpha > 0 && alpha < 1)) throw InputError(method_id + ": alpha must be in (0, 1)");
  bool sandwich_ci = params.text("intervals") == "sandwich";

  Cells cells = build_cells(c, params.text("bothbad") == "drop", style);
  if (style) {
    if (cells.num_covariates == 0)
      throw InputError(method_id + ": needs per-battle covariates (CLI: --covariates NAME,...; they are numeric "
                                   "battle fields such as a length difference)");
    if (params.boolean("normalize")) standardize_covariates(cells);
  }
  bool ties_modelled = model != PairModel::bt;
  if (l2 == 0) {
    std::string why = estimability_problem(cells, c.models, ties_modelled);
    if (!why.empty()) throw InputError(method_id + ": " + why);
  }
  FitResult fit = mm ? fit_bt_mm(cells, spec.tol, spec.max_iter) : fit_pair_model(cells, spec);
  std::vector<double> rating = to_ratings(fit.s, sc);
  const size_t n = c.models.size();
  std::vector<double> lo, hi;
  json intervals = nullptr;

  if (sandwich_ci) {
    std::vector<double> x = pack(fit, cells, spec), H, G;
    information_matrices(cells, spec, x, H, G);
    size_t P = x.size();
    if (l2 == 0) {  // the same shift-fixing term as the fit: gives the sum-zero covariance
      double cs = 0;
      for (size_t i = 0; i < n; ++i) cs += H[i * (P + 1)];
      cs = cs > 0 ? cs / static_cast<double>(n) : 1.0;
      for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < n; ++j) H[i * P + j] += cs / static_cast<double>(n);
    }
    std::vector<double> C = sandwich(H, G, P);
    if (C.empty()) throw std::runtime_error(method_id + ": the information matrix is not positive definite");
    double z = boost::math::quantile(boost::math::normal(), 1 - alpha / 2);
    double f = sc.per_nat();
    lo.resize(n), hi.resize(n);
    size_t an = sc.anchor >= 0 ? static_cast<size_t>(sc.anchor) : 0;
    for (size_t i = 0; i < n; ++i) {
      double var = C[i * P + i];
      if (sc.anchor >= 0) var = C[i * P + i] + C[an * P + an] - 2 * C[i * P + an];  // Var(s_i − s_anchor)
      double half = z * f * std::sqrt(std::max(var, 0.0));
      lo[i] = rating[i] - half, hi[i] = rating[i] + half;
    }
    intervals = {{"method", "sandwich"}, {"alpha", alpha}, {"z", z}};
  } else if (rounds > 0) {
    std::vector<double> weights;
    for (const PairRow& r : c.pairs) weights.push_back(r.count);
    std::vector<double> start = pack(fit, cells, spec);
    auto seed = static_cast<uint64_t>(params.integer("seed"));
    int threads = static_cast<int>(std::clamp<int64_t>(params.integer("threads"), 0, 1024));
    // Replicates are refitted from the full-data solution with its information matrix factored
    // once (chord Newton, same stopping rule), falling back to damped Newton when that is slow.
    ChordRefit chord(cells, spec, start);
    auto refit = [&](const std::vector<double>& counts, std::vector<double>& out) {
      Cells rep = cells;
      set_cell_counts(rep, counts);
      if (l2 == 0 && !estimability_problem(rep, c.models, ties_modelled).empty()) return false;
      FitResult f = mm ? fit_bt_mm(rep, spec.tol, spec.max_iter) : chord.fit(rep);
      if (!f.converged) return false;
      out = to_ratings(f.s, sc);
      return true;
    };
    BootstrapResult b = bootstrap(weights, rounds, seed, threads, n, refit);
    lo.resize(n), hi.resize(n);
    for (size_t i = 0; i < n; ++i) {
      lo[i] = replicate_quantile(b, i, alpha / 2);
      hi[i] = replicate_quantile(b, i, 1 - alpha / 2);
    }
    intervals = {{"method", "bootstrap"},
                 {"rounds", rounds},
                 {"seed", seed},
                 {"alpha", alpha},
                 {"degenerate_rounds", b.degenerate},
                 {"space", "count: Multinomial(N, row counts / N) over unique (a, b, outcome) rows, refit each round"}};
  }

  RatingResult res = make_rating_result(c, rating, lo, hi);
  json& e = res.explanation;
  e["model"] = model_name(model);
  e["ties"] = model == PairModel::bt ? "half a win for each side" : "modelled";
  e["bothbad"] = params.text("bothbad");
  e["solver"] = mm ? "mm" : "newton";
  e["iterations"] = fit.iterations;
  e["converged"] = fit.converged;
  e["last_step"] = fit.max_step;
  e["tol"] = spec.tol;
  e["log_likelihood"] = fit.loglik;
  if (!fit.converged)
    e["warning"] = "did not converge within max_iter iterations; ratings are the last iterate";
  e["scale"] = {{"scale", sc.scale}, {"base", sc.base}, {"init", sc.init}};
  if (sc.anchor >= 0) e["anchor"] = {{"model", c.models[static_cast<size_t>(sc.anchor)]}, {"value", sc.anchor_value}};
  else e["anchor"] = nullptr;
  if (model == PairModel::rao_kupper) e["eta"] = std::exp(fit.tau);
  if (model == PairModel::davidson) e["nu"] = std::exp(fit.tau);
  if (style) {
    json coef = json::object();
    for (size_t j = 0; j < fit.beta.size(); ++j) coef[c.covariate_names[j]] = fit.beta[j];
    e["covariate_coefficients"] = coef;
    e["covariates_normalized"] = params.boolean("normalize");
  }
  e["l2"] = l2;
  e["intervals"] = intervals;
  e["battles"] = [&] {
    double t = 0;
    for (const PairRow& r : c.pairs) t += r.count;
    return t;
  }();
  if (params.boolean("details")) {
    e["pair_votes"] = pair_votes_json(c);
    // Predicted probability that the row model beats the column model (ties count half):
    // P = 1 / (1 + base^((R_col − R_row)/scale)) for bradley_terry; model-based for the tie models.
    json names = json::array(), matrix = json::array();
    for (const auto& m : res.ratings) names.push_back(c.models[static_cast<size_t>(m.model)]);
    for (const auto& mi : res.ratings) {
      json row = json::array();
      for (const auto& mj : res.ratings) {
        if (mi.model == mj.model) {
          row.push_back(nullptr);
          continue;
        }
        double d = fit.s[static_cast<size_t>(mi.model)] - fit.s[static_cast<size_t>(mj.model)];
        double p;
        if (model == PairModel::bt) {
          p = 1 / (1 + std::exp(-d));
        } else if (model == PairModel::rao_kupper) {
          double eta = std::exp(fit.tau);
          double pw = 1 / (1 + std::exp(-(d - eta))), pl = 1 / (1 + std::exp(-(-d - eta)));
          p = pw + 0.5 * (1 - pw - pl);
        } else {
          double nu = std::exp(fit.tau), D = std::exp(d / 2) + std::exp(-d / 2) + nu;
          p = (std::exp(d / 2) + 0.5 * nu) / D;
        }
        row.push_back(p);
      }
      matrix.push_back(row);
    }
    e["win_rate"] = {{"models", names}, {"predicted", matrix}};
  }
  return res;
}

}  // namespace prefero::rate
