// The chapter's one learning mechanism: gradient descent on a layer of
// n_out x n_in weights with no bias. The same step serves 1 or 3 or 784
// inputs and 1 or 3 or 10 outputs; only the sizes change.
//
//   PREDICT  pred          = weights . input              (vect_mat_mul)
//   COMPARE  error         = (pred - target)^2
//            delta         = pred - target                (the book leaves out the 2)
//   LEARN    weight_deltas = outer_product(delta, input)  (0 where frozen)
//            weights      -= alpha * weight_deltas
//
// weight_deltas is therefore half the derivative of error with respect to each
// weight: d/dw (w.x - t)^2 = 2 (w.x - t) x.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace wl {

// One step on raw arrays, the hot loop of every lesson and of MNIST training.
//   pred          [n_out]        out
//   error         [n_out]        out
//   delta         [n_out]        out
//   weight_deltas [n_out][n_in]  out, or nullptr to update the weights in place without storing them
//   weights       [n_out][n_in]  in/out
//   input         [n_in]
//   target        [n_out]
//   frozen        [n_out][n_in]  1 = this weight never moves; or nullptr
// Unchecked: callers validate (see Problem).
void learn_step(double* pred, double* error, double* delta, double* weight_deltas, double* weights,
                const double* input, const double* target, const std::uint8_t* frozen, double alpha,
                std::size_t n_in, std::size_t n_out);

// PREDICT alone: pred = weights . input.
void predict(double* pred, const double* weights, const double* input, std::size_t n_in,
             std::size_t n_out);

// One training example and everything needed to learn from it.
struct Problem {
  std::vector<double> input;         // [n_in]
  std::vector<double> target;        // [n_out]
  std::vector<double> weights;       // [n_out][n_in], row per output
  std::vector<std::uint8_t> frozen;  // empty, or [n_out][n_in] of 0/1
  double alpha = 0.01;
  int iterations = 1;

  std::size_t n_in() const { return input.size(); }
  std::size_t n_out() const { return target.size(); }
};

// Throws std::invalid_argument naming the first problem found: empty or
// mismatched vectors, non-finite numbers, a negative or non-finite alpha,
// an iteration count out of range, a mask of the wrong size or with values
// other than 0 and 1, or a trace that would be too large to keep.
void validate(const Problem& problem);

// Everything that happened, iteration by iteration, in flat arrays:
// element [k][...] of each array belongs to iteration k.
struct Trace {
  std::size_t n_in = 0, n_out = 0;
  std::size_t steps = 0;               // iterations actually run
  std::vector<double> weights_before;  // [steps][n_out][n_in]
  std::vector<double> pred;            // [steps][n_out]
  std::vector<double> error;           // [steps][n_out]
  std::vector<double> delta;           // [steps][n_out]
  std::vector<double> weight_deltas;   // [steps][n_out][n_in]
  std::vector<double> weights_after;   // [steps][n_out][n_in]
  // First iteration whose total error is larger than the one before it, or -1.
  // With one example the error of each output shrinks by the same factor
  // (1 - alpha * |unfrozen inputs|^2)^2 every step, so once it grows it grows forever.
  int diverged_at = -1;
  // The run stopped early because a number overflowed to infinity; the trace
  // keeps only the finite iterations before it.
  bool overflowed = false;

  double total_error(std::size_t step) const;
};

// Per-call limits (validate() enforces them; each keeps one run well under a
// second and its trace under about 50 MB, natively and in WASM):
// inputs and outputs of one layer, and its weights (n_out x n_in);
constexpr std::size_t kMaxInputs = 100000;
constexpr std::size_t kMaxOutputs = 1000;
constexpr std::size_t kMaxWeights = std::size_t{1} << 20;  // 1,048,576
// the largest trace kept: iterations * n_out * n_in must not exceed it;
constexpr std::size_t kMaxTraceWeights = std::size_t{1} << 21;
constexpr int kMaxIterations = 100000;

// Validates, then runs problem.iterations steps and records them.
Trace run_gradient_descent(const Problem& problem);

// The largest alpha that still converges. Each step changes pred_o by
// -alpha * delta_o * S_o, S_o = sum of input[i]^2 over output o's weights that
// learn (not frozen), so delta_o is multiplied by (1 - alpha * S_o) every
// step: it shrinks while 0 < alpha < 2 / S_o, and grows from there on (at
// exactly 2 / S_o it flips sign at the same size for ever).
struct AlphaLimit {
  double limit = 0;                 // min over outputs of per_output; +inf when nothing learns
  std::vector<double> per_output;   // [n_out] 2 / S_o, +inf when S_o = 0
  std::vector<double> sum_squares;  // [n_out] S_o
  int output = -1;                  // the output whose limit is `limit`, -1 when nothing learns
  int dominant = -1;                // the input with the largest square among that output's
                                    // learning weights (the one that sets the limit), or -1
};

// Validates (as run_gradient_descent) and computes the limit of `problem`.
AlphaLimit alpha_limit(const Problem& problem);

}  // namespace wl
