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
//     contribTop, contribRunnerUp: Float32Array[784] input x weight per pixel
//                                  for those classes (sum = their score), or null
//     verdict:  'digit' | 'not a digit' | 'empty'   (core/verdict.hpp)
//     notDigit: the CNN's not-a-digit score in [0, 1] (0 without ink or CNN)
//   }
//
// An empty canvas gives hasInk false and no reading at all (probs, linear and
// the contributions are null): the page invites the user to draw.
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
  o.set("contribTop",
        reading.has_linear ? to_typed_array(reading.contrib_top.data(), kMnistPixels) : none);
  o.set("contribRunnerUp",
        reading.has_linear ? to_typed_array(reading.contrib_runner_up.data(), kMnistPixels) : none);
  o.set("verdict", std::string(verdict_name(reading.verdict)));
  o.set("notDigit", reading.not_digit);
  return o;
}

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
      .function("read", &guard<&read>::call);
}
