#pragma once
// Dense linear algebra for the K x K matrices of truth inference (K = number of labels, small):
// symmetric eigendecomposition by cyclic Jacobi rotations and inversion by Gauss–Jordan.
#include <vector>

namespace prefero::crowd {

// Row-major n x n matrix.
struct SmallMatrix {
  int n = 0;
  std::vector<double> a;
  explicit SmallMatrix(int size = 0) : n(size), a(static_cast<size_t>(size) * size, 0.0) {}
  double& operator()(int i, int j) { return a[static_cast<size_t>(i) * n + j]; }
  double operator()(int i, int j) const { return a[static_cast<size_t>(i) * n + j]; }
};

// Eigenvalues (ascending) and eigenvectors (column j of `vectors` belongs to values[j]) of the
// symmetric matrix m.
struct SymmetricEigen {
  std::vector<double> values;
  SmallMatrix vectors;
};
SymmetricEigen symmetric_eigen(SmallMatrix m);

// Inverse by Gauss–Jordan with partial pivoting; false when a pivot is below `tiny` (singular).
bool invert(const SmallMatrix& m, SmallMatrix& inverse, double tiny = 1e-300);

SmallMatrix multiply(const SmallMatrix& x, const SmallMatrix& y);

}  // namespace prefero::crowd
