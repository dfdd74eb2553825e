#include "core/verdict.hpp"

#include "core/mnist_shape.hpp"

namespace wl {

const char* verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::digit: return "digit";
    case Verdict::not_digit: return "not a digit";
    case Verdict::empty: break;
  }
  return "empty";
}

float not_digit_score(const float* probs) {
  float top = probs[0];
  for (int c = 1; c < kMnistClasses; ++c) top = probs[c] > top ? probs[c] : top;
  const float s = (1.0f - top) / (1.0f - 1.0f / kMnistClasses);
  return s < 0 ? 0.0f : s > 1 ? 1.0f : s;
}

Verdict verdict_for(bool has_ink, float score, float threshold) {
  if (!has_ink) return Verdict::empty;
  return score > threshold ? Verdict::not_digit : Verdict::digit;
}

}  // namespace wl
