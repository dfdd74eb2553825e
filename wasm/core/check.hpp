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

// Size limits for one call, checked where data enters the core (the bindings
// and the readers): beyond them a call would take seconds or hundreds of MB.
// A file (data set or model) of more bytes than this is refused: the largest
// the site ships is 7.9 MB (10,000 test digits); the full 60,000 would be 47 MB.
inline constexpr std::size_t kMaxFileBytes = std::size_t{64} << 20;  // 64 MiB
// An array of numbers (input, target, weights, ...) longer than this is
// refused: the chapter's largest is 7,840 weights (784 x 10).
inline constexpr std::size_t kMaxArrayLength = std::size_t{1} << 20;  // 1,048,576

// A number as a person would write it: 0.01, -1e+150, nan.
inline std::string show_number(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", value);
  return buf;
}

// Text from a caller (an id, a name) for a message: quoted, with control
// characters (a NUL among them) written as \u00XX so the message stays whole.
inline std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out + "\"";
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
