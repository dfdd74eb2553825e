#include "core/gradient_descent.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "core/check.hpp"
#include "core/primitives.hpp"

namespace wl {

void predict(double* pred, const double* weights, const double* input, std::size_t n_in,
             std::size_t n_out) {
  vect_mat_mul(pred, input, weights, n_out, n_in);
}

void learn_step(double* pred, double* error, double* delta, double* weight_deltas, double* weights,
                const double* input, const double* target, const std::uint8_t* frozen, double alpha,
                std::size_t n_in, std::size_t n_out) {
  predict(pred, weights, input, n_in, n_out);  // PREDICT
  for (std::size_t o = 0; o < n_out; ++o) {    // COMPARE
    delta[o] = pred[o] - target[o];
    error[o] = delta[o] * delta[o];
  }
  for (std::size_t o = 0; o < n_out; ++o) {  // LEARN
    double* row = weights + o * n_in;
    const std::uint8_t* row_frozen = frozen ? frozen + o * n_in : nullptr;
    if (weight_deltas) {
      double* row_deltas = weight_deltas + o * n_in;
      scalar_multiply(row_deltas, delta[o], input, n_in);  // outer_product, one row
      if (row_frozen) {
        for (std::size_t i = 0; i < n_in; ++i) row_deltas[i] = row_frozen[i] ? 0.0 : row_deltas[i];
      }
      for (std::size_t i = 0; i < n_in; ++i) row[i] -= alpha * row_deltas[i];
    } else if (row_frozen) {
      for (std::size_t i = 0; i < n_in; ++i)
        row[i] -= row_frozen[i] ? 0.0 : alpha * (delta[o] * input[i]);
    } else {
      const double d = delta[o];
      for (std::size_t i = 0; i < n_in; ++i) row[i] -= alpha * (d * input[i]);
    }
  }
}

void validate(const Problem& p) {
  require(!p.input.empty(), "input is empty: a layer needs at least one input");
  require(!p.target.empty(), "target is empty: a layer needs at least one output");
  require(p.n_in() <= kMaxInputs, "layer too large: " + std::to_string(p.n_in()) +
                                      " inputs, the limit is " + std::to_string(kMaxInputs));
  require(p.n_out() <= kMaxOutputs, "layer too large: " + std::to_string(p.n_out()) +
                                        " outputs, the limit is " + std::to_string(kMaxOutputs));
  require(p.n_in() * p.n_out() <= kMaxWeights,
          "layer too large: n_out x n_in = " + std::to_string(p.n_in() * p.n_out()) +
              " weights, the limit is " + std::to_string(kMaxWeights));
  require_size(p.weights.size(), p.n_out() * p.n_in(),
               "weights (n_out x n_in = " + std::to_string(p.n_out()) + " x " +
                   std::to_string(p.n_in()) + ")");
  require(p.frozen.empty() || p.frozen.size() == p.weights.size(),
          "frozen mask has length " + std::to_string(p.frozen.size()) + ", expected 0 or " +
              std::to_string(p.weights.size()) + " (one per weight)");
  for (std::size_t i = 0; i < p.frozen.size(); ++i) {
    if (p.frozen[i] > 1) require(false, "frozen[" + std::to_string(i) + "] must be 0 or 1");
  }
  require_finite(p.input, "input");
  require_finite(p.target, "target");
  require_finite(p.weights, "weights");
  require(std::isfinite(p.alpha) && p.alpha >= 0.0,
          "alpha must be a finite number >= 0 (got " + show_number(p.alpha) + ")");
  // A subnormal alpha (below 2.2e-308) moves no weight and loses precision:
  // alpha must be 0 or a normal number.
  require(
      p.alpha == 0.0 || std::isnormal(p.alpha),
      "alpha must be 0 or a normal number, at least 2.2e-308 (got " + show_number(p.alpha) + ")");
  require(p.iterations >= 0 && p.iterations <= kMaxIterations,
          "iterations must be between 0 and " + std::to_string(kMaxIterations) + " (got " +
              std::to_string(p.iterations) + ")");
  require(static_cast<std::size_t>(p.iterations) * p.weights.size() <= kMaxTraceWeights,
          "trace too large: iterations x weights = " +
              std::to_string(static_cast<std::size_t>(p.iterations) * p.weights.size()) +
              " must not exceed " + std::to_string(kMaxTraceWeights));
}

double Trace::total_error(std::size_t step) const {
  double sum = 0.0;
  for (std::size_t o = 0; o < n_out; ++o) sum += error[step * n_out + o];
  return sum;
}

namespace {

bool all_finite(const double* v, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isfinite(v[i])) return false;
  }
  return true;
}

}  // namespace

