#include "core/primitives.hpp"

#include "core/check.hpp"

namespace wl {

double weighted_sum(const double* a, const double* b, std::size_t n) {
  // Four independent accumulators: the compiler can keep them in SIMD lanes
  // without -ffast-math, and the summation order is the same natively and in WASM.
  double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    s0 += a[i] * b[i];
    s1 += a[i + 1] * b[i + 1];
    s2 += a[i + 2] * b[i + 2];
    s3 += a[i + 3] * b[i + 3];
  }
  for (; i < n; ++i) s0 += a[i] * b[i];
  return (s0 + s1) + (s2 + s3);
}

void scalar_multiply(double* out, double scalar, const double* v, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = scalar * v[i];
}

void elementwise_multiply(double* out, const double* a, const double* b, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = a[i] * b[i];
}

void vect_mat_mul(double* out, const double* vect, const double* matrix, std::size_t rows,
                  std::size_t cols) {
  for (std::size_t r = 0; r < rows; ++r) out[r] = weighted_sum(vect, matrix + r * cols, cols);
}

void outer_product(double* out, const double* a, std::size_t na, const double* b, std::size_t nb) {
  for (std::size_t i = 0; i < na; ++i) scalar_multiply(out + i * nb, a[i], b, nb);
}

double weighted_sum(const std::vector<double>& a, const std::vector<double>& b) {
  require_size(b.size(), a.size(), "weighted_sum: second vector");
  return weighted_sum(a.data(), b.data(), a.size());
}

std::vector<double> scalar_multiply(double scalar, const std::vector<double>& v) {
  std::vector<double> out(v.size());
  scalar_multiply(out.data(), scalar, v.data(), v.size());
  return out;
}

std::vector<double> elementwise_multiply(const std::vector<double>& a,
                                         const std::vector<double>& b) {
  require_size(b.size(), a.size(), "elementwise_multiply: second vector");
  std::vector<double> out(a.size());
  elementwise_multiply(out.data(), a.data(), b.data(), a.size());
  return out;
}

std::vector<double> vect_mat_mul(const std::vector<double>& vect, const std::vector<double>& matrix,
                                 std::size_t rows) {
  require_size(matrix.size(), rows * vect.size(), "vect_mat_mul: matrix");
  std::vector<double> out(rows);
  vect_mat_mul(out.data(), vect.data(), matrix.data(), rows, vect.size());
  return out;
}

std::vector<double> outer_product(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> out(a.size() * b.size());
  outer_product(out.data(), a.data(), a.size(), b.data(), b.size());
  return out;
}

}  // namespace wl
