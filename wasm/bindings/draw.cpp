// Embind layer for "Draw a digit": one persistent wl::DigitReader
// (core/digit_reader.hpp, where the whole reading happens) per canvas.
// Each animation frame the page hands over the canvas's RGBA bytes once
// (one typed-array .set() into a buffer the reader owns, never per pixel) and
// gets back, from ONE call, everything it draws:
//
//   reader.read(rgba, width, height) -> {
//     hasInk, inkPixels, box: {x, y, width, height}, centre: {x, y}, scale,
//     image:  Float32Array[784]   the 28x28 the models see (preprocess.hpp)
//     probs:  Float32Array[10]    the CNN's softmax, or null without a CNN
//     cnnTop, cnnRunnerUp:        the CNN's two most likely digits (-1 without it)
//     linear: Float32Array[10]    the chapter's linear scores, or null
//     linearTop, linearRunnerUp:  the linear net's two highest classes (-1 without it)
//     verdict:  'digit' | 'not a digit' | 'empty'   (core/verdict.hpp)
//     notDigit: the CNN's not-a-digit score in [0, 1] (0 without ink or CNN)
//   }
//
// An empty canvas gives hasInk false and no reading at all (probs and linear
// are null): the page invites the user to draw.
//
// The chapter's network, on the last drawing read (issue 15):
//   reader.contributions(d)   -> {digit, map: Float32Array[784], sum}  pixel x weight, sum = score
//   reader.difference(a, b)   -> {a, b, map, sum}   map(a) - map(b), sum = score(a) - score(b)
//   reader.teach(label, alpha) -> {label, alpha, before, delta, after: Float64Array[10], error,
//        sumSquares (sum of pixel^2) and shrink (1 - alpha * sumSquares: each delta's factor),
//        rankBefore, rankAfter, topBefore, topAfter, rowBefore, rowAfter, rowChange: Float32Array[784],
//        diverged (the step diverged and was undone: the network is unchanged)}
//   reader.replay(images, labels, alphas) -> {count, correctBefore, error, diverged, divergedAt}
//        one epoch, in order; if example divergedAt diverged, nothing changed (divergedAt -1 if not)
//   reader.countRight(images, labels) -> n   how many the chapter's network reads right
//   reader.resetLinear()                     weights back to the last loadLinear
//   reader.linearWeights()    -> Float64Array[7840], row per digit
// images: n x 784 values in [0, 1] (read()'s image, one after the other);
// labels, alphas: n numbers.
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "bindings/js.hpp"
#include "core/digit_reader.hpp"
#include "core/model_file.hpp"

