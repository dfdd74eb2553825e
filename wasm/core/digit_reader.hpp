// "Draw a digit", whole: one reading of a canvas, from its RGBA bytes to
// everything the page shows, in one call and with no allocation once warm.
//
//   canvas RGBA --preprocess--> 28x28 image (preprocess.hpp)
//               --CNN--> probs[10]            (cnn.hpp), if a CNN is loaded
//               --linear--> scores[10]        (mnist_linear.hpp), if a linear net is loaded
//   ranking:       top and runner-up of each  (primitives.hpp top_two)
// (the maps for "why" are asked for separately: contributions, difference)
//
// Example:
//   wl::DigitReader reader;
//   reader.load_cnn(wl::read_model(cnn_bytes, n));
//   reader.load_linear(wl::read_model(linear_bytes, m));
//   const wl::DigitReading& r = reader.read(rgba, width * height * 4, width, height);
//   if (r.digit.has_ink && r.has_cnn) guess = r.cnn.top;
//
// An empty canvas gives digit.has_ink = false and no reading at all (has_cnn
// and has_linear false): nobody guesses what was not drawn.
//
// The chapter's network can also explain and learn (issue 15):
//   reader.contributions(map, 2)     // pixel x weight for ANY digit, sum = its score
//   reader.difference(map, 2, 7)     // map(2) - map(7), sum = score(2) - score(7)
//   reader.teach(4, 0.001)           // the chapter's step on the last drawing, labelled 4
//   reader.replay(examples, alphas)  // one epoch over the learner's own digits
//   reader.count_right(examples)     // how many of them it reads right now
//   reader.reset_linear()            // back to the weights last loaded
// A step that diverges (LinearNetwork marks it) is undone: teach and replay
// report `diverged` and leave the network as it was before the call.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/cnn.hpp"
#include "core/dataset.hpp"
#include "core/mnist_linear.hpp"
#include "core/model_file.hpp"
#include "core/preprocess.hpp"
#include "core/primitives.hpp"
#include "core/verdict.hpp"

namespace wl {

// Per-call limit for DigitReader::count_correct: digits per call (about
// 0.3 s of CNN in WASM on the reference machine; the page reads its 10,000
// test digits a chunk per frame).
inline constexpr std::size_t kMaxDigitsPerCall = 10000;

// Per-call limit on the learner's own examples (replay, count_right): 1,000
// drawings are 784,000 pixel values, under the engine's array limit.
inline constexpr std::size_t kMaxTaughtExamples = 1000;

// What one teach() did to the chapter's network. delta = before - one_hot(label);
// every weight moved by -alpha * delta[c] * input[i], so row `label` (the
// weight image of that digit) moved by -alpha * delta[label] * input.
struct TeachResult {
  std::size_t label = 0;
  double alpha = 0;
  std::array<double, 10> before{};               // the ten scores before the step
  std::array<double, 10> delta{};                // before - target
  std::array<double, 10> after{};                // the ten scores after it (same drawing)
  double error = 0;                              // sum of delta^2, before the step
  double sum_squares = 0;                        // sum of input[i]^2: each delta[c] was
                                                 // multiplied by (1 - alpha * sum_squares)
  double shrink = 0;                             // 1 - alpha * sum_squares
  std::size_t rank_before = 0, rank_after = 0;   // label's place among the scores, 1 = top
  std::size_t top_before = 0, top_after = 0;     // the digit read, before and after
  std::array<float, kMnistPixels> row_before{};  // weights of `label` before the step
  std::array<float, kMnistPixels> row_after{};   // and after
  std::array<float, kMnistPixels> row_change{};  // after - before (in double, then float)
  bool diverged = false;  // the step diverged and was undone: after = before, no change
};

// The learner's own digits: `count` images of kMnistPixels values in [0, 1]
// (read()'s 28x28), one after the other, and their labels.
struct TaughtExamples {
  const double* images = nullptr;  // [count][784]
  const double* labels = nullptr;  // [count], whole numbers 0..9
  std::size_t count = 0;
};

// One epoch over TaughtExamples.
struct ReplayResult {
  std::size_t count = 0;
  std::size_t correct_before = 0;  // read right just before its own step
  double error = 0;                // summed over the examples, before each step
  bool diverged = false;           // example diverged_at diverged: the whole call was undone
  long diverged_at = -1;           // its index, or -1
};

// 1 + how many scores are above scores[label] (ties count for the lower digit,
// as argmax breaks them): 1 means `label` is the answer.
std::size_t rank_of(const double* scores, std::size_t label);

struct DigitReading {
  DrawnDigit digit;                 // the preprocessed 28x28 and where the ink was
  bool has_cnn = false;             // probs and cnn hold a reading
  std::array<float, 10> probs{};    // the CNN's softmax
  TopTwo cnn;                       // its two most likely digits
  bool has_linear = false;          // scores and linear hold one
  std::array<double, 10> scores{};  // the chapter's linear network, weights . input
  TopTwo linear;                    // its two highest scores
  // The verdict (core/verdict.hpp): empty without ink; with ink and a CNN,
  // not_digit when its not-a-digit score is above kNotDigitThreshold, else
  // digit; with ink and no CNN, digit (the linear network reads anything as one).
  Verdict verdict = Verdict::empty;
  float not_digit = 0;  // the CNN's not-a-digit score in [0, 1] (0 without ink or CNN)
};

// DigitReader::count_verdicts: how a set of images is judged.
struct VerdictCounts {
  std::size_t digits_right = 0;  // called a digit AND read as its label
  std::size_t not_digits = 0;    // called not a digit
};

class DigitReader {
 public:
  // Replace the CNN / the linear network; on error (std::invalid_argument
  // from the model's validation) the old one stays.
  void load_cnn(const Model& model);
  void load_linear(const Model& model);

