#include "core/error_landscape.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "core/check.hpp"

namespace wl {

namespace {

void validate_weights(const Problem& p, const std::vector<double>& weights) {
  Problem q = p;
  q.weights = weights;
  q.iterations = 0;
  validate(q);
}

void validate_range(double lo, double hi, std::size_t samples, const char* what) {
  require_finite(lo, std::string(what) + " range start");
  require_finite(hi, std::string(what) + " range end");
  require(lo < hi, std::string(what) + " range must have start < end");
  require(samples >= 2 && samples <= 4096,
          std::string(what) + " samples must be between 2 and 4096");
}

double at(double lo, double hi, std::size_t i, std::size_t n) {
  const double t = static_cast<double>(i) / static_cast<double>(n - 1);
  // hi - lo overflows for a range like -1e308..1e308: then blend the ends,
  // each term finite. (The usual form otherwise: it hits lo and hi exactly.)
  if (!std::isfinite(hi - lo)) return i + 1 == n ? hi : lo * (1 - t) + hi * t;
  return lo + (hi - lo) * static_cast<double>(i) / static_cast<double>(n - 1);
}

void require_work(std::size_t samples, std::size_t weights, const char* what) {
  require(samples <= kMaxLandscapeWork / weights,
          std::string(what) + " too large: " + std::to_string(samples) + " samples x " +
              std::to_string(weights) + " weights must not exceed " +
              std::to_string(kMaxLandscapeWork));
}

// Error of the example with pred precomputed except for one weight's share.
// pred_o(w) = base_o + w * input[i], where base_o excludes that weight.
double unchecked_total_error(const Problem& p, const std::vector<double>& weights) {
  std::vector<double> pred(p.n_out());
  predict(pred.data(), weights.data(), p.input.data(), p.n_in(), p.n_out());
  double sum = 0.0;
  for (std::size_t o = 0; o < p.n_out(); ++o) {
    const double d = pred[o] - p.target[o];
    sum += d * d;
  }
  // Overflow (a huge weight times an input) can give inf - inf = NaN inside
  // the sum; the true error is then beyond the double range.
  return std::isnan(sum) ? HUGE_VAL : sum;
}

// The bowl of weight w = (o, i) with the others held at `weights`, given
// delta_o there. The frame is left to the caller.
ErrorBowl bowl_at(double weight, double delta, double x) {
  ErrorBowl b;
  b.curvature = 2.0 * (x * x);
  b.slope = 2.0 * (delta * x);  // 2 x weight_delta, as learn_step computes it
  b.minimum = x != 0.0 ? weight - delta / x : weight;
  return b;
}

// [lo, hi] of the values in reach of a chart; empty when there are none.
struct Extent {
  double lo = INFINITY, hi = -INFINITY;
  void add(double v) {
    if (std::isfinite(v) && std::fabs(v) <= 1e100) lo = std::min(lo, v), hi = std::max(hi, v);
  }
  bool empty() const { return !(lo <= hi); }
  double span() const { return empty() ? 0.0 : hi - lo; }
};

// A round step for an axis: the first of 1, 2, 2.5, 5, 10 x 10^n not below raw.
double nice_step(double raw) {
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (m * mag >= raw * 0.999) return m * mag;
  }
  return raw;
}

// [lo, hi] widened outward to whole multiples of a round step (a quarter of it).
void nice_bounds(double lo, double hi, double& from, double& to) {
  const double step = nice_step((hi - lo) / 4);
  const double a = std::floor(lo / step) * step, b = std::ceil(hi / step) * step;
  const bool ok = std::isfinite(a) && std::isfinite(b) && b > a;
  from = ok ? a : lo;
  to = ok ? b : hi;
}

}  // namespace