Trace run_gradient_descent(const Problem& p) {
  validate(p);
  const std::size_t n_in = p.n_in(), n_out = p.n_out(), n_w = n_in * n_out;
  const std::size_t steps = static_cast<std::size_t>(p.iterations);

  Trace t;
  t.n_in = n_in;
  t.n_out = n_out;
  t.weights_before.resize(steps * n_w);
  t.pred.resize(steps * n_out);
  t.error.resize(steps * n_out);
  t.delta.resize(steps * n_out);
  t.weight_deltas.resize(steps * n_w);
  t.weights_after.resize(steps * n_w);

  std::vector<double> weights = p.weights;
  const std::uint8_t* frozen = p.frozen.empty() ? nullptr : p.frozen.data();
  for (std::size_t k = 0; k < steps; ++k) {
    std::copy(weights.begin(), weights.end(), t.weights_before.begin() + k * n_w);
    learn_step(&t.pred[k * n_out], &t.error[k * n_out], &t.delta[k * n_out],
               &t.weight_deltas[k * n_w], weights.data(), p.input.data(), p.target.data(), frozen,
               p.alpha, n_in, n_out);
    std::copy(weights.begin(), weights.end(), t.weights_after.begin() + k * n_w);
    const bool finite = all_finite(&t.error[k * n_out], n_out) &&
                        all_finite(&t.weight_deltas[k * n_w], n_w) &&
                        all_finite(weights.data(), n_w);
    if (!finite) {
      t.overflowed = true;
      if (t.diverged_at < 0) t.diverged_at = static_cast<int>(k);
      break;
    }
    t.steps = k + 1;
    if (k > 0 && t.diverged_at < 0 && t.total_error(k) > t.total_error(k - 1)) {
      t.diverged_at = static_cast<int>(k);
    }
  }
  // Keep only the finite iterations.
  t.weights_before.resize(t.steps * n_w);
  t.pred.resize(t.steps * n_out);
  t.error.resize(t.steps * n_out);
  t.delta.resize(t.steps * n_out);
  t.weight_deltas.resize(t.steps * n_w);
  t.weights_after.resize(t.steps * n_w);
  return t;
}

AlphaLimit alpha_limit(const Problem& p) {
  validate(p);
  const std::size_t n_in = p.n_in(), n_out = p.n_out();
  AlphaLimit r;
  r.limit = std::numeric_limits<double>::infinity();
  r.per_output.assign(n_out, r.limit);
  r.sum_squares.assign(n_out, 0.0);
  std::vector<int> biggest(n_out, -1);
  for (std::size_t o = 0; o < n_out; ++o) {
    double s = 0;
    for (std::size_t i = 0; i < n_in; ++i) {
      if (!p.frozen.empty() && p.frozen[o * n_in + i]) continue;
      const double sq = p.input[i] * p.input[i];
      s += sq;
      if (sq > 0 && (biggest[o] < 0 || sq > p.input[biggest[o]] * p.input[biggest[o]])) {
        biggest[o] = static_cast<int>(i);
      }
    }
    r.sum_squares[o] = s;
    if (s > 0) r.per_output[o] = 2.0 / s;
    if (r.per_output[o] < r.limit) {
      r.limit = r.per_output[o];
      r.output = static_cast<int>(o);
    }
  }
  if (r.output >= 0) r.dominant = biggest[r.output];
  return r;
}

}  // namespace wl
