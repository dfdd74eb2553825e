#include "core/error_landscape.hpp"

#include <cmath>
#include <string>

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

}  // namespace

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
