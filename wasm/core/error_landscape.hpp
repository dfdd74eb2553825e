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

// The bowl of one weight's error curve. Weight `index` = (o, i), row o and
// input i, feeds output o alone, so as it moves by h (the others held) the
// total error changes by 2 h delta_o x_i + h^2 x_i^2: a parabola in the weight
// (delta_o = pred_o - target_o, x_i = input[i]), or a flat line when x_i = 0.
struct ErrorBowl {
  double minimum = 0;    // the weight at the bottom: weight - delta_o / x_i (itself when flat)
  double curvature = 0;  // d^2 error / dw^2 = 2 x_i^2, the same all along the curve
  double slope = 0;      // d error / dw at the weight = 2 delta_o x_i, twice its weight_delta
                         // (frozen or not: the curve's slope, not the step)
  double from = 0;       // a window to plot the curve over, from < to, both on
  double to = 0;         //   round numbers (see error_bowl)
  std::vector<double> minima;  // every step's minimum, [steps] (one entry for a run of 0
                               // steps): where the curve bottoms out as the run goes on
};

// The bowl of weight `index` at iteration `step` of the problem's own run
// (run_gradient_descent(problem): the weights held are weights_before[step],
// so step 0 is problem.weights). The window frames, for that weight, every
// step's weight before and after and its bowl's minimum over the whole run, so
// it stays still from step to step; if that frame is over 25 times wider than
// the same frame over steps 0..step (a diverging run grows geometrically), it
// frames steps 0..step only. Then 12% of margin each side, widened outward to
// whole multiples of a round step (1, 2, 2.5 or 5 x 10^n, a quarter of the
// width or just over); a frame of zero width becomes +-max(|centre|/2, 0.1).
// Numbers beyond +-1e100 are left out of the frame (their squares overflow).
// A run with no finite step (iterations 0, or an overflow in the first) gives
// the bowl at problem.weights, step 0 only. Throws std::invalid_argument for a
// problem run_gradient_descent rejects, an index or a step out of range.
ErrorBowl error_bowl(const Problem& problem, std::size_t index, std::size_t step = 0);

}  // namespace wl
