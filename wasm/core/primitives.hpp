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

// Checked std::vector versions: throw std::invalid_argument on mismatched lengths.
double weighted_sum(const std::vector<double>& a, const std::vector<double>& b);
std::vector<double> scalar_multiply(double scalar, const std::vector<double>& v);
std::vector<double> elementwise_multiply(const std::vector<double>& a,
                                         const std::vector<double>& b);
std::vector<double> vect_mat_mul(const std::vector<double>& vect, const std::vector<double>& matrix,
                                 std::size_t rows);
std::vector<double> outer_product(const std::vector<double>& a, const std::vector<double>& b);

}  // namespace wl