ErrorBowl error_bowl(const Problem& p, std::size_t index, std::size_t step) {
  const Trace t = run_gradient_descent(p);  // validates
  const std::size_t n_w = p.weights.size();
  require(index < n_w, "weight index " + std::to_string(index) + " out of range (the problem has " +
                           std::to_string(n_w) + " weights)");
  const std::size_t steps = t.steps;
  require(step < std::max<std::size_t>(steps, 1), "step " + std::to_string(step) +
                                                      " out of range (the run has " +
                                                      std::to_string(steps) + " finite steps)");
  const std::size_t o = index / p.n_in();
  const double x = p.input[index % p.n_in()];

  ErrorBowl bowl;
  std::vector<double> minima;
  Extent now, all;
  if (steps == 0) {
    std::vector<double> pred(p.n_out());
    predict(pred.data(), p.weights.data(), p.input.data(), p.n_in(), p.n_out());
    bowl = bowl_at(p.weights[index], pred[o] - p.target[o], x);
    now.add(p.weights[index]);
    now.add(bowl.minimum);
    all = now;
    bowl.minima.push_back(bowl.minimum);
  } else {
    for (std::size_t j = 0; j < steps; ++j) {
      const double before = t.weights_before[j * n_w + index];
      const ErrorBowl b = bowl_at(before, t.delta[j * p.n_out() + o], x);
      if (j == step) bowl = b;
      minima.push_back(b.minimum);
      for (double v : {before, t.weights_after[j * n_w + index], b.minimum}) {
        if (j <= step) now.add(v);
        all.add(v);
      }
    }
  }
  if (steps > 0) bowl.minima = std::move(minima);
  Extent frame = !all.empty() && !now.empty() && all.span() <= 25 * std::max(now.span(), 1e-12)
                     ? all
                     : (!now.empty() ? now : all);
  if (frame.empty()) frame.lo = -1, frame.hi = 1;
  const double width = frame.hi - frame.lo, centre = (frame.lo + frame.hi) / 2;
  if (!(width > 1e-9 * std::max(1.0, std::fabs(centre)))) {
    const double half = std::max(std::fabs(centre) * 0.5, 0.1);
    nice_bounds(centre - half, centre + half, bowl.from, bowl.to);
  } else {
    nice_bounds(frame.lo - width * 0.12, frame.hi + width * 0.12, bowl.from, bowl.to);
  }
  return bowl;
}

double total_error(const Problem& p, const std::vector<double>& weights) {
  validate_weights(p, weights);
  return unchecked_total_error(p, weights);
}

std::vector<double> error_curve(const Problem& p, const std::vector<double>& weights,
                                std::size_t index, double lo, double hi, std::size_t samples) {
  validate_weights(p, weights);
  require(index < weights.size(), "weight index " + std::to_string(index) + " out of range");
  validate_range(lo, hi, samples, "curve");
  require_work(samples, weights.size(), "curve");
  std::vector<double> w = weights, out(samples);
  for (std::size_t s = 0; s < samples; ++s) {
    w[index] = at(lo, hi, s, samples);
    out[s] = unchecked_total_error(p, w);
  }
  return out;
}

std::vector<double> error_surface(const Problem& p, const std::vector<double>& weights,
                                  std::size_t ix, std::size_t iy, double x_lo, double x_hi,
                                  double y_lo, double y_hi, std::size_t nx, std::size_t ny) {
  validate_weights(p, weights);
  require(ix < weights.size() && iy < weights.size() && ix != iy,
          "surface needs two different weight indices in range");
  validate_range(x_lo, x_hi, nx, "surface x");
  validate_range(y_lo, y_hi, ny, "surface y");
  require(nx * ny <= (1u << 20), "surface grid too large: nx x ny must not exceed 1048576");
  require_work(nx * ny, weights.size(), "surface");
  std::vector<double> w = weights, out(nx * ny);
  for (std::size_t r = 0; r < ny; ++r) {
    w[iy] = at(y_lo, y_hi, r, ny);
    for (std::size_t c = 0; c < nx; ++c) {
      w[ix] = at(x_lo, x_hi, c, nx);
      out[r * nx + c] = unchecked_total_error(p, w);
    }
  }
  return out;
}

}  // namespace wl
