// The reader's verdict on a drawing: a digit, not a digit, or nothing drawn.
//
// The CNN is trained to spread its belief evenly over the ten digits when it
// sees a letter, a sign or a scribble (Cnn::forward_not_digit), and to be
// sure of itself on a digit. The not-a-digit score measures how far its
// ten probabilities are from "sure":
//
//   not_digit = (1 - max_c p_c) / (1 - 1/10)      in [0, 1]
//
// 0: all belief on one digit; 1: the uniform distribution. A drawing whose
// score is above the threshold is "not a digit". kNotDigitThreshold is
// calibrated for the shipped web/models/digits-cnn.wlm by train_cnn on
// TRAINING data only (it keeps 99.5% of the 60,000 training digits called
// digits; see the trainer's last lines and the README).
//
// Example:
//   float probs[10];
//   cnn.predict(probs, image);
//   const wl::Verdict v = wl::verdict_for(true, wl::not_digit_score(probs));
#pragma once

namespace wl {

enum class Verdict { empty, digit, not_digit };

inline constexpr float kNotDigitThreshold = 0.777539f;

// "empty", "digit", "not a digit": the words the binding and the page use.
const char* verdict_name(Verdict verdict);

// (1 - max p) / 0.9 over ten probabilities, clamped to [0, 1].
float not_digit_score(const float* probs);  // [10]

// empty without ink; otherwise not_digit when score > threshold, else digit.
Verdict verdict_for(bool has_ink, float score, float threshold = kNotDigitThreshold);

}  // namespace wl