namespace wl::js {
namespace {

int canvas_side(double v, const char* name) {
  require(std::isfinite(v) && v == std::floor(v) && v >= 1 && v <= kMaxCanvasSide,
          std::string(name) + " must be a whole number of pixels from 1 to " +
              std::to_string(kMaxCanvasSide));
  return static_cast<int>(v);
}

// The C++ reader and the buffer the canvas bytes are copied into.
struct Reader {
  DigitReader core;
  std::vector<std::uint8_t> rgba;
  std::array<float, 10> scores{};  // the linear scores as the page's Float32Array
};

Reader* make_reader() { return new Reader(); }

// The CNN (digits-cnn.wlm). On any error the old model stays.
void load_model(Reader& r, val bytes) {
  const std::vector<std::uint8_t> b = bytes_from(bytes, "the model file");
  r.core.load_cnn(read_model(b.data(), b.size()));
}

// The chapter's linear network (chapter-linear.wlm). On error the old one stays.
void load_linear(Reader& r, val bytes) {
  const std::vector<std::uint8_t> b = bytes_from(bytes, "the linear model file");
  r.core.load_linear(read_model(b.data(), b.size()));
}

double count_correct(const Reader& r, const Dataset& data) {
  return static_cast<double>(r.core.count_correct(data));
}

// { digitsRight, notDigits }: DigitReader::count_verdicts over a Dataset.
val count_verdicts(const Reader& r, const Dataset& data) {
  const VerdictCounts c = r.core.count_verdicts(data);
  val o = val::object();
  o.set("digitsRight", static_cast<double>(c.digits_right));
  o.set("notDigits", static_cast<double>(c.not_digits));
  return o;
}

// The CNN's probabilities for an MNIST digit of a Dataset (the ONNX check uses it).
val predict_image(const Reader& r, const Dataset& data, double index) {
  std::array<float, kMnistClasses> probs{};
  r.core.predict_image(probs.data(), data, whole(index, "index"));
  return to_typed_array(probs.data(), probs.size());
}

bool has_model(const Reader& r) { return r.core.has_cnn(); }
bool has_linear(const Reader& r) { return r.core.has_linear(); }
std::string architecture(const Reader& r) { return r.core.cnn_architecture(); }

val to_js(Reader& r, const DigitReading& reading) {
  const DrawnDigit& d = reading.digit;
  val o = val::object();
  o.set("hasInk", d.has_ink);
  o.set("inkPixels", static_cast<double>(d.ink_pixel_count));
  val box = val::object();
  box.set("x", d.box_x);
  box.set("y", d.box_y);
  box.set("width", d.box_width);
  box.set("height", d.box_height);
  o.set("box", box);
  val centre = val::object();
  centre.set("x", d.centre_x);
  centre.set("y", d.centre_y);
  o.set("centre", centre);
  o.set("scale", d.scale);
  o.set("image", to_typed_array(d.pixels.data(), d.pixels.size()));
  const val none = val::null();
  o.set("probs", reading.has_cnn ? to_typed_array(reading.probs.data(), 10) : none);
  o.set("cnnTop", reading.has_cnn ? static_cast<int>(reading.cnn.top) : -1);
  o.set("cnnRunnerUp", reading.has_cnn ? static_cast<int>(reading.cnn.runner_up) : -1);
  if (reading.has_linear) {
    for (int c = 0; c < 10; ++c) r.scores[c] = static_cast<float>(reading.scores[c]);
  }
  o.set("linear", reading.has_linear ? to_typed_array(r.scores.data(), 10) : none);
  o.set("linearTop", reading.has_linear ? static_cast<int>(reading.linear.top) : -1);
  o.set("linearRunnerUp", reading.has_linear ? static_cast<int>(reading.linear.runner_up) : -1);
  o.set("verdict", std::string(verdict_name(reading.verdict)));
  o.set("notDigit", reading.not_digit);
  return o;
}

// An argument of numbers (a Float64Array from the face).
std::vector<double> numbers_arg(const val& v, const char* name) {
  val holder = val::object();
  holder.set(name, v);
  return numbers(holder, name);
}

std::size_t digit_js(double v, const char* name) {
  require(std::isfinite(v) && v == std::floor(v) && v >= 0 && v <= 9,
          std::string(name) + " must be a digit 0..9");
  return static_cast<std::size_t>(v);
}

val contributions_js(const Reader& r, double digit) {
  std::array<float, kMnistPixels> map{};
  const std::size_t d = digit_js(digit, "digit");
  const double sum = r.core.contributions(map.data(), d);
  val o = val::object();
  o.set("digit", static_cast<int>(d));
  o.set("map", to_typed_array(map.data(), map.size()));
  o.set("sum", sum);
  return o;
}

val difference_js(const Reader& r, double a, double b) {
  std::array<float, kMnistPixels> map{};
  const std::size_t da = digit_js(a, "a");
  const std::size_t db = digit_js(b, "b");
  const double sum = r.core.difference(map.data(), da, db);
  val o = val::object();
  o.set("a", static_cast<int>(da));
  o.set("b", static_cast<int>(db));
  o.set("map", to_typed_array(map.data(), map.size()));
  o.set("sum", sum);
  return o;
}

val teach_js(Reader& r, double label, double alpha) {
  const TeachResult& t = r.core.teach(digit_js(label, "label"), alpha);
  val o = val::object();
  o.set("label", static_cast<int>(t.label));
  o.set("alpha", t.alpha);
  o.set("before", to_typed_array(t.before.data(), t.before.size()));
  o.set("delta", to_typed_array(t.delta.data(), t.delta.size()));
  o.set("after", to_typed_array(t.after.data(), t.after.size()));
  o.set("error", t.error);
  o.set("sumSquares", t.sum_squares);
  o.set("shrink", t.shrink);
  o.set("rankBefore", static_cast<int>(t.rank_before));
  o.set("rankAfter", static_cast<int>(t.rank_after));
  o.set("topBefore", static_cast<int>(t.top_before));
  o.set("topAfter", static_cast<int>(t.top_after));
  o.set("rowBefore", to_typed_array(t.row_before.data(), t.row_before.size()));
  o.set("rowAfter", to_typed_array(t.row_after.data(), t.row_after.size()));
  o.set("rowChange", to_typed_array(t.row_change.data(), t.row_change.size()));
  o.set("diverged", t.diverged);
  return o;
}

// images and labels as the core's TaughtExamples, their lengths checked.
struct Examples {
  std::vector<double> images, labels;
  TaughtExamples view() const { return {images.data(), labels.data(), labels.size()}; }
};

Examples examples_arg(const val& images, const val& labels) {
  Examples e{numbers_arg(images, "images"), numbers_arg(labels, "labels")};
  require(e.labels.size() <= kMaxTaughtExamples, "at most " + std::to_string(kMaxTaughtExamples) +
                                                     " examples per call, got " +
                                                     std::to_string(e.labels.size()));
  require(e.images.size() == e.labels.size() * kMnistPixels,
          "images has " + std::to_string(e.images.size()) + " values, expected 784 per label (" +
              std::to_string(e.labels.size() * kMnistPixels) + ")");
  return e;
}

val replay_js(Reader& r, val images, val labels, val alphas) {
  const Examples e = examples_arg(images, labels);
  const std::vector<double> a = numbers_arg(alphas, "alphas");
  require(a.size() == e.labels.size(), "alphas has " + std::to_string(a.size()) +
                                           " values, expected one per label (" +
                                           std::to_string(e.labels.size()) + ")");
  const ReplayResult res = r.core.replay(e.view(), a.data());
  val o = val::object();
  o.set("count", static_cast<double>(res.count));
  o.set("correctBefore", static_cast<double>(res.correct_before));
  o.set("error", res.error);
  o.set("diverged", res.diverged);
  o.set("divergedAt", static_cast<double>(res.diverged_at));
  return o;
}

double count_right_js(const Reader& r, val images, val labels) {
  return static_cast<double>(r.core.count_right(examples_arg(images, labels).view()));
}

void reset_linear_js(Reader& r) { r.core.reset_linear(); }

val linear_weights_js(const Reader& r) { return to_typed_array(r.core.linear_weights()); }

// rgba: a Uint8Array from the face over the canvas's real bytes.
val read(Reader& r, val rgba, double width, double height) {
  require(rgba.instanceof (val::global("Uint8Array")),
                          "rgba must be a Uint8Array or Uint8ClampedArray of canvas pixels");
  const int w = canvas_side(width, "width");
  const int h = canvas_side(height, "height");
  const std::size_t n = rgba["length"].as<std::size_t>();
  const std::size_t want = static_cast<std::size_t>(w) * h * 4;
  require(n == want, "rgba has " + std::to_string(n) +
                         " bytes, expected width x height x 4 = " + std::to_string(want));
  if (r.rgba.size() < n) r.rgba.resize(n);  // grows only; a same-size canvas never reallocates
  val(emscripten::typed_memory_view(n, r.rgba.data())).call<void>("set", rgba);
  return to_js(r, r.core.read(r.rgba.data(), n, w, h));
}

}  // namespace
}  // namespace wl::js

EMSCRIPTEN_BINDINGS(weightlab_draw) {
  using namespace wl::js;
  emscripten::class_<Reader>("DigitReader")
      .constructor(&guard<&make_reader>::call, emscripten::allow_raw_pointers())
      .function("loadModel", &guard<&load_model>::call)
      .function("loadLinear", &guard<&load_linear>::call)
      .function("countCorrect", &guard<&count_correct>::call)
      .function("countVerdicts", &guard<&count_verdicts>::call)
      .function("predictImage", &guard<&predict_image>::call)
      .function("hasModel", &guard<&has_model>::call)
      .function("hasLinear", &guard<&has_linear>::call)
      .function("architecture", &guard<&architecture>::call)
      .function("read", &guard<&read>::call)
      .function("contributions", &guard<&contributions_js>::call)
      .function("difference", &guard<&difference_js>::call)
      .function("teach", &guard<&teach_js>::call)
      .function("replay", &guard<&replay_js>::call)
      .function("countRight", &guard<&count_right_js>::call)
      .function("resetLinear", &guard<&reset_linear_js>::call)
      .function("linearWeights", &guard<&linear_weights_js>::call);
}
