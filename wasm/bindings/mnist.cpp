// Embind layer for MNIST: the site's digit data (Dataset) and the chapter's
// 784->10 network (LinearNetwork), each one persistent C++ object that JS
// holds and must .delete(). Images stay in C++: JS crosses the boundary once
// per chunk of training or per picture, never per pixel.
//
//   const data = Dataset.fromBytes(uint8Array);        // throws on a bad file
//   const net = new LinearNetwork(1);                  // seed
//   net.trainRange(data, 0, 100, 0.001)                // -> {error, correct, count, diverged, divergedAt}
//   net.evaluate(data)                                 // -> accuracy in [0, 1]
//   net.countCorrect(data, begin, end)                 // -> right answers among images [begin, end)
//   net.weights()                                      // -> Float64Array[10*784], row per digit
//   net.loadModel(uint8Array)                          // a .wlm "linear-784-10"; keeps old weights on error
//   net.predict(input784) / net.predictImage(data, i)  // -> Float64Array[10] scores
//   net.contributions(input784, c) / net.contributionsImage(data, i, c)  // -> Float64Array[784]
//   net.stepImage(data, i, alpha)                      // one learning step on image i -> {label, pred, delta, error, diverged}
//   data.input(i)                                      // -> Float64Array[784], pixel / 255: the network's input
#include <cmath>
#include <string>
#include <vector>

#include "bindings/js.hpp"
#include "core/dataset.hpp"
#include "core/mnist_linear.hpp"
#include "core/model_file.hpp"

