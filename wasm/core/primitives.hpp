// The chapter's vector primitives, on raw arrays (the hot loops) and on
// std::vector (checked, for tests and readers). Book names in comments.
//
// Matrices are row-major with one row per OUTPUT and one column per INPUT:
// weights[out][in], exactly as the book writes its 3x3 example.
#pragma once

#include <cstddef>
#include <vector>

namespace wl {

// book: w_sum(a, b). Sum of a[i] * b[i], i < n.
double weighted_sum(const double* a, const double* b, std::size_t n);

// book: ele_mul(number, vector). out[i] = scalar * v[i].
void scalar_multiply(double* out, double scalar, const double* v, std::size_t n);

// Elementwise product: out[i] = a[i] * b[i] (the "dot product, seen" before its sum).
void elementwise_multiply(double* out, const double* a, const double* b, std::size_t n);

// book: vect_mat_mul(vect, matrix). out[r] = w_sum(vect, matrix[r]).
//   out    [rows]
//   vect   [cols]
//   matrix [rows][cols]
void vect_mat_mul(double* out, const double* vect, const double* matrix, std::size_t rows,
                  std::size_t cols);

// book: outer_prod(vec_a, vec_b). out[i][j] = a[i] * b[j].
//   out [na][nb]
void outer_product(double* out, const double* a, std::size_t na, const double* b, std::size_t nb);

// Ranking, the one implementation every reading uses (the network's guess is
// argmax of its scores or probabilities; the draw view also shows the runner-up).
// Index of the largest of v[0..n), the first one on ties; n >= 1.
template <typename T>
std::size_t argmax(const T* v, std::size_t n) {
  std::size_t best = 0;
  for (std::size_t i = 1; i < n; ++i) {
    if (v[i] > v[best]) best = i;
  }
  return best;
}

// The largest and the largest of the rest (first ones on ties); n >= 2.
struct TopTwo {
  std::size_t top = 0, runner_up = 1;
};

template <typename T>
TopTwo top_two(const T* v, std::size_t n) {
  TopTwo r;
  r.top = argmax(v, n);
  r.runner_up = r.top == 0 ? 1 : 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (i != r.top && v[i] > v[r.runner_up]) r.runner_up = i;
  }
  return r;
}

// Checked std::vector versions: throw std::invalid_argument on mismatched lengths.
double weighted_sum(const std::vector<double>& a, const std::vector<double>& b);
std::vector<double> scalar_multiply(double scalar, const std::vector<double>& v);
std::vector<double> elementwise_multiply(const std::vector<double>& a,
                                         const std::vector<double>& b);
std::vector<double> vect_mat_mul(const std::vector<double>& vect, const std::vector<double>& matrix,
                                 std::size_t rows);
std::vector<double> outer_product(const std::vector<double>& a, const std::vector<double>& b);

}  // namespace wl
