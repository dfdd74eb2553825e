// The error as a function of the weights, for the lessons' curves and
// surfaces: the book's "error/weight curves" are 1-D slices of it, and its
// "error plane" is what gradient descent walks down.
#pragma once

#include <cstddef>
#include <vector>

#include "core/gradient_descent.hpp"

namespace wl {

// Per-call limit: samples x weights (curve) or nx x ny x weights (surface)
// must not exceed this, about 0.1 s of work (each sample is a forward pass
// over every weight).
constexpr std::size_t kMaxLandscapeWork = std::size_t{1} << 24;  // 16,777,216

// A sample whose error overflows the double range is +Infinity (never NaN):
// the error is a sum of squares, so "too large to represent" is what it is.
// Sample positions are exact for any finite range, -1e308..1e308 included.

// Total error, sum over outputs of (weights . input - target)^2, of `problem`'s
// example at `weights` ([n_out][n_in]).
double total_error(const Problem& problem, const std::vector<double>& weights);

// The error as weights[index] sweeps `samples` evenly spaced values from lo
// to hi (both included), the other weights held.
std::vector<double> error_curve(const Problem& problem, const std::vector<double>& weights,
                                std::size_t index, double lo, double hi, std::size_t samples);

// The error over a grid of two weights, [ny][nx]: weights[ix] runs from x_lo
// to x_hi across a row, weights[iy] from y_lo to y_hi down the columns.
std::vector<double> error_surface(const Problem& problem, const std::vector<double>& weights,
                                  std::size_t ix, std::size_t iy, double x_lo, double x_hi,
                                  double y_lo, double y_hi, std::size_t nx, std::size_t ny);

}  // namespace wl
