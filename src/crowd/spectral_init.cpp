// Spectral start for Dawid–Skene (Zhang, Chen, Zhou & Jordan 2014); see spectral_init.hpp.
#include "crowd/spectral_init.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

#include "crowd/small_linalg.hpp"

namespace prefero::crowd {

namespace {

using Matrix = SmallMatrix;

struct GroupEstimate {
  Matrix mu;              // mu(label, truth): the group's aggregate confusion
  std::vector<double> w;  // class weights
};

Matrix transpose(const Matrix& m) {
  Matrix t(m.n);
  for (int i = 0; i < m.n; ++i)
    for (int j = 0; j < m.n; ++j) t(i, j) = m(j, i);
  return t;
}

// x y^T / n for two per-task aggregates stored task-major (n x K).
Matrix cross(const std::vector<double>& x, const std::vector<double>& y, int n, int K) {
  Matrix c(K);
  for (int t = 0; t < n; ++t)
    for (int i = 0; i < K; ++i) {
      const double xi = x[static_cast<size_t>(t) * K + i];
      if (xi == 0) continue;
      for (int j = 0; j < K; ++j) c(i, j) += xi * y[static_cast<size_t>(t) * K + j];
    }
  for (double& v : c.a) v /= n;
  return c;
}

// Third-order tensor T(i,j,l), K^3, row-major.
struct Tensor3 {
  int K;
  std::vector<double> v;
  double& at(int i, int j, int l) { return v[(static_cast<size_t>(i) * K + j) * K + l]; }
  double at(int i, int j, int l) const { return v[(static_cast<size_t>(i) * K + j) * K + l]; }
};

// T(I, th, th)
std::vector<double> contract2(const Tensor3& T, const std::vector<double>& th) {
  std::vector<double> out(static_cast<size_t>(T.K), 0.0);
  for (int i = 0; i < T.K; ++i)
    for (int j = 0; j < T.K; ++j)
      for (int l = 0; l < T.K; ++l) out[i] += T.at(i, j, l) * th[j] * th[l];
  return out;
}

double contract3(const Tensor3& T, const std::vector<double>& th) {
  const auto v = contract2(T, th);
  double s = 0;
  for (int i = 0; i < T.K; ++i) s += v[i] * th[i];
  return s;
}

bool unit(std::vector<double>& th) {
  double s = 0;
  for (double x : th) s += x * x;
  if (!(s > 0)) return false;
  s = std::sqrt(s);
  for (double& x : th) x /= s;
  return true;
}

// SolveCFG(x_a, x_b, x_c): the confusion of group c and the class weights.
bool solve_group(const std::vector<double>& xa, const std::vector<double>& xb, const std::vector<double>& xc, int n,
                 int K, std::mt19937& rng, GroupEstimate& out, std::string& why) {
  Matrix ab_inv, ba_inv;
  const Matrix Cab = cross(xa, xb, n, K), Cba = cross(xb, xa, n, K);
  if (!invert(Cab, ab_inv, 1e-12) || !invert(Cba, ba_inv, 1e-12)) {
    why = "a cross-moment between worker groups is singular";
    return false;
  }
  const Matrix Ra = multiply(cross(xc, xb, n, K), ab_inv);  // x~_a = Ra x_a
  const Matrix Rb = multiply(cross(xc, xa, n, K), ba_inv);  // x~_b = Rb x_b
  Matrix M2 = multiply(multiply(Ra, Cab), transpose(Rb));
  for (int i = 0; i < K; ++i)
    for (int j = i + 1; j < K; ++j) M2(i, j) = M2(j, i) = 0.5 * (M2(i, j) + M2(j, i));
  const SymmetricEigen e = symmetric_eigen(M2);
  const double top = e.values.back();
  Matrix W(K), Winv_t(K);  // whitening W = U S^-1/2 and (W^T)^+ = U S^1/2
  for (int j = 0; j < K; ++j) {
    if (!(e.values[j] > 1e-9 * std::max(top, 1e-300))) {
      why = "the second moment is not positive definite (too few workers per group, or a class never occurs)";
      return false;
    }
    for (int i = 0; i < K; ++i) {
      W(i, j) = e.vectors(i, j) / std::sqrt(e.values[j]);
      Winv_t(i, j) = e.vectors(i, j) * std::sqrt(e.values[j]);
    }
  }
  // Whitened third moment: (1/n) sum_t (W^T x~_a(t)) (x) (W^T x~_b(t)) (x) (W^T x_c(t)).
  const Matrix WtRa = multiply(transpose(W), Ra), WtRb = multiply(transpose(W), Rb), Wt = transpose(W);
  Tensor3 T{K, std::vector<double>(static_cast<size_t>(K) * K * K, 0.0)};
  std::vector<double> p(static_cast<size_t>(K)), q(static_cast<size_t>(K)), r(static_cast<size_t>(K));
  for (int t = 0; t < n; ++t) {
    const double* a = &xa[static_cast<size_t>(t) * K];
    const double* b = &xb[static_cast<size_t>(t) * K];
    const double* c = &xc[static_cast<size_t>(t) * K];
    for (int i = 0; i < K; ++i) {
      p[i] = q[i] = r[i] = 0;
      for (int k = 0; k < K; ++k) p[i] += WtRa(i, k) * a[k], q[i] += WtRb(i, k) * b[k], r[i] += Wt(i, k) * c[k];
    }
    for (int i = 0; i < K; ++i)
      for (int j = 0; j < K; ++j) {
        const double pq = p[i] * q[j];
        for (int l = 0; l < K; ++l) T.at(i, j, l) += pq * r[l];
      }
  }
  for (double& v : T.v) v /= n;
  // Robust tensor power method with deflation.
  std::normal_distribution<double> normal(0.0, 1.0);
  std::vector<std::vector<double>> columns;
  std::vector<double> lambdas;
  for (int comp = 0; comp < K; ++comp) {
    std::vector<double> best;
    double best_value = -1e300;
    for (int start = 0; start < 100; ++start) {
      std::vector<double> th(static_cast<size_t>(K));
      for (double& x : th) x = normal(rng);
      if (!unit(th)) continue;
      for (int it = 0; it < 100; ++it) {
        auto nx = contract2(T, th);
        if (!unit(nx)) break;
        th = nx;
      }
      const double value = contract3(T, th);
      if (value > best_value) best_value = value, best = th;
    }
    if (best.empty()) {
      why = "the tensor power method found no component";
      return false;
    }
    for (int it = 0; it < 100; ++it) {
      auto nx = contract2(T, best);
      if (!unit(nx)) break;
      best = nx;
    }
    const double lambda = contract3(T, best);
    if (!(lambda > 0)) {
      why = "the tensor power method found a non-positive eigenvalue";
      return false;
    }
    for (int i = 0; i < K; ++i)
      for (int j = 0; j < K; ++j)
        for (int l = 0; l < K; ++l) T.at(i, j, l) -= lambda * best[i] * best[j] * best[l];
    std::vector<double> col(static_cast<size_t>(K), 0.0);
    for (int i = 0; i < K; ++i)
      for (int k = 0; k < K; ++k) col[i] += lambda * Winv_t(i, k) * best[k];
    columns.push_back(col);
    lambdas.push_back(lambda);
  }
  // Each component is the column of the class its largest entry names (on a collision, the free
  // class with the largest entry).
  out.mu = Matrix(K);
  out.w.assign(K, 0.0);
  std::vector<char> taken(static_cast<size_t>(K), 0);
  for (int comp = 0; comp < K; ++comp) {
    int cls = -1;
    for (int i = 0; i < K; ++i)
      if (!taken[i] && (cls < 0 || columns[comp][i] > columns[comp][cls])) cls = i;
    taken[cls] = 1;
    for (int i = 0; i < K; ++i) out.mu(i, cls) = columns[comp][i];
    out.w[cls] = 1 / (lambdas[comp] * lambdas[comp]);
  }
  return true;
}

}  // namespace

bool spectral_start(const Answers& a, SpectralStart& out, std::string& why) {
  const int K = a.K, n = a.T;
  if (K < 2 || n == 0) {
    why = "needs at least two labels and one task";
    return false;
  }
  auto group_of = [](int w) { return (w + 1) % 3; };
  std::vector<std::vector<double>> Zg(3, std::vector<double>(static_cast<size_t>(n) * K, 0.0));
  for (int t = 0; t < n; ++t)
    for (int i = a.task_start[t]; i < a.task_start[t + 1]; ++i)
      Zg[group_of(a.task_worker[i])][static_cast<size_t>(t) * K + a.task_label[i]] += 1;
  std::mt19937 rng(0);
  GroupEstimate g[3];
  // As the authors: group 1 from (x2, x3), group 2 from (x3, x1), group 3 from (x1, x2).
  if (!solve_group(Zg[1], Zg[2], Zg[0], n, K, rng, g[0], why) || !solve_group(Zg[2], Zg[0], Zg[1], n, K, rng, g[1], why) ||
      !solve_group(Zg[0], Zg[1], Zg[2], n, K, rng, g[2], why))
    return false;
  Matrix inv_alt[3];
  for (int c = 0; c < 3; ++c) {
    const int o1 = (c + 1) % 3, o2 = (c + 2) % 3;
    Matrix D(K);  // diag(w_alt / 2) mu_alt^T
    for (int i = 0; i < K; ++i)
      for (int j = 0; j < K; ++j) D(i, j) = 0.5 * (g[o1].w[i] + g[o2].w[i]) * (g[o1].mu(j, i) + g[o2].mu(j, i));
    if (!invert(D, inv_alt[c], 1e-12)) {
      why = "the other groups' confusion matrices are singular";
      return false;
    }
  }
  out.errors.assign(static_cast<size_t>(a.W) * K * K, 0.0);
  Matrix Cx(K);
  for (int w = 0; w < a.W; ++w) {
    const int c = group_of(w), o1 = (c + 1) % 3, o2 = (c + 2) % 3;
    std::fill(Cx.a.begin(), Cx.a.end(), 0.0);
    for (int i = a.worker_start[w]; i < a.worker_start[w + 1]; ++i) {
      const size_t t = static_cast<size_t>(a.worker_task[i]) * K;
      for (int j = 0; j < K; ++j) Cx(a.worker_label[i], j) += Zg[o1][t + j] + Zg[o2][t + j];
    }
    for (double& v : Cx.a) v /= n;
    Matrix mu = multiply(Cx, inv_alt[c]);
    for (int truth = 0; truth < K; ++truth) {
      double s = 0;
      for (int l = 0; l < K; ++l) s += (mu(l, truth) = std::max(mu(l, truth), 1e-6));
      for (int l = 0; l < K; ++l) out.errors[(static_cast<size_t>(w) * K + l) * K + truth] = mu(l, truth) / s;
    }
  }
  out.prior.assign(K, 0.0);
  double total = 0;
  for (int k = 0; k < K; ++k) total += (out.prior[k] = std::max(1e-6, g[0].w[k] + g[1].w[k] + g[2].w[k]));
  for (double& x : out.prior) x /= total;
  return true;
}

}  // namespace prefero::crowd
