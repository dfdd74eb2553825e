// Input validation for the core: every public entry point checks its
// arguments and throws std::invalid_argument with a message that says what
// was wrong. The bindings turn that into a JS Error carrying the same text.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

namespace wl {

// A number as a person would write it: 0.01, -1e+150, nan.
inline std::string show_number(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", value);
  return buf;
}

inline void require(bool ok, const std::string& message) {
  if (!ok) throw std::invalid_argument(message);
}

inline void require_finite(double value, const std::string& what) {
  require(std::isfinite(value), what + " must be a finite number");
}

inline void require_finite(const std::vector<double>& values, const std::string& what) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    // The message is built only on failure: built for every element it cost
    // ~200 us per 784-pixel call in WASM (a string per pixel).
    if (!std::isfinite(values[i])) {
      throw std::invalid_argument(what + "[" + std::to_string(i) + "] must be a finite number");
    }
  }
}

inline void require_size(std::size_t got, std::size_t want, const std::string& what) {
  require(got == want,
          what + " has length " + std::to_string(got) + ", expected " + std::to_string(want));
}

}  // namespace wl
