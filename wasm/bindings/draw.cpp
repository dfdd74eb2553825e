// Embind layer for "Draw a digit": one persistent DigitReader per canvas.
// Each animation frame the page hands over the canvas's RGBA bytes once
// (one typed-array .set() into a buffer the reader owns, never per pixel) and
// gets back, from ONE call, everything it draws:
//
//   reader.read(rgba, width, height) -> {
//     hasInk, inkPixels, box: {x, y, width, height}, centre: {x, y}, scale,
//     image:  Float32Array[784]   the 28x28 the models see (preprocess.hpp)
//     probs:  Float32Array[10]    the CNN's softmax, or null without a CNN
//     linear: Float32Array[10]    the chapter's linear scores, or null
//     linearTop, linearRunnerUp:  the linear net's two highest classes (-1 without it)
//     contribTop, contribRunnerUp: Float32Array[784] input x weight per pixel
//                                  for those classes (sum = their score), or null
//   }
//
// An empty canvas gives hasInk false and no reading at all (probs, linear and
// the contributions are null): the page invites the user to draw.
// reader.predictImage(dataset, index) -> Float32Array[10] is the CNN's softmax
// for one MNIST digit as it is (no preprocessing), to check exported models.
// The linear reading uses the core's wl::LinearNetwork, the same class the
// chapter's MNIST section trains, so there is one implementation of it.
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "bindings/js.hpp"
#include "core/cnn.hpp"
#include "core/dataset.hpp"
#include "core/mnist_linear.hpp"
#include "core/model_file.hpp"
#include "core/preprocess.hpp"

namespace wl::js {
namespace {

int canvas_side(double v, const char* name) {
  require(std::isfinite(v) && v == std::floor(v) && v >= 1 && v <= kMaxCanvasSide,
          std::string(name) + " must be a whole number of pixels from 1 to " +
              std::to_string(kMaxCanvasSide));
  return static_cast<int>(v);
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t m = v.size() / 2;
  return v.size() % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

}  // namespace

class DigitReader {
 public:
  // The CNN (digits-cnn.wlm). On any error the old model stays.
  void load_model(val bytes) {
    guarded([&] {
      const std::vector<std::uint8_t> b = bytes_from(bytes, "the model file");
      auto next = std::make_unique<Cnn>(read_model(b.data(), b.size()));
      cnn_ = std::move(next);
      architecture_ = cnn_architecture(cnn_->config());
    }, bytes);
  }

  // The chapter's linear network (chapter-linear.wlm). On error the old one stays.
  void load_linear(val bytes) {
    guarded([&] {
      const std::vector<std::uint8_t> b = bytes_from(bytes, "the linear model file");
      const Model model = read_model(b.data(), b.size());
      auto next = std::make_unique<LinearNetwork>();
      next->load_model(model);
      linear_ = std::move(next);
    }, bytes);
  }

  // How many of a Dataset's digits the CNN reads right (MNIST digits are
  // already in MNIST form: no preprocessing). One call for the whole set.
  double count_correct(const Dataset& data) {
    return guarded([&] {
      require(cnn_ != nullptr, "no CNN model loaded");
      require(data.rows == 28 && data.cols == 28, "the CNN reads 28x28 digits");
      return static_cast<double>(
          wl::count_correct(*cnn_, data.pixels.data(), data.labels.data(), data.count));
    });
  }

  // The CNN's probabilities for digit `index` of a Dataset (pixel/255, no
  // preprocessing), as count_correct reads it. For checking exports (ONNX).
  val predict_image(const Dataset& data, double index) {
    return guarded([&] {
      require(cnn_ != nullptr, "no CNN model loaded");
      require(data.rows == 28 && data.cols == 28, "the CNN reads 28x28 digits");
      if (!(std::isfinite(index) && index == std::floor(index) && index >= 0 &&
            index < static_cast<double>(data.count))) {  // the message is built only on failure
        require(false, "index must be a whole number below the dataset's " + std::to_string(data.count));
      }
      const std::uint8_t* pixels = data.image(static_cast<std::size_t>(index));
      std::array<float, kMnistPixels> input{};
      for (std::size_t p = 0; p < kMnistPixels; ++p) input[p] = pixels[p] / 255.0f;
      cnn_->predict(probs_.data(), input.data());
      return to_typed_array(probs_.data(), probs_.size());
    });
  }

  bool has_model() const { return cnn_ != nullptr; }
  bool has_linear() const { return linear_ != nullptr; }
  std::string architecture() const { return architecture_; }

  val read(val rgba, double width, double height) {
    return guarded([&] {
      const std::size_t n = take_pixels(rgba, width, height);
      const DrawnDigit& d = preprocessor_.process(rgba_.data(), n, width_, height_);
      return to_js(d);
    }, rgba);
  }