namespace wl::js {
namespace {

// 784 pixel values in [0, 1] from any array of numbers.
std::vector<double> input_from(const val& v) {
  require(is_array_like(v), "input must be an array of 784 numbers");
  std::vector<double> input = emscripten::convertJSArrayToNumberVector<double>(v);
  require_size(input.size(), kMnistPixels, "input");
  require_finite(input, "input");
  return input;
}

std::size_t whole(double v, const char* what) {
  require(std::isfinite(v) && v >= 0 && v == std::floor(v) && v < 4e9,
          std::string(what) + " must be a whole number >= 0");
  return static_cast<std::size_t>(v);
}

std::uint64_t seed_from(double seed) { return whole(seed, "seed"); }

void require_index(const Dataset& d, std::size_t i) {
  require(i < d.count, "image " + std::to_string(i) + " is not among the " +
                           std::to_string(d.count) + " images");
}

// ---------------------------------------------------------------- Dataset

Dataset dataset_from_bytes(val bytes) {
  return guarded([&] {
    const std::vector<std::uint8_t> b = bytes_from(bytes, "data file");
    return read_dataset(b.data(), b.size());
  }, bytes);
}

val labels_js(const Dataset& d) { return to_typed_array(d.labels); }

int label_js(const Dataset& d, double index) {
  return guarded([&] {
    const std::size_t i = whole(index, "index");
    require_index(d, i);
    return static_cast<int>(d.labels[i]);
  });
}

// Pixels of images [begin, end) as one Uint8Array[(end-begin)*rows*cols]: a page of thumbnails.
val images_js(const Dataset& d, double begin, double end) {
  return guarded([&] {
    const std::size_t b = whole(begin, "begin"), e = whole(end, "end");
    require(b <= e && e <= d.count, "images [" + std::to_string(b) + ", " + std::to_string(e) +
                                        ") are not inside the " + std::to_string(d.count));
    return val(emscripten::typed_memory_view((e - b) * d.image_size(), d.image(b))).call<val>("slice");
  });
}

// Image i as the network reads it: pixel / 255.
val input_js(const Dataset& d, double index) {
  return guarded([&] {
    const std::size_t i = whole(index, "index");
    require_index(d, i);
    require(d.rows == 28 && d.cols == 28, "inputs need 28x28 images");
    std::vector<double> input(kMnistPixels);
    mnist_input(input.data(), d.image(i));
    return to_typed_array(input);
  });
}

val class_counts_js(const Dataset& d) {
  return array_of(class_counts(d), [](std::size_t c) { return val(static_cast<double>(c)); });
}

// ---------------------------------------------------------- LinearNetwork

LinearNetwork* make_network(double seed) {
  return guarded([&] { return new LinearNetwork(seed_from(seed)); });
}

void reset_js(LinearNetwork& net, double seed) {
  guarded([&] { net.reset(seed_from(seed)); });
}

val train_range_js(LinearNetwork& net, const Dataset& d, double begin, double end, double alpha) {
  return guarded([&] {
    const TrainResult r = net.train_range(d, whole(begin, "begin"), whole(end, "end"), alpha);
    val o = val::object();
    o.set("error", r.error);
    o.set("correct", r.correct);
    o.set("count", r.count);
    o.set("diverged", r.diverged);
    o.set("divergedAt", static_cast<double>(r.diverged_at));
    return o;
  });
}

// The chapter's step on one image, with what it used: pred (before the step)
// and delta = pred - target; the weights then moved by -alpha * delta[c] * input.
val step_image_js(LinearNetwork& net, const Dataset& d, double index, double alpha) {
  return guarded([&] {
    const std::size_t i = whole(index, "index");
    require_index(d, i);
    std::vector<double> pred(kMnistClasses), delta(kMnistClasses);
    net.predict_image(pred.data(), d, i);
    const TrainResult r = net.train_range(d, i, i + 1, alpha);
    const std::size_t label = d.labels[i];
    for (std::size_t c = 0; c < kMnistClasses; ++c) delta[c] = pred[c] - (c == label ? 1.0 : 0.0);
    val o = val::object();
    o.set("label", static_cast<int>(label));
    o.set("pred", to_typed_array(pred));
    o.set("delta", to_typed_array(delta));
    o.set("error", r.error);
    o.set("diverged", r.diverged);
    return o;
  });
}

double evaluate_js(const LinearNetwork& net, const Dataset& d) {
  return guarded([&] { return net.accuracy(d); });
}

double count_correct_js(const LinearNetwork& net, const Dataset& d, double begin, double end) {
  return guarded([&] {
    return static_cast<double>(net.count_correct(d, whole(begin, "begin"), whole(end, "end")));
  });
}

val weights_js(const LinearNetwork& net) { return to_typed_array(net.weights()); }

void load_model_js(LinearNetwork& net, val bytes) {
  guarded([&] {
    const std::vector<std::uint8_t> b = bytes_from(bytes, "model file");
    net.load_model(read_model(b.data(), b.size()));  // validates fully before replacing
  }, bytes);
}

val save_model_js(const LinearNetwork& net) {
  return guarded([&] { return to_typed_array(write_model(net.to_model())); });
}

val predict_js(const LinearNetwork& net, val input) {
  return guarded([&] {
    std::vector<double> scores(kMnistClasses);
    net.predict(scores.data(), input_from(input).data());
    return to_typed_array(scores);
  }, input);
}

val predict_image_js(const LinearNetwork& net, const Dataset& d, double index) {
  return guarded([&] {
    std::vector<double> scores(kMnistClasses);
    net.predict_image(scores.data(), d, whole(index, "index"));
    return to_typed_array(scores);
  });
}

std::size_t class_from(double c) {
  const std::size_t cls = whole(c, "class");
  require(cls < kMnistClasses, "class must be a digit 0..9, got " + std::to_string(cls));
  return cls;
}

val contributions_js(const LinearNetwork& net, val input, double cls) {
  return guarded([&] { return to_typed_array(net.contributions(input_from(input).data(), class_from(cls))); },
                 input);
}

val contributions_image_js(const LinearNetwork& net, const Dataset& d, double index, double cls) {
  return guarded([&] {
    const std::size_t i = whole(index, "index");
    require_index(d, i);
    require(d.rows == 28 && d.cols == 28, "contributions need 28x28 images");
    double input[kMnistPixels];
    mnist_input(input, d.image(i));
    return to_typed_array(net.contributions(input, class_from(cls)));
  });
}

}  // namespace
}  // namespace wl::js

EMSCRIPTEN_BINDINGS(weightlab_mnist) {
  using namespace emscripten;
  using namespace wl::js;
  class_<wl::Dataset>("Dataset")
      .class_function("fromBytes", &dataset_from_bytes)
      .property("count", &wl::Dataset::count)
      .property("rows", &wl::Dataset::rows)
      .property("cols", &wl::Dataset::cols)
      .function("label", &label_js)
      .function("labels", &labels_js)
      .function("images", &images_js)
      .function("input", &input_js)
      .function("classCounts", &class_counts_js);

  class_<wl::LinearNetwork>("LinearNetwork")
      .constructor(&make_network, allow_raw_pointers())
      .function("reset", &reset_js)
      .function("trainRange", &train_range_js)
      .function("stepImage", &step_image_js)
      .function("evaluate", &evaluate_js)
      .function("countCorrect", &count_correct_js)
      .function("weights", &weights_js)
      .function("loadModel", &load_model_js)
      .function("saveModel", &save_model_js)
      .function("predict", &predict_js)
      .function("predictImage", &predict_image_js)
      .function("contributions", &contributions_js)
      .function("contributionsImage", &contributions_image_js)
      .property("diverged", &wl::LinearNetwork::diverged);
}
