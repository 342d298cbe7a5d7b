// Jacobi eigendecomposition and Gauss–Jordan inversion (see small_linalg.hpp).
#include "crowd/small_linalg.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace prefero::crowd {

SymmetricEigen symmetric_eigen(SmallMatrix m) {
  const int n = m.n;
  SmallMatrix V(n);
  for (int i = 0; i < n; ++i) V(i, i) = 1;
  for (int sweep = 0; sweep < 100; ++sweep) {
    double off = 0, diag = 0;
    for (int i = 0; i < n; ++i) {
      diag += m(i, i) * m(i, i);
      for (int j = i + 1; j < n; ++j) off += m(i, j) * m(i, j);
    }
    if (off <= 1e-30 * std::max(diag, 1e-300)) break;
    for (int p = 0; p < n; ++p)
      for (int q = p + 1; q < n; ++q) {
        if (m(p, q) == 0) continue;
        const double theta = (m(q, q) - m(p, p)) / (2 * m(p, q));
        const double t = (theta >= 0 ? 1.0 : -1.0) / (std::abs(theta) + std::sqrt(theta * theta + 1));
        const double c = 1 / std::sqrt(t * t + 1), s = t * c;
        for (int k = 0; k < n; ++k) {  // m <- m J
          const double kp = m(k, p), kq = m(k, q);
          m(k, p) = c * kp - s * kq, m(k, q) = s * kp + c * kq;
        }
        for (int k = 0; k < n; ++k) {  // m <- J^T m
          const double pk = m(p, k), qk = m(q, k);
          m(p, k) = c * pk - s * qk, m(q, k) = s * pk + c * qk;
        }
        for (int k = 0; k < n; ++k) {
          const double kp = V(k, p), kq = V(k, q);
          V(k, p) = c * kp - s * kq, V(k, q) = s * kp + c * kq;
        }
      }
  }
  std::vector<int> order(static_cast<size_t>(n));
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) { return m(x, x) < m(y, y); });
  SymmetricEigen out{std::vector<double>(static_cast<size_t>(n)), SmallMatrix(n)};
  for (int j = 0; j < n; ++j) {
    out.values[j] = m(order[j], order[j]);
    for (int k = 0; k < n; ++k) out.vectors(k, j) = V(k, order[j]);
  }
  return out;
}

bool invert(const SmallMatrix& m, SmallMatrix& inverse, double tiny) {
  const int n = m.n;
  SmallMatrix a = m;
  inverse = SmallMatrix(n);
  for (int i = 0; i < n; ++i) inverse(i, i) = 1;
  for (int col = 0; col < n; ++col) {
    int pivot = col;
    for (int r = col + 1; r < n; ++r)
      if (std::abs(a(r, col)) > std::abs(a(pivot, col))) pivot = r;
    if (!(std::abs(a(pivot, col)) > tiny)) return false;
    if (pivot != col)
      for (int k = 0; k < n; ++k) std::swap(a(pivot, k), a(col, k)), std::swap(inverse(pivot, k), inverse(col, k));
    const double d = a(col, col);
    for (int k = 0; k < n; ++k) a(col, k) /= d, inverse(col, k) /= d;
    for (int r = 0; r < n; ++r) {
      if (r == col || a(r, col) == 0) continue;
      const double f = a(r, col);
      for (int k = 0; k < n; ++k) a(r, k) -= f * a(col, k), inverse(r, k) -= f * inverse(col, k);
    }
  }
  return true;
}

SmallMatrix multiply(const SmallMatrix& x, const SmallMatrix& y) {
  SmallMatrix z(x.n);
  for (int i = 0; i < x.n; ++i)
    for (int k = 0; k < x.n; ++k)
      for (int j = 0; j < x.n; ++j) z(i, j) += x(i, k) * y(k, j);
  return z;
}

}  // namespace prefero::crowd