  // Per-stage timings inside the module, in milliseconds per call:
  // {preprocess, cnn, linear}, each the median over `rounds` rounds of the
  // mean of back-to-back calls (10; 1,000 for the microsecond linear pass):
  // browsers coarsen the clock to 0.1 ms, so single calls cannot be timed.
  // For the benchmark.
  val profile(val rgba, double width, double height, double rounds) {
    return guarded([&] {
      require(rounds >= 1 && rounds <= 10000 && rounds == std::floor(rounds),
              "rounds must be a whole number from 1 to 10000");
      const std::size_t n = take_pixels(rgba, width, height);
      constexpr int kBatch = 10, kLinearBatch = 1000;
      std::vector<double> pre, cnn, lin;
      std::array<float, 10> probs{};
      std::array<double, 10> scores{};
      using clock = std::chrono::steady_clock;
      const auto ms = [](clock::time_point a, clock::time_point b, int calls) {
        return std::chrono::duration<double, std::milli>(b - a).count() / calls;
      };
      for (int r = 0; r < static_cast<int>(rounds); ++r) {
        const auto t0 = clock::now();
        for (int i = 0; i < kBatch; ++i) preprocessor_.process(rgba_.data(), n, width_, height_);
        const auto t1 = clock::now();
        const DrawnDigit& d = preprocessor_.result();
        for (int i = 0; cnn_ && i < kBatch; ++i) cnn_->predict(probs.data(), d.pixels.data());
        const auto t2 = clock::now();
        std::copy(d.pixels.begin(), d.pixels.end(), input_.begin());
        for (int i = 0; linear_ && i < kLinearBatch; ++i) linear_->predict(scores.data(), input_.data());
        const auto t3 = clock::now();
        pre.push_back(ms(t0, t1, kBatch));
        cnn.push_back(ms(t1, t2, kBatch));
        lin.push_back(ms(t2, t3, kLinearBatch));
      }
      val o = val::object();
      o.set("preprocess", median(pre));
      o.set("cnn", median(cnn));
      o.set("linear", median(lin));
      return o;
    }, rgba);
  }

 private:
  // Copies the canvas bytes into the reader's own buffer with one .set().
  std::size_t take_pixels(const val& rgba, double width, double height) {
    const char* what = "rgba must be a Uint8Array or Uint8ClampedArray of canvas pixels";
    require(val::global("ArrayBuffer").call<bool>("isView", rgba), what);  // also rejects null
    const val bytes_per_element = rgba["BYTES_PER_ELEMENT"];  // a DataView has none
    require(bytes_per_element.isNumber() && bytes_per_element.as<int>() == 1, what);
    width_ = canvas_side(width, "width");
    height_ = canvas_side(height, "height");
    const std::size_t n = rgba["length"].as<std::size_t>();
    const std::size_t want = static_cast<std::size_t>(width_) * height_ * 4;
    require(n == want, "rgba has " + std::to_string(n) + " bytes, expected width x height x 4 = " +
                           std::to_string(want));
    if (rgba_.size() < n) rgba_.resize(n);  // grows only; a same-size canvas never reallocates
    val(emscripten::typed_memory_view(n, rgba_.data())).call<void>("set", rgba);
    return n;
  }

  val to_js(const DrawnDigit& d) {
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
    val none = val::null();
    o.set("probs", none);
    o.set("linear", none);
    o.set("linearTop", -1);
    o.set("linearRunnerUp", -1);
    o.set("contribTop", none);
    o.set("contribRunnerUp", none);
    if (!d.has_ink) return o;

    if (cnn_) {
      cnn_->predict(probs_.data(), d.pixels.data());
      o.set("probs", to_typed_array(probs_.data(), probs_.size()));
    }
    if (linear_) {
      std::copy(d.pixels.begin(), d.pixels.end(), input_.begin());
      std::array<double, 10> scores{};
      linear_->predict(scores.data(), input_.data());
      for (int c = 0; c < 10; ++c) scores_[c] = static_cast<float>(scores[c]);
      int top = 0, second = -1;  // first one on ties, as LinearNetwork::predict
      for (int c = 1; c < 10; ++c) {
        if (scores[c] > scores[top]) top = c;
      }
      for (int c = 0; c < 10; ++c) {
        if (c != top && (second < 0 || scores[c] > scores[second])) second = c;
      }
      o.set("linear", to_typed_array(scores_.data(), scores_.size()));
      o.set("linearTop", top);
      o.set("linearRunnerUp", second);
      o.set("contribTop", contributions(top));
      o.set("contribRunnerUp", contributions(second));
    }
    return o;
  }

  // input[i] * weights[cls][i]: the dot product before its sum.
  val contributions(int cls) {
    const std::vector<double>& w = linear_->weights();
    const double* row = w.data() + static_cast<std::size_t>(cls) * kMnistPixels;
    for (std::size_t i = 0; i < kMnistPixels; ++i) {
      contrib_[i] = static_cast<float>(input_[i] * row[i]);
    }
    return to_typed_array(contrib_.data(), contrib_.size());
  }

  DrawingPreprocessor preprocessor_;
  std::vector<std::uint8_t> rgba_;
  int width_ = 0, height_ = 0;
  std::unique_ptr<Cnn> cnn_;
  std::string architecture_;
  std::unique_ptr<LinearNetwork> linear_;
  std::array<float, 10> probs_{};
  std::array<float, 10> scores_{};
  std::array<double, kMnistPixels> input_{};
  std::array<float, kMnistPixels> contrib_{};
};

}  // namespace wl::js

EMSCRIPTEN_BINDINGS(weightlab_draw) {
  using wl::js::DigitReader;
  emscripten::class_<DigitReader>("DigitReader")
      .constructor<>()
      .function("loadModel", &DigitReader::load_model)
      .function("loadLinear", &DigitReader::load_linear)
      .function("countCorrect", &DigitReader::count_correct)
      .function("predictImage", &DigitReader::predict_image)
      .function("hasModel", &DigitReader::has_model)
      .function("hasLinear", &DigitReader::has_linear)
      .function("architecture", &DigitReader::architecture)
      .function("read", &DigitReader::read)
      .function("profile", &DigitReader::profile);
}
