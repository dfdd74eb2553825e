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

// 784 pixel values in [0, 1] (a Float64Array from the face).
std::vector<double> input_from(const val& v) {
  require(v.instanceof (val::global("Float64Array")), "input must be an array of 784 numbers");
  const std::size_t n = v["length"].as<std::size_t>();
  require_size(n, kMnistPixels, "input");
  std::vector<double> input(n);
  val(emscripten::typed_memory_view(n, input.data())).call<void>("set", v);
  require_finite(input, "input");
  return input;
}

std::uint64_t seed_from(double seed) { return whole(seed, "seed"); }

void require_index(const Dataset& d, std::size_t i) {
  require(i < d.count, "image " + std::to_string(i) + " is not among the " +
                           std::to_string(d.count) + " images");
}

// ---------------------------------------------------------------- Dataset

// A new Dataset that JS owns (and must .delete()); null on error.
Dataset* dataset_from_bytes(val bytes) {
  const std::vector<std::uint8_t> b = bytes_from(bytes, "data file");
  return new Dataset(read_dataset(b.data(), b.size()));
}

// Read-only from JS: the C++ trusts these to size every image access.
double count_js(const Dataset& d) { return d.count; }
double rows_js(const Dataset& d) { return d.rows; }
double cols_js(const Dataset& d) { return d.cols; }

val labels_js(const Dataset& d) { return to_typed_array(d.labels); }

int label_js(const Dataset& d, double index) {
  const std::size_t i = whole(index, "index");
  require_index(d, i);
  return static_cast<int>(d.labels[i]);
}

// Pixels of images [begin, end) as one Uint8Array[(end-begin)*rows*cols]: a page of thumbnails.
val images_js(const Dataset& d, double begin, double end) {
  const std::size_t b = whole(begin, "begin"), e = whole(end, "end");
  require(b <= e && e <= d.count, "images [" + std::to_string(b) + ", " + std::to_string(e) +
                                      ") are not inside the " + std::to_string(d.count));
  return val(emscripten::typed_memory_view((e - b) * d.image_size(), d.image(b)))
      .call<val>("slice");
}

// Image i as the network reads it: pixel / 255.
val input_js(const Dataset& d, double index) {
  const std::size_t i = whole(index, "index");
  require_index(d, i);
  require(d.rows == 28 && d.cols == 28, "inputs need 28x28 images");
  std::vector<double> input(kMnistPixels);
  mnist_input(input.data(), d.image(i));
  return to_typed_array(input);
}

val class_counts_js(const Dataset& d) {
  return array_of(class_counts(d), [](std::size_t c) { return val(static_cast<double>(c)); });
}

// ---------------------------------------------------------- LinearNetwork

// null on error (the face throws).
LinearNetwork* make_network(double seed) { return new LinearNetwork(seed_from(seed)); }

void reset_js(LinearNetwork& net, double seed) { net.reset(seed_from(seed)); }

val train_range_js(LinearNetwork& net, const Dataset& d, double begin, double end, double alpha) {
  const TrainResult r = net.train_range(d, whole(begin, "begin"), whole(end, "end"), alpha);
  val o = val::object();
  o.set("error", r.error);
  o.set("correct", r.correct);
  o.set("count", r.count);
  o.set("diverged", r.diverged);
  o.set("divergedAt", static_cast<double>(r.diverged_at));
  return o;
}

// The chapter's step on one image, with what it used: pred (before the step)
// and delta = pred - target; the weights then moved by -alpha * delta[c] * input.
val step_image_js(LinearNetwork& net, const Dataset& d, double index, double alpha) {
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
}

double evaluate_js(const LinearNetwork& net, const Dataset& d) { return net.accuracy(d); }

double count_correct_js(const LinearNetwork& net, const Dataset& d, double begin, double end) {
  return static_cast<double>(net.count_correct(d, whole(begin, "begin"), whole(end, "end")));
}

val weights_js(const LinearNetwork& net) { return to_typed_array(net.weights()); }

bool diverged_js(const LinearNetwork& net) { return net.diverged(); }

void load_model_js(LinearNetwork& net, val bytes) {
  const std::vector<std::uint8_t> b = bytes_from(bytes, "model file");
  net.load_model(read_model(b.data(), b.size()));  // validates fully before replacing
}

val save_model_js(const LinearNetwork& net) { return to_typed_array(write_model(net.to_model())); }

val predict_js(const LinearNetwork& net, val input) {
  std::vector<double> scores(kMnistClasses);
  net.predict(scores.data(), input_from(input).data());
  return to_typed_array(scores);
}

val predict_image_js(const LinearNetwork& net, const Dataset& d, double index) {
  std::vector<double> scores(kMnistClasses);
  net.predict_image(scores.data(), d, whole(index, "index"));
  return to_typed_array(scores);
}

std::size_t class_from(double c) {
  const std::size_t cls = whole(c, "class");
  require(cls < kMnistClasses, "class must be a digit 0..9, got " + std::to_string(cls));
  return cls;
}

val contributions_js(const LinearNetwork& net, val input, double cls) {
  return to_typed_array(net.contributions(input_from(input).data(), class_from(cls)));
}

val contributions_image_js(const LinearNetwork& net, const Dataset& d, double index, double cls) {
  const std::size_t i = whole(index, "index");
  require_index(d, i);
  require(d.rows == 28 && d.cols == 28, "contributions need 28x28 images");
  double input[kMnistPixels];
  mnist_input(input, d.image(i));
  return to_typed_array(net.contributions(input, class_from(cls)));
}

}  // namespace
}  // namespace wl::js

EMSCRIPTEN_BINDINGS(weightlab_mnist) {
  using namespace emscripten;
  using namespace wl::js;
  class_<wl::Dataset>("Dataset")
      .class_function("fromBytes", &guard<&dataset_from_bytes>::call, allow_raw_pointers())
      .property("count", &guard<&count_js>::call)  // getters only: read-only from JS
      .property("rows", &guard<&rows_js>::call)
      .property("cols", &guard<&cols_js>::call)
      .function("label", &guard<&label_js>::call)
      .function("labels", &guard<&labels_js>::call)
      .function("images", &guard<&images_js>::call)
      .function("input", &guard<&input_js>::call)
      .function("classCounts", &guard<&class_counts_js>::call);

  class_<wl::LinearNetwork>("LinearNetwork")
      .constructor(&guard<&make_network>::call, allow_raw_pointers())
      .function("reset", &guard<&reset_js>::call)
      .function("trainRange", &guard<&train_range_js>::call)
      .function("stepImage", &guard<&step_image_js>::call)
      .function("evaluate", &guard<&evaluate_js>::call)
      .function("countCorrect", &guard<&count_correct_js>::call)
      .function("weights", &guard<&weights_js>::call)
      .function("loadModel", &guard<&load_model_js>::call)
      .function("saveModel", &guard<&save_model_js>::call)
      .function("predict", &guard<&predict_js>::call)
      .function("predictImage", &guard<&predict_image_js>::call)
      .function("contributions", &guard<&contributions_js>::call)
      .function("contributionsImage", &guard<&contributions_image_js>::call)
      .property("diverged", &guard<&diverged_js>::call);
}
