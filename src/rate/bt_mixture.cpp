// Mixture of Bradley–Terry models by EM over latent voter groups, with the egalitarian
// (max–min over groups) ranking of MaxMin-RLHF.
#include "rate/bt_mixture.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/error.hpp"
#include "rate/pair_model.hpp"
#include "rate/rating_result.hpp"
#include "rate/rating_scale.hpp"
#include "rate/seeded_rng.hpp"
#include "registry/registry.hpp"

namespace prefero::rate {

namespace {

double log_sigmoid(double x) { return x >= 0 ? -std::log1p(std::exp(-x)) : x - std::log1p(std::exp(x)); }

// Log-probability of one battle outcome slot (0: a wins, 1: b wins, 2: tie as half a win each).
double battle_loglik(int slot, double d) {
  if (slot == 0) return log_sigmoid(d);
  if (slot == 1) return log_sigmoid(-d);
  return 0.5 * (log_sigmoid(d) + log_sigmoid(-d));
}

struct Run {
  std::vector<std::vector<double>> s;
  std::vector<double> weights;
  std::vector<std::vector<double>> resp;
  double loglik = -INFINITY;
  int iterations = 0;
  bool converged = false;
};

void center(std::vector<double>& s) {
  double m = std::accumulate(s.begin(), s.end(), 0.0) / static_cast<double>(s.size());
  for (double& x : s) x -= m;
}

// E-step: responsibilities of every active voter; returns the observed-data log-likelihood.
double e_step(const Comparisons& c, const Cells& cells, const std::vector<char>& active, Run& run) {
  const size_t K = run.s.size(), V = c.voters.size();
  std::vector<std::vector<double>> L(V, std::vector<double>(K, 0.0));
  for (size_t r = 0; r < c.pairs.size(); ++r) {
    auto [cell, slot] = cells.row_slot[r];
    if (cell < 0) continue;
    const PairRow& p = c.pairs[r];
    auto& lv = L[static_cast<size_t>(p.voter)];
    for (size_t k = 0; k < K; ++k) {
      double d = run.s[k][static_cast<size_t>(p.a)] - run.s[k][static_cast<size_t>(p.b)];
      lv[k] += p.count * battle_loglik(slot, d);
    }
  }
  double total = 0;
  for (size_t v = 0; v < V; ++v) {
    if (!active[v]) continue;
    double mx = -INFINITY;
    for (size_t k = 0; k < K; ++k) {
      L[v][k] += std::log(run.weights[k]);
      mx = std::max(mx, L[v][k]);
    }
    double sum = 0;
    for (size_t k = 0; k < K; ++k) sum += std::exp(L[v][k] - mx);
    for (size_t k = 0; k < K; ++k) run.resp[v][k] = std::exp(L[v][k] - mx) / sum;
    total += mx + std::log(sum);
  }
  return total;
}

// M-step: mixing weights and one weighted Bradley–Terry fit per group (warm-started).
void m_step(const Comparisons& c, Cells& cells, const std::vector<char>& active, const BtMixtureSpec& spec, Run& run) {
  const size_t K = run.s.size(), V = c.voters.size();
  double n_active = 0;
  std::fill(run.weights.begin(), run.weights.end(), 0.0);
  for (size_t v = 0; v < V; ++v)
    if (active[v]) {
      n_active += 1;
      for (size_t k = 0; k < K; ++k) run.weights[k] += run.resp[v][k];
    }
  for (double& w : run.weights) w = std::max(w / n_active, 1e-300);
  FitSpec fs;
  fs.model = PairModel::bt;
  fs.l2_strength = spec.l2;
  fs.ln_base = spec.ln_base;
  std::vector<double> counts(c.pairs.size());
  for (size_t k = 0; k < K; ++k) {
    for (size_t r = 0; r < c.pairs.size(); ++r) {
      const PairRow& p = c.pairs[r];
      counts[r] = p.count * std::max(run.resp[static_cast<size_t>(p.voter)][k], spec.floor);
    }
    set_cell_counts(cells, counts);
    FitResult f = fit_pair_model(cells, fs, run.s[k]);
    run.s[k] = f.s;
    center(run.s[k]);
  }
}

Run em_run(const Comparisons& c, Cells& cells, const std::vector<char>& active, const BtMixtureSpec& spec, int restart) {
  const size_t K = static_cast<size_t>(spec.groups), n = c.models.size();
  Run run;
  SeededRng rng(spec.seed, static_cast<uint64_t>(restart));
  run.s.assign(K, std::vector<double>(n));
  for (auto& sk : run.s) {
    for (double& x : sk) x = 2 * rng.uniform() - 1;  // strengths in (−1, 1): distinct groups from the start
    center(sk);
  }
  run.weights.assign(K, 1.0 / static_cast<double>(K));
  run.resp.assign(c.voters.size(), std::vector<double>(K, 0.0));
  double prev = -INFINITY;
  for (run.iterations = 1;; ++run.iterations) {
    run.loglik = e_step(c, cells, active, run);
    if (std::abs(run.loglik - prev) <= spec.tol * (1 + std::abs(run.loglik))) {
      run.converged = true;
      break;
    }
    if (run.iterations >= spec.max_iter) break;
    prev = run.loglik;
    m_step(c, cells, active, spec, run);
  }
  return run;
}

}  // namespace

BtMixtureFit fit_bt_mixture(const Comparisons& c, const BtMixtureSpec& spec) {
  if (spec.groups < 1) throw InputError("bt_mixture: groups must be >= 1");
  if (c.voters.empty())
    throw InputError("bt_mixture: needs a voter per battle (a 'judge', 'voter' or 'worker' field in JSONL or CSV battles); "
                     "this input has none");
  for (const PairRow& p : c.pairs)
    if (p.voter < 0 || static_cast<size_t>(p.voter) >= c.voters.size())
      throw InputError("bt_mixture: every battle needs a voter ('judge' or 'voter'); some battles of " +
                       c.models[static_cast<size_t>(p.a)] + " vs " + c.models[static_cast<size_t>(p.b)] + " have none");
  Cells cells = build_cells(c, spec.drop_bothbad, false);
  std::vector<char> active(c.voters.size(), 0);
  for (size_t r = 0; r < c.pairs.size(); ++r)
    if (cells.row_slot[r].first >= 0) active[static_cast<size_t>(c.pairs[r].voter)] = 1;
  Run best;
  int best_restart = 0;
  for (int r = 0; r < std::max(1, spec.restarts); ++r) {
    Run run = em_run(c, cells, active, spec, r);
    if (r == 0 || run.loglik > best.loglik) best = std::move(run), best_restart = r;
  }
  // Groups ordered by mixing weight (descending; stable), so output does not depend on labels.
  const size_t K = best.s.size();
  std::vector<size_t> order(K);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return best.weights[x] > best.weights[y]; });
  BtMixtureFit out;
  out.loglik = best.loglik;
  out.iterations = best.iterations;
  out.converged = best.converged;
  out.best_restart = best_restart;
  for (size_t k : order) {
    out.s.push_back(best.s[k]);
    out.weights.push_back(best.weights[k]);
  }
  out.resp.assign(c.voters.size(), std::vector<double>(K, 0.0));
  for (size_t v = 0; v < c.voters.size(); ++v)
    for (size_t j = 0; j < K; ++j) out.resp[v][j] = active[v] ? best.resp[v][order[j]] : out.weights[j];
  return out;
}

