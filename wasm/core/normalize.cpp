#include "core/normalize.hpp"

#include <string>

#include "core/check.hpp"

namespace wl {

Problem scale_inputs(const Problem& problem, const std::vector<double>& scales) {
  validate(problem);
  require_size(scales.size(), problem.n_in(), "scales");
  Problem out = problem;
  for (std::size_t i = 0; i < scales.size(); ++i) {
    require(std::isfinite(scales[i]) && scales[i] > 0,
            "scales[" + std::to_string(i) + "] must be a finite number above 0");
    out.input[i] = problem.input[i] / scales[i];
  }
  return out;
}

}  // namespace wl
