// Normalizing a problem's inputs: each input divided by a scale of its own
// (for the chapter, the largest value that input takes over the season), so
// every input lands on a similar range and no one weight takes all the steps.
#pragma once

#include <vector>

#include "core/gradient_descent.hpp"

namespace wl {

// The problem with input[i] / scales[i] in place of input[i]; everything else
// unchanged. Throws std::invalid_argument unless there is one finite, positive
// scale per input (and the problem itself is valid).
Problem scale_inputs(const Problem& problem, const std::vector<double>& scales);

}  // namespace wl
