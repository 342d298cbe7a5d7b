// Bradley–Terry (Bradley & Terry 1952), Rao–Kupper (1967) and Davidson (1970) likelihoods on
// grouped battles; damped Newton, Hunter's (2004) MM, and the estimability check.
#include "rate/pair_model.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <numeric>
#include <tuple>

namespace prefero::rate {

namespace {

double sigmoid(double x) { return x >= 0 ? 1 / (1 + std::exp(-x)) : std::exp(x) / (1 + std::exp(x)); }
double log_sigmoid(double x) { return x >= 0 ? -std::log1p(std::exp(-x)) : x - std::log1p(std::exp(x)); }

// Derivatives of one battle's log-likelihood f(d, τ) for outcome o (0 a wins, 1 b wins, 2 tie).
struct Local {
  double f = 0, fd = 0, ft = 0, fdd = 0, fdt = 0, ftt = 0;
};

Local bt_local(double d, int o) {
  double p = sigmoid(d), q = sigmoid(-d);
  Local l;
  l.fdd = -p * q;
  if (o == 0) l.f = log_sigmoid(d), l.fd = q;
  else if (o == 1) l.f = log_sigmoid(-d), l.fd = -p;
  else l.f = 0.5 * (log_sigmoid(d) + log_sigmoid(-d)), l.fd = 0.5 - p;
  return l;
}

Local rao_kupper_local(double d, double tau, int o) {
  double eta = std::exp(tau);
  double u = d - eta, v = -d - eta;
  Local l;
  if (o == 0 || o == 1) {
    double w = o == 0 ? u : v, sign = o == 0 ? 1.0 : -1.0;  // dw/dd
    double fw = sigmoid(-w), fww = -sigmoid(w) * sigmoid(-w);
    l.f = log_sigmoid(w);
    l.fd = sign * fw;
    l.ft = -eta * fw;
    l.fdd = fww;
    l.fdt = -sign * eta * fww;
    l.ftt = eta * eta * fww - eta * fw;
    return l;
  }
  auto d1 = [](double x) { return sigmoid(x) * sigmoid(-x); };
  auto d2 = [&](double x) { return d1(x) * (1 - 2 * sigmoid(x)); };
  double T = sigmoid(-u) - sigmoid(v);
  if (!(T > 1e-300)) T = 1e-300;
  double Td = -d1(u) + d1(v), Te = d1(u) + d1(v);
  double Tdd = -d2(u) - d2(v), Tee = -d2(u) - d2(v), Tde = d2(u) - d2(v);
  double fd = Td / T, fe = Te / T;
  double fdd = Tdd / T - fd * fd, fee = Tee / T - fe * fe, fde = Tde / T - fd * fe;
  l.f = std::log(T);
  l.fd = fd;
  l.ft = eta * fe;
  l.fdd = fdd;
  l.fdt = eta * fde;
  l.ftt = eta * eta * fee + eta * fe;
  return l;
}

Local davidson_local(double d, double tau, int o) {
  double x1 = d / 2, x2 = -d / 2, x3 = tau;
  double m = std::max({x1, x2, x3});
  double e1 = std::exp(x1 - m), e2 = std::exp(x2 - m), e3 = std::exp(x3 - m), s = e1 + e2 + e3;
  double logD = m + std::log(s);
  double p1 = e1 / s, p2 = e2 / s, p3 = e3 / s;
  double Ld = (p1 - p2) / 2, Lt = p3;
  double Ldd = (p1 + p2) / 4 - Ld * Ld, Ltt = p3 - p3 * p3, Ldt = -Ld * p3;
  Local l;
  l.fdd = -Ldd, l.ftt = -Ltt, l.fdt = -Ldt;
  if (o == 0) l.f = x1 - logD, l.fd = 0.5 - Ld, l.ft = -Lt;
  else if (o == 1) l.f = x2 - logD, l.fd = -0.5 - Ld, l.ft = -Lt;
  else l.f = x3 - logD, l.fd = -Ld, l.ft = 1 - Lt;
  return l;
}

Local local(PairModel m, double d, double tau, int o) {
  switch (m) {
    case PairModel::bt: return bt_local(d, o);
    case PairModel::rao_kupper: return rao_kupper_local(d, tau, o);
    case PairModel::davidson: return davidson_local(d, tau, o);
  }
  return {};
}

struct Layout {
  int n = 0, k = 0, p = 0;
  int tau = -1;   // index of τ, or -1
  int beta = 0;   // first index of β
};

Layout layout(const Cells& c, const FitSpec& spec) {
  Layout L;
  L.n = c.num_models;
  L.k = c.num_covariates;
  L.tau = has_tie_param(spec) ? L.n : -1;
  L.beta = L.n + (L.tau >= 0 ? 1 : 0);
  L.p = L.beta + L.k;
  return L;
}

// Penalised log-likelihood; with `g`/`H` non-null also its gradient and information (−Hessian).
double evaluate(const Cells& c, const FitSpec& spec, const Layout& L, const std::vector<double>& x,
                std::vector<double>* g, std::vector<double>* H) {
  if (g) g->assign(static_cast<size_t>(L.p), 0.0);
  if (H) H->assign(static_cast<size_t>(L.p) * static_cast<size_t>(L.p), 0.0);
  double tau = L.tau >= 0 ? x[static_cast<size_t>(L.tau)] : 0.0;
  double F = 0;
  std::vector<int> idx;
  std::vector<double> grad_d;  // ∂d/∂x at idx
  const size_t P = static_cast<size_t>(L.p);
  for (const Cell& cell : c.cells) {
    double total = cell.n[0] + cell.n[1] + cell.n[2];
    if (total == 0) continue;
    const double* z = cell.cov >= 0 && L.k > 0 ? c.cov[static_cast<size_t>(cell.cov)].data() : nullptr;
    double d = x[static_cast<size_t>(cell.a)] - x[static_cast<size_t>(cell.b)];
    if (z)
      for (int j = 0; j < L.k; ++j) d += x[static_cast<size_t>(L.beta + j)] * z[j];
    Local sum;
    for (int o = 0; o < 3; ++o) {
      if (cell.n[o] == 0) continue;
      Local l = local(spec.model, d, tau, o);
      double w = cell.n[o];
      sum.f += w * l.f, sum.fd += w * l.fd, sum.ft += w * l.ft;
      sum.fdd += w * l.fdd, sum.fdt += w * l.fdt, sum.ftt += w * l.ftt;
    }
    F += sum.f;
    if (!g) continue;
    idx.clear(), grad_d.clear();
    idx.push_back(cell.a), grad_d.push_back(1.0);
    idx.push_back(cell.b), grad_d.push_back(-1.0);
    if (z)
      for (int j = 0; j < L.k; ++j) idx.push_back(L.beta + j), grad_d.push_back(z[j]);
    for (size_t i = 0; i < idx.size(); ++i) (*g)[static_cast<size_t>(idx[i])] += sum.fd * grad_d[i];
    if (L.tau >= 0) (*g)[static_cast<size_t>(L.tau)] += sum.ft;
    if (!H) continue;
    for (size_t i = 0; i < idx.size(); ++i) {
      size_t r = static_cast<size_t>(idx[i]);
      for (size_t j = 0; j < idx.size(); ++j) (*H)[r * P + static_cast<size_t>(idx[j])] -= sum.fdd * grad_d[i] * grad_d[j];
      if (L.tau >= 0) {
        (*H)[r * P + static_cast<size_t>(L.tau)] -= sum.fdt * grad_d[i];
        (*H)[static_cast<size_t>(L.tau) * P + r] -= sum.fdt * grad_d[i];
      }
    }
    if (L.tau >= 0) (*H)[static_cast<size_t>(L.tau) * (P + 1)] -= sum.ftt;
  }
  // Penalties: (l2/2)·Σ(s/ln b)² and (l2_coef/2)·Σβ².
  double ls = spec.l2_strength / (spec.ln_base * spec.ln_base);
  for (int i = 0; i < L.n; ++i) {
    double s = x[static_cast<size_t>(i)];
    F -= 0.5 * ls * s * s;
    if (g) (*g)[static_cast<size_t>(i)] -= ls * s;
    if (H) (*H)[static_cast<size_t>(i) * (P + 1)] += ls;
  }
  for (int j = 0; j < L.k; ++j) {
    double b = x[static_cast<size_t>(L.beta + j)];
    F -= 0.5 * spec.l2_coef * b * b;
    if (g) (*g)[static_cast<size_t>(L.beta + j)] -= spec.l2_coef * b;
    if (H) (*H)[static_cast<size_t>(L.beta + j) * (P + 1)] += spec.l2_coef;
  }
  return F;
}

// Gradient of the penalised log-likelihood only. For bt it needs one sigmoid per cell:
// ∂ℓ/∂d = (n_a + n_tie/2) − n·σ(d); the other models go through `evaluate`.
void gradient(const Cells& c, const FitSpec& spec, const Layout& L, const std::vector<double>& x, std::vector<double>& g) {
  if (spec.model != PairModel::bt) {
    evaluate(c, spec, L, x, &g, nullptr);
    return;
  }
  g.assign(static_cast<size_t>(L.p), 0.0);
  for (const Cell& cell : c.cells) {
    double total = cell.n[0] + cell.n[1] + cell.n[2];
    if (total == 0) continue;
    double d = x[static_cast<size_t>(cell.a)] - x[static_cast<size_t>(cell.b)];
    const double* z = cell.cov >= 0 && L.k > 0 ? c.cov[static_cast<size_t>(cell.cov)].data() : nullptr;
    if (z)
      for (int j = 0; j < L.k; ++j) d += x[static_cast<size_t>(L.beta + j)] * z[j];
    double fd = cell.n[0] + 0.5 * cell.n[2] - total * sigmoid(d);
    g[static_cast<size_t>(cell.a)] += fd;
    g[static_cast<size_t>(cell.b)] -= fd;
    if (z)
      for (int j = 0; j < L.k; ++j) g[static_cast<size_t>(L.beta + j)] += fd * z[j];
  }
  double ls = spec.l2_strength / (spec.ln_base * spec.ln_base);
  for (int i = 0; i < L.n; ++i) g[static_cast<size_t>(i)] -= ls * x[static_cast<size_t>(i)];
  for (int j = 0; j < L.k; ++j) g[static_cast<size_t>(L.beta + j)] -= spec.l2_coef * x[static_cast<size_t>(L.beta + j)];
}

// In-place Cholesky of a (p × p) row-major SPD matrix into its lower factor; false if not SPD.
bool cholesky(std::vector<double>& A, size_t p) {
  for (size_t j = 0; j < p; ++j) {
    double* rj = &A[j * p];
    double s = rj[j];
    for (size_t k = 0; k < j; ++k) s -= rj[k] * rj[k];
    if (!(s > 0)) return false;
    double djj = std::sqrt(s);
    rj[j] = djj;
    for (size_t i = j + 1; i < p; ++i) {
      double* ri = &A[i * p];
      double t = ri[j];
      for (size_t k = 0; k < j; ++k) t -= ri[k] * rj[k];
      ri[j] = t / djj;
    }
  }
  return true;
}

void cholesky_solve(const std::vector<double>& Lf, size_t p, std::vector<double>& b) {
  for (size_t i = 0; i < p; ++i) {
    double t = b[i];
    for (size_t k = 0; k < i; ++k) t -= Lf[i * p + k] * b[k];
    b[i] = t / Lf[i * p + i];
  }
  for (size_t i = p; i-- > 0;) {
    double t = b[i];
    for (size_t k = i + 1; k < p; ++k) t -= Lf[k * p + i] * b[k];
    b[i] = t / Lf[i * p + i];
  }
}

}  // namespace

bool has_tie_param(const FitSpec& spec) { return spec.model != PairModel::bt; }
int num_params(const Cells& cells, const FitSpec& spec) { return layout(cells, spec).p; }

Cells build_cells(const Comparisons& c, bool drop_bothbad, bool use_covariates) {
  Cells out;
  out.num_models = static_cast<int>(c.models.size());
  out.num_covariates = use_covariates ? static_cast<int>(c.covariate_names.size()) : 0;
  if (use_covariates) out.cov = c.covariates;
  std::map<std::tuple<int, int, int>, int> index;
  out.row_slot.reserve(c.pairs.size());
  for (const PairRow& r : c.pairs) {
    if (drop_bothbad && r.outcome == Outcome::tie_bothbad) {
      out.row_slot.emplace_back(-1, 0);
      continue;
    }
    int cov = use_covariates ? r.covariates : -1;
    auto [it, fresh] = index.try_emplace({r.a, r.b, cov}, static_cast<int>(out.cells.size()));
    if (fresh) out.cells.push_back(Cell{r.a, r.b, cov, {0, 0, 0}});
    int slot = r.outcome == Outcome::a_wins ? 0 : r.outcome == Outcome::b_wins ? 1 : 2;
    out.cells[static_cast<size_t>(it->second)].n[slot] += r.count;
    out.row_slot.emplace_back(it->second, slot);
  }
  return out;
}

void set_cell_counts(Cells& cells, const std::vector<double>& row_counts) {
  for (Cell& c : cells.cells) c.n[0] = c.n[1] = c.n[2] = 0;
  for (size_t r = 0; r < row_counts.size() && r < cells.row_slot.size(); ++r) {
    auto [cell, slot] = cells.row_slot[r];
    if (cell >= 0) cells.cells[static_cast<size_t>(cell)].n[slot] += row_counts[r];
  }
}

void standardize_covariates(Cells& cells) {
  int k = cells.num_covariates;
  if (k == 0) return;
  std::vector<double> sum(static_cast<size_t>(k)), sq(static_cast<size_t>(k));
  double total = 0;
  for (const Cell& c : cells.cells) {
    double w = c.n[0] + c.n[1] + c.n[2];
    if (c.cov < 0 || w == 0) continue;
    total += w;
    for (int j = 0; j < k; ++j) sum[static_cast<size_t>(j)] += w * cells.cov[static_cast<size_t>(c.cov)][static_cast<size_t>(j)];
  }
  if (total == 0) return;
  for (double& s : sum) s /= total;
  for (const Cell& c : cells.cells) {
    double w = c.n[0] + c.n[1] + c.n[2];
    if (c.cov < 0 || w == 0) continue;
    for (int j = 0; j < k; ++j) {
      double dv = cells.cov[static_cast<size_t>(c.cov)][static_cast<size_t>(j)] - sum[static_cast<size_t>(j)];
      sq[static_cast<size_t>(j)] += w * dv * dv;
    }
  }
  for (auto& row : cells.cov)
    for (int j = 0; j < k; ++j) {
      double sd = std::sqrt(sq[static_cast<size_t>(j)] / total);
      if (!(sd > 0)) sd = 1;
      row[static_cast<size_t>(j)] = (row[static_cast<size_t>(j)] - sum[static_cast<size_t>(j)]) / sd;
    }
}

std::vector<double> pack(const FitResult& r, const Cells& cells, const FitSpec& spec) {
  Layout L = layout(cells, spec);
  std::vector<double> x(static_cast<size_t>(L.p), 0.0);
  std::copy(r.s.begin(), r.s.end(), x.begin());
  if (L.tau >= 0) x[static_cast<size_t>(L.tau)] = r.tau;
  for (int j = 0; j < L.k && j < static_cast<int>(r.beta.size()); ++j) x[static_cast<size_t>(L.beta + j)] = r.beta[static_cast<size_t>(j)];
  return x;
}

FitResult fit_pair_model(const Cells& cells, const FitSpec& spec, const std::vector<double>& start) {
  Layout L = layout(cells, spec);
  const size_t P = static_cast<size_t>(L.p);
  std::vector<double> x = start.size() == P ? start : std::vector<double>(P, 0.0);
  std::vector<double> g, H, A, step(P), trial(P);
  FitResult res;
  double F = evaluate(cells, spec, L, x, nullptr, nullptr);
  bool fix_shift = spec.l2_strength == 0;  // ratings are identified only up to a common shift
  for (res.iterations = 0; res.iterations < spec.max_iter;) {
    ++res.iterations;
    evaluate(cells, spec, L, x, &g, &H);
    double c = 0;
    for (int i = 0; i < L.n; ++i) c += H[static_cast<size_t>(i) * (P + 1)];
    c = c > 0 ? c / L.n : 1.0;
    double mu = 0;
    bool ok = false;
    for (int attempt = 0; attempt < 40 && !ok; ++attempt) {
      A = H;
      // Adding c·11ᵀ on the strengths makes the system nonsingular; since the data gradient sums
      // to zero over the strengths and H·1 = 0, the step still sums to zero (shift fixed).
      if (fix_shift)
        for (int i = 0; i < L.n; ++i)
          for (int j = 0; j < L.n; ++j) A[static_cast<size_t>(i) * P + static_cast<size_t>(j)] += c / L.n;
      for (size_t i = 0; i < P; ++i) A[i * (P + 1)] += mu;
      ok = cholesky(A, P);
      if (!ok) mu = mu == 0 ? 1e-8 * std::max(c, 1.0) : mu * 10;
    }
    if (!ok) break;
    step = g;
    cholesky_solve(A, P, step);
    // Backtracking: the penalised log-likelihood must not decrease (beyond rounding).
    double t = 1, Fnew = F;
    for (int h = 0; h < 60; ++h, t /= 2) {
      for (size_t i = 0; i < P; ++i) trial[i] = x[i] + t * step[i];
      Fnew = evaluate(cells, spec, L, trial, nullptr, nullptr);
      if (std::isfinite(Fnew) && Fnew >= F - 1e-12 * std::abs(F)) break;
    }
    double mx = 0;
    for (size_t i = 0; i < P; ++i) mx = std::max(mx, std::abs(t * step[i]));
    x = trial;
    F = Fnew;
    res.max_step = mx;
    if (mx < spec.tol) {
      res.converged = true;
      break;
    }
  }
  res.loglik = F;
  res.s.assign(x.begin(), x.begin() + L.n);
  if (L.tau >= 0) res.tau = x[static_cast<size_t>(L.tau)];
  res.beta.assign(x.begin() + L.beta, x.end());
  return res;
}

ChordRefit::ChordRefit(const Cells& cells, const FitSpec& spec, std::vector<double> x0) : spec_(spec), x0_(std::move(x0)) {
  Layout L = layout(cells, spec);
  const size_t P = static_cast<size_t>(L.p);
  if (x0_.size() != P) x0_.assign(P, 0.0);
  std::vector<double> g;
  evaluate(cells, spec, L, x0_, &g, &factor_);
  if (spec.l2_strength == 0) {  // the same shift-fixing term as fit_pair_model
    double c = 0;
    for (int i = 0; i < L.n; ++i) c += factor_[static_cast<size_t>(i) * (P + 1)];
    c = c > 0 ? c / L.n : 1.0;
    for (int i = 0; i < L.n; ++i)
      for (int j = 0; j < L.n; ++j) factor_[static_cast<size_t>(i) * P + static_cast<size_t>(j)] += c / L.n;
  }
  if (!cholesky(factor_, P)) factor_.clear();
}

FitResult ChordRefit::fit(const Cells& rep) const {
  Layout L = layout(rep, spec_);
  const size_t P = static_cast<size_t>(L.p);
  FitResult res;
  std::vector<double> x = x0_, g;
  bool ok = !factor_.empty() && P == x0_.size();
  double prev = std::numeric_limits<double>::infinity();
  const int cap = std::max(4 * spec_.max_iter, 50);
  for (res.iterations = 0; ok && res.iterations < cap;) {
    ++res.iterations;
    gradient(rep, spec_, L, x, g);
    cholesky_solve(factor_, P, g);
    double mx = 0;
    for (size_t i = 0; i < P; ++i) mx = std::max(mx, std::abs(g[i]));
    if (!std::isfinite(mx) || (res.iterations > 3 && mx > 0.9 * prev)) {
      ok = false;  // diverging or stalling: use damped Newton
      break;
    }
    for (size_t i = 0; i < P; ++i) x[i] += g[i];
    prev = mx;
    res.max_step = mx;
    if (mx < spec_.tol) {
      res.converged = true;
      break;
    }
  }
  if (!res.converged) return fit_pair_model(rep, spec_, x0_);
  res.loglik = std::numeric_limits<double>::quiet_NaN();  // not needed by refits; costs a pass of logs
  res.s.assign(x.begin(), x.begin() + L.n);
  if (L.tau >= 0) res.tau = x[static_cast<size_t>(L.tau)];
  res.beta.assign(x.begin() + L.beta, x.end());
  return res;
}

void information_matrices(const Cells& cells, const FitSpec& spec, const std::vector<double>& x,
                          std::vector<double>& H, std::vector<double>& G) {
  Layout L = layout(cells, spec);
  std::vector<double> g;
  evaluate(cells, spec, L, x, &g, &H);
  const size_t P = static_cast<size_t>(L.p);
  G.assign(P * P, 0.0);
  double tau = L.tau >= 0 ? x[static_cast<size_t>(L.tau)] : 0.0;
  std::vector<std::pair<size_t, double>> score;
  for (const Cell& cell : cells.cells) {
    const double* z = cell.cov >= 0 && L.k > 0 ? cells.cov[static_cast<size_t>(cell.cov)].data() : nullptr;
    double d = x[static_cast<size_t>(cell.a)] - x[static_cast<size_t>(cell.b)];
    if (z)
      for (int j = 0; j < L.k; ++j) d += x[static_cast<size_t>(L.beta + j)] * z[j];
    for (int o = 0; o < 3; ++o) {
      if (cell.n[o] == 0) continue;
      Local l = local(spec.model, d, tau, o);
      score.clear();
      score.emplace_back(static_cast<size_t>(cell.a), l.fd);
      score.emplace_back(static_cast<size_t>(cell.b), -l.fd);
      if (z)
        for (int j = 0; j < L.k; ++j) score.emplace_back(static_cast<size_t>(L.beta + j), l.fd * z[j]);
      if (L.tau >= 0) score.emplace_back(static_cast<size_t>(L.tau), l.ft);
      for (auto [i, si] : score)
        for (auto [j, sj] : score) G[i * P + j] += cell.n[o] * si * sj;
    }
  }
}

FitResult fit_bt_mm(const Cells& cells, double tol, int max_iter) {
  int n = cells.num_models;
  // Per unordered pair: half-win weights each way.
  std::map<std::pair<int, int>, std::pair<double, double>> pairs;
  std::vector<double> W(static_cast<size_t>(n), 0.0);
  for (const Cell& c : cells.cells) {
    double wa = c.n[0] + 0.5 * c.n[2], wb = c.n[1] + 0.5 * c.n[2];
    W[static_cast<size_t>(c.a)] += wa;
    W[static_cast<size_t>(c.b)] += wb;
    auto key = std::minmax(c.a, c.b);
    auto& e = pairs[{key.first, key.second}];
    e.first += wa + wb;  // battles between the two
  }
  std::vector<std::tuple<int, int, double>> edges;
  for (const auto& [k, v] : pairs)
    if (v.first > 0) edges.emplace_back(k.first, k.second, v.first);
  std::vector<double> p(static_cast<size_t>(n), 1.0), denom(static_cast<size_t>(n));
  FitResult res;
  for (res.iterations = 0; res.iterations < max_iter;) {
    ++res.iterations;
    std::fill(denom.begin(), denom.end(), 0.0);
    for (auto [i, j, nij] : edges) {
      double t = nij / (p[static_cast<size_t>(i)] + p[static_cast<size_t>(j)]);
      denom[static_cast<size_t>(i)] += t, denom[static_cast<size_t>(j)] += t;
    }
    double mx = 0, logsum = 0;
    std::vector<double> next(static_cast<size_t>(n));
    for (size_t i = 0; i < next.size(); ++i) {
      next[i] = denom[i] > 0 ? W[i] / denom[i] : p[i];
      logsum += std::log(next[i]);
    }
    double shift = logsum / n;
    for (size_t i = 0; i < next.size(); ++i) {
      double lp = std::log(next[i]) - shift;
      mx = std::max(mx, std::abs(lp - std::log(p[i])));
      p[i] = std::exp(lp);
    }
    res.max_step = mx;
    if (mx < tol) {
      res.converged = true;
      break;
    }
  }
  res.s.resize(static_cast<size_t>(n));
  for (size_t i = 0; i < p.size(); ++i) res.s[i] = std::log(p[i]);
  FitSpec spec;
  Layout L = layout(cells, spec);
  res.loglik = evaluate(cells, spec, L, res.s, nullptr, nullptr);
  return res;
}

std::string estimability_problem(const Cells& cells, const std::vector<std::string>& names, bool ties_modelled) {
  int n = cells.num_models;
  std::vector<double> votes(static_cast<size_t>(n), 0.0);
  std::vector<std::vector<int>> beats(static_cast<size_t>(n));  // a -> b: a beat (or tied) b
  double ties = 0, decisive = 0;
  for (const Cell& c : cells.cells) {
    double t = c.n[0] + c.n[1] + c.n[2];
    votes[static_cast<size_t>(c.a)] += t, votes[static_cast<size_t>(c.b)] += t;
    ties += c.n[2], decisive += c.n[0] + c.n[1];
    if (c.n[0] > 0 || c.n[2] > 0) beats[static_cast<size_t>(c.a)].push_back(c.b);
    if (c.n[1] > 0 || c.n[2] > 0) beats[static_cast<size_t>(c.b)].push_back(c.a);
  }
  auto list = [&](const std::vector<int>& ids) {
    std::string s;
    for (size_t i = 0; i < ids.size() && i < 8; ++i) s += (i ? ", " : "") + names[static_cast<size_t>(ids[i])];
    if (ids.size() > 8) s += ", ... (" + std::to_string(ids.size()) + " models)";
    return s;
  };
  std::vector<int> idle;
  for (int i = 0; i < n; ++i)
    if (votes[static_cast<size_t>(i)] == 0) idle.push_back(i);
  if (!idle.empty()) return "no battles for: " + list(idle);
  if (ties_modelled && ties == 0) return "no ties, so the tie parameter is not estimable (use bradley_terry)";
  if (ties_modelled && decisive == 0) return "only ties, so the strengths are not estimable";
  // Tarjan's strongly connected components (iterative).
  std::vector<int> index(static_cast<size_t>(n), -1), low(static_cast<size_t>(n)), comp(static_cast<size_t>(n), -1), stack;
  std::vector<char> on(static_cast<size_t>(n));
  int next = 0, ncomp = 0;
  for (int root = 0; root < n; ++root) {
    if (index[static_cast<size_t>(root)] >= 0) continue;
    std::vector<std::pair<int, size_t>> call{{root, 0}};
    index[static_cast<size_t>(root)] = low[static_cast<size_t>(root)] = next++;
    stack.push_back(root), on[static_cast<size_t>(root)] = 1;
    while (!call.empty()) {
      auto& [v, it] = call.back();
      const auto& adj = beats[static_cast<size_t>(v)];
      if (it < adj.size()) {
        int w = adj[it++];
        if (index[static_cast<size_t>(w)] < 0) {
          index[static_cast<size_t>(w)] = low[static_cast<size_t>(w)] = next++;
          stack.push_back(w), on[static_cast<size_t>(w)] = 1;
          call.emplace_back(w, 0);
        } else if (on[static_cast<size_t>(w)]) {
          low[static_cast<size_t>(v)] = std::min(low[static_cast<size_t>(v)], index[static_cast<size_t>(w)]);
        }
        continue;
      }
      if (low[static_cast<size_t>(v)] == index[static_cast<size_t>(v)]) {
        int w;
        do {
          w = stack.back();
          stack.pop_back();
          on[static_cast<size_t>(w)] = 0;
          comp[static_cast<size_t>(w)] = ncomp;
        } while (w != v);
        ++ncomp;
      }
      int done = v;
      call.pop_back();
      if (!call.empty()) {
        int u = call.back().first;
        low[static_cast<size_t>(u)] = std::min(low[static_cast<size_t>(u)], low[static_cast<size_t>(done)]);
      }
    }
  }
  if (ncomp <= 1) return "";
  // Undirected components first (a disconnected graph), then a group that never lost / never won.
  std::vector<int> parent(static_cast<size_t>(n));
  std::iota(parent.begin(), parent.end(), 0);
  std::function<int(int)> find = [&](int v) {
    while (parent[static_cast<size_t>(v)] != v) v = parent[static_cast<size_t>(v)] = parent[static_cast<size_t>(parent[static_cast<size_t>(v)])];
    return v;
  };
  for (int v = 0; v < n; ++v)
    for (int w : beats[static_cast<size_t>(v)]) parent[static_cast<size_t>(find(v))] = find(w);
  std::map<int, std::vector<int>> groups;
  for (int v = 0; v < n; ++v) groups[find(v)].push_back(v);
  if (groups.size() > 1) {
    std::string s = "the comparison graph is disconnected (" + std::to_string(groups.size()) +
                    " groups never compared with each other; ratings across groups are undefined): ";
    int shown = 0;
    for (const auto& [r, ids] : groups) {
      if (shown++ == 3) {
        s += "; ...";
        break;
      }
      s += (shown > 1 ? "; {" : "{") + list(ids) + "}";
    }
    return s;
  }
  std::vector<char> has_in(static_cast<size_t>(ncomp)), has_out(static_cast<size_t>(ncomp));
  for (int v = 0; v < n; ++v)
    for (int w : beats[static_cast<size_t>(v)])
      if (comp[static_cast<size_t>(v)] != comp[static_cast<size_t>(w)])
        has_out[static_cast<size_t>(comp[static_cast<size_t>(v)])] = 1, has_in[static_cast<size_t>(comp[static_cast<size_t>(w)])] = 1;
  std::vector<int> never_lost, never_won;
  for (int v = 0; v < n; ++v) {
    if (!has_in[static_cast<size_t>(comp[static_cast<size_t>(v)])]) never_lost.push_back(v);
    if (!has_out[static_cast<size_t>(comp[static_cast<size_t>(v)])]) never_won.push_back(v);
  }
  return "the maximum-likelihood ratings are infinite: {" + list(never_lost) +
         "} never lost (or tied) against the other models, and {" + list(never_won) +
         "} never won (or tied) against them; add an L2 penalty (--param l2=...) or more battles";
}

}  // namespace prefero::rate
