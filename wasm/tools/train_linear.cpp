// Trains the chapter's 784->10 linear network exactly as the page does (same
// seed, alpha, epochs, order: the book's first 1,000 training digits, one
// image at a time) and writes its weights as web/models/chapter-linear.wlm.
//
//   build/native/train_linear [--data DIR] [--out FILE] [--alpha A]
//                             [--epochs N] [--seed S] [--train N]
//
// Reads the site's data files (make_site_data's output; DIR defaults to
// site/data). Prints one line per epoch: summed error, train accuracy (each
// image predicted just before it is learned), test accuracy on the 10,000
// official test digits. Without --out it writes nothing.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/mnist_linear.hpp"
#include "core/model_file.hpp"
#include "tools/read_file.hpp"

namespace {

using wl::tools::read_file;

// The page's defaults (web/js/views/mnist.js): keep the two in step.
constexpr double kDefaultAlpha = 0.001;
constexpr int kDefaultEpochs = 10;
constexpr std::uint64_t kDefaultSeed = 1;

wl::Dataset read_data(const std::string& path) {
  const std::vector<std::uint8_t> bytes = read_file(path);
  return wl::read_dataset(bytes.data(), bytes.size());
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = "site/data", out;
  double alpha = kDefaultAlpha;
  int epochs = kDefaultEpochs;
  std::uint64_t seed = kDefaultSeed;
  std::size_t train_limit = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has = i + 1 < argc;
    if (a == "--data" && has) data = argv[++i];
    else if (a == "--out" && has) out = argv[++i];
    else if (a == "--alpha" && has) alpha = std::atof(argv[++i]);
    else if (a == "--epochs" && has) epochs = std::atoi(argv[++i]);
    else if (a == "--seed" && has) seed = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--train" && has) train_limit = std::strtoull(argv[++i], nullptr, 10);
    else {
      std::fprintf(stderr,
                   "usage: train_linear [--data DIR] [--out FILE] [--alpha A] [--epochs N] "
                   "[--seed S] [--train N]\n");
      return 2;
    }
  }
  try {
    const wl::Dataset train = read_data(data + "/mnist-train-1000.wld");
    const wl::Dataset test = read_data(data + "/mnist-test.wld");
    const std::size_t n =
        train_limit ? std::min<std::size_t>(train_limit, train.count) : train.count;
    std::printf("train_linear: seed %llu, alpha %g, %d epochs over %zu images\n",
                static_cast<unsigned long long>(seed), alpha, epochs, n);
    wl::LinearNetwork net(seed);
    double train_acc = 0;
    for (int epoch = 1; epoch <= epochs; ++epoch) {
      const auto t0 = std::chrono::steady_clock::now();
      const wl::TrainResult r = net.train_range(train, 0, n, alpha);
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      if (r.diverged) {
        std::printf("epoch %2d: diverged at image %ld (alpha %g is too large)\n", epoch,
                    r.diverged_at, alpha);
        return 1;
      }
      train_acc = static_cast<double>(r.correct) / r.count;
      std::printf("epoch %2d: error %.17g  train %.1f%%  test %.2f%%  (%.4f s)\n", epoch, r.error,
                  100 * train_acc, 100 * net.accuracy(test), seconds);
    }
    std::printf("final: train %.2f%% (after training, whole set)  test %.2f%%\n",
                100 * net.accuracy(train), 100 * net.accuracy(test));
    if (!out.empty()) {
      const std::vector<std::uint8_t> bytes = wl::write_model(net.to_model());
      std::ofstream f(out, std::ios::binary);
      f.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
      if (!f) throw std::runtime_error("cannot write " + out);
      // What the page will see: the float32 weights read back from the file.
      wl::LinearNetwork loaded(seed);
      loaded.load_model(wl::read_model(bytes.data(), bytes.size()));
      std::printf("wrote %s (%zu bytes): test %.2f%% with the stored float32 weights\n",
                  out.c_str(), bytes.size(), 100 * loaded.accuracy(test));
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "train_linear: %s\n", e.what());
    return 1;
  }
  return 0;
}