  bool has_cnn() const { return cnn_ != nullptr; }
  bool has_linear() const { return linear_ != nullptr; }
  std::string cnn_architecture() const;  // "" without a CNN

  // Reads a canvas (rgba_length = width * height * 4 bytes; sizes as
  // DrawingPreprocessor::process, which throws on bad ones). The reference
  // stays valid until the next read.
  const DigitReading& read(const std::uint8_t* rgba, std::size_t rgba_length, int width,
                           int height);

  // How many of a Dataset's digits the CNN reads right (MNIST digits are
  // already in MNIST form: no preprocessing). Throws without a CNN, for
  // images that are not 28x28, or for more than kMaxDigitsPerCall digits.
  std::size_t count_correct(const Dataset& data) const;

  // The verdicts on a Dataset's images, read as count_correct reads them
  // (for digits: right and called a digit; for non-digits: called not a
  // digit). The same checks and limits as count_correct.
  VerdictCounts count_verdicts(const Dataset& data) const;

  // The CNN's probabilities for digit `index` of a Dataset, read exactly as
  // count_correct reads it (pixel / 255, no preprocessing). Throws without a
  // CNN, for images that are not 28x28, or for an index past the set.
  void predict_image(float* probs, const Dataset& data, std::size_t index) const;

  // ---- the chapter's network: why, and learning from the learner ----------
  // Each throws std::invalid_argument with a clear message: no linear network,
  // no drawing read by it yet, a digit past 9, a bad alpha, bad examples.

  // input[i] * w[digit][i] over the last drawing read; returns their sum (the score).
  double contributions(float* map, std::size_t digit) const;
  // map(a) - map(b); returns its sum, score(a) - score(b): why a and not b.
  double difference(float* map, std::size_t a, std::size_t b) const;
  // The chapter's step (LinearNetwork::learn) on the last drawing read, as
  // `label`. If it diverged it is undone (diverged = true, weights unchanged).
  const TeachResult& teach(std::size_t label, double alpha);
  // One step per example, in order, example k at alphas[k] (checked first:
  // bad examples change nothing). On a copy: if example k diverges, the
  // network is left as it was and the result says diverged at k.
  ReplayResult replay(const TaughtExamples& examples, const double* alphas);
  // How many of the examples the chapter's network reads right now.
  std::size_t count_right(const TaughtExamples& examples) const;
  // The linear network's weights back to those of the last load_linear.
  void reset_linear();
  const std::vector<double>& linear_weights() const;  // [10][784]

 private:
  void require_drawing() const;  // a drawing read by the linear network

  std::unique_ptr<LinearNetwork> loaded_linear_;  // as loaded, for reset_linear
  DrawingPreprocessor preprocessor_;
  std::unique_ptr<Cnn> cnn_;
  std::unique_ptr<LinearNetwork> linear_;
  std::array<double, kMnistPixels> input_{};  // the image as the linear network's input
  DigitReading reading_;
  TeachResult taught_;
  std::array<double, kMnistPixels> row_before_{};  // teach's copy of the row, in double
};

}  // namespace wl