namespace {

// Chakraborty et al. (2024), MaxMin-RLHF, arXiv 2402.08925 (EM over a mixture of Bradley–Terry models).
RatingResult bt_mixture(const Comparisons& c, const Params& p) {
  const std::string id = "bt_mixture";
  if (c.pairs.empty()) throw InputError(id + ": needs pairwise battles with a voter per battle; the input has none");
  if (c.models.size() < 2) throw InputError(id + ": needs at least two models");
  RatingScale sc = rating_scale(p, c, id);
  BtMixtureSpec spec;
  auto groups = p.integer("groups");
  if (groups < 1 || groups > 100) throw InputError(id + ": groups must be in 1..100");
  spec.groups = static_cast<int>(groups);
  spec.seed = static_cast<uint64_t>(p.integer("seed"));
  auto restarts = p.integer("restarts"), max_iter = p.integer("max_iter");
  if (restarts < 1 || restarts > 1000) throw InputError(id + ": restarts must be in 1..1000");
  if (max_iter < 1) throw InputError(id + ": max_iter must be >= 1");
  spec.restarts = static_cast<int>(restarts);
  spec.max_iter = static_cast<int>(std::min<int64_t>(max_iter, 1'000'000));
  spec.tol = p.number("tol");
  if (!(spec.tol > 0)) throw InputError(id + ": tol must be > 0");
  spec.l2 = p.number("l2");
  if (!(spec.l2 >= 0) || !std::isfinite(spec.l2)) throw InputError(id + ": l2 must be >= 0");
  spec.drop_bothbad = p.text("bothbad") == "drop";
  spec.ln_base = std::log(sc.base);
  if (spec.l2 == 0) {
    Cells all = build_cells(c, spec.drop_bothbad, false);
    std::string why = estimability_problem(all, c.models, false);
    if (!why.empty()) throw InputError(id + ": " + why + " (or give l2 > 0)");
  }
  BtMixtureFit fit = fit_bt_mixture(c, spec);

  const size_t n = c.models.size(), K = fit.s.size();
  std::vector<std::vector<double>> group_rating(K);
  for (size_t k = 0; k < K; ++k) group_rating[k] = to_ratings(fit.s[k], sc);
  std::vector<double> egalitarian(n, INFINITY);
  for (size_t k = 0; k < K; ++k)
    for (size_t i = 0; i < n; ++i) egalitarian[i] = std::min(egalitarian[i], group_rating[k][i]);
  RatingResult res = make_rating_result(c, egalitarian);

  json& e = res.explanation;
  e["model"] = "bt_mixture";
  e["score"] = "egalitarian: each model's minimum over groups of its group rating (each group mean-centred on init, "
               "or anchored)";
  double best = *std::max_element(egalitarian.begin(), egalitarian.end());
  json winners = json::array();
  for (const auto& m : res.ratings)
    if (egalitarian[static_cast<size_t>(m.model)] >= best - 1e-9) winners.push_back(c.models[static_cast<size_t>(m.model)]);
  e["egalitarian_winners"] = winners;
  json gj = json::array();
  for (size_t k = 0; k < K; ++k) {
    json ratings = json::object();
    std::vector<size_t> idx(n);
    std::iota(idx.begin(), idx.end(), 0);
    std::stable_sort(idx.begin(), idx.end(), [&](size_t x, size_t y) { return group_rating[k][x] > group_rating[k][y]; });
    for (size_t i : idx) ratings[c.models[i]] = group_rating[k][i];
    double voters = 0;
    for (const auto& r : fit.resp) voters += r[k];
    gj.push_back({{"weight", fit.weights[k]}, {"expected_voters", voters}, {"ratings", ratings}});
  }
  e["groups"] = gj;
  e["ties"] = "half a win for each side";
  e["bothbad"] = p.text("bothbad");
  e["voters"] = c.voters.size();
  e["log_likelihood"] = fit.loglik;
  e["iterations"] = fit.iterations;
  e["converged"] = fit.converged;
  if (!fit.converged) e["warning"] = "EM did not converge within max_iter iterations; results are the last iterate";
  e["restarts"] = spec.restarts;
  e["best_restart"] = fit.best_restart;
  e["seed"] = spec.seed;
  e["l2"] = spec.l2;
  e["scale"] = {{"scale", sc.scale}, {"base", sc.base}, {"init", sc.init}};
  if (sc.anchor >= 0) e["anchor"] = {{"model", c.models[static_cast<size_t>(sc.anchor)]}, {"value", sc.anchor_value}};
  else e["anchor"] = nullptr;
  return res;
}

std::vector<ParamSpec> bt_mixture_params() {
  std::vector<ParamSpec> p = rating_scale_params();
  std::vector<ParamSpec> more = {
      {"groups", ParamType::integer, "2", "number of latent voter groups K", {}},
      {"seed", ParamType::integer, "0", "seed of the random starting strengths (same seed, same result)", {}},
      {"restarts", ParamType::integer, "4", "EM runs from different seeded starts; the best log-likelihood is kept", {}},
      {"max_iter", ParamType::integer, "500", "EM iterations per run", {}},
      {"tol", ParamType::number, "1e-8", "stop when the log-likelihood gains less than tol·(1 + |log L|)", {}},
      {"l2", ParamType::number, "0", "L2 penalty (l2/2)·Σθ² on each group's strengths θ in log-base units", {}},
      {"bothbad", ParamType::choice, "tie", "'tie (bothbad)' battles count as ties (FastChat) or are dropped",
       {"tie", "drop"}},
  };
  p.insert(p.end(), more.begin(), more.end());
  return p;
}

const Registration reg{MethodInfo{
    .id = "bt_mixture",
    .aliases = {"maxmin_bt"},
    .family = "rate",
    .input = "battles with a voter (judge) per battle",
    .summary = "Mixture of Bradley–Terry models over latent voter groups by EM; ratings = egalitarian (max–min over "
               "groups) score, per-group ratings and mixing weights in the explanation",
    .citation = "Chakraborty et al. (2024), MaxMin-RLHF, arXiv 2402.08925; Bradley & Terry (1952)",
    .params = bt_mixture_params(),
    .rate = bt_mixture,
}};

}  // namespace
}  // namespace prefero::rate
