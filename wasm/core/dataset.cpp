#include "core/dataset.hpp"

#include <cstring>
#include <string>

#include "core/bytes.hpp"
#include "core/check.hpp"

namespace wl {
namespace {

constexpr std::uint8_t kMagic[8] = {'W', 'L', 'D', 'A', 'T', 'A', '\0', '\0'};

void require_header(std::uint64_t count, std::uint64_t rows, std::uint64_t cols) {
  require(count >= 1 && count <= kDatasetMaxCount, "data file: image count " +
                                                       std::to_string(count) + " is outside 1.." +
                                                       std::to_string(kDatasetMaxCount));
  require(rows >= 1 && rows <= kDatasetMaxSide && cols >= 1 && cols <= kDatasetMaxSide,
          "data file: image size " + std::to_string(rows) + "x" + std::to_string(cols) +
              " is outside 1.." + std::to_string(kDatasetMaxSide) + " per side");
}

void require_labels(const std::uint8_t* labels, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    if (labels[i] > kDatasetMaxLabel) {  // the message is built only on failure
      require(false, "data file: label of image " + std::to_string(i) + " is " +
                         std::to_string(labels[i]) + ", outside 0..9");
    }
  }
}

// 28 + N*(R*C + 1), in 64 bits so no header can overflow it.
std::uint64_t file_size(std::uint64_t count, std::uint64_t rows, std::uint64_t cols) {
  return kDatasetHeaderSize + count * (rows * cols + 1) + 4;
}

}  // namespace

std::vector<std::uint8_t> write_dataset(const Dataset& d) {
  require_header(d.count, d.rows, d.cols);
  require_size(d.pixels.size(), std::size_t{d.count} * d.image_size(), "data file: pixels");
  require_size(d.labels.size(), d.count, "data file: labels");
  require_labels(d.labels.data(), d.labels.size());
  // Filled by offset (not push_back/insert) into a buffer of the exact size.
  std::vector<std::uint8_t> out(file_size(d.count, d.rows, d.cols));
  std::uint8_t* p = out.data();
  std::memcpy(p, kMagic, 8);
  const std::uint32_t header[4] = {kDatasetFormatVersion, d.count, d.rows, d.cols};
  for (int i = 0; i < 4; ++i) write_u32_le(p + 8 + 4 * i, header[i]);
  std::memcpy(p + kDatasetHeaderSize, d.pixels.data(), d.pixels.size());
  std::memcpy(p + kDatasetHeaderSize + d.pixels.size(), d.labels.data(), d.labels.size());
  write_u32_le(p + out.size() - 4, crc32(p, out.size() - 4));
  return out;
}

Dataset read_dataset(const std::uint8_t* bytes, std::size_t size) {
  require(bytes != nullptr || size == 0, "data file: no data");
  require(size >= kDatasetHeaderSize + 4, "data file: " + std::to_string(size) +
                                              " bytes is too short for a header (needs " +
                                              std::to_string(kDatasetHeaderSize + 4) + ")");
  require(std::memcmp(bytes, kMagic, 8) == 0,
          "data file: bad magic (not a weightlab data file; expected \"WLDATA\")");
  const std::uint32_t version = read_u32_le(bytes + 8);
  require(version == kDatasetFormatVersion, "data file: unknown format version " +
                                                std::to_string(version) + " (this reader knows " +
                                                std::to_string(kDatasetFormatVersion) + ")");
  const std::uint32_t count = read_u32_le(bytes + 12), rows = read_u32_le(bytes + 16),
                      cols = read_u32_le(bytes + 20);
  require_header(count, rows, cols);
  const std::uint64_t want = file_size(count, rows, cols);
  require(size >= want, "data file: truncated: the header promises " + std::to_string(count) +
                            " images of " + std::to_string(rows) + "x" + std::to_string(cols) +
                            " (" + std::to_string(want) + " bytes), found " + std::to_string(size) +
                            " bytes");
  require(size == want,
          "data file: " + std::to_string(size - want) + " unexpected bytes after the checksum");
  const std::uint32_t stored = read_u32_le(bytes + size - 4);
  const std::uint32_t actual = crc32(bytes, size - 4);
  require(stored == actual, "data file: checksum mismatch (the file is corrupt)");

  Dataset d;
  d.count = count;
  d.rows = rows;
  d.cols = cols;
  const std::size_t n_pixels = std::size_t{count} * d.image_size();
  const std::uint8_t* pixels = bytes + kDatasetHeaderSize;
  const std::uint8_t* labels = pixels + n_pixels;
  require_labels(labels, count);
  d.pixels.assign(pixels, pixels + n_pixels);
  d.labels.assign(labels, labels + count);
  return d;
}

Dataset dataset_from_idx(const IdxArray& images, const IdxArray& labels, std::size_t begin,
                         std::size_t end) {
  require_mnist_images(images);
  require_mnist_labels(labels, images.count());
  require(begin < end && end <= images.count(),
          "dataset_from_idx: range [" + std::to_string(begin) + ", " + std::to_string(end) +
              ") is not inside 0.." + std::to_string(images.count()));
  require(end - begin <= kDatasetMaxCount, "dataset_from_idx: too many images");
  Dataset d;
  d.count = static_cast<std::uint32_t>(end - begin);
  d.rows = images.dims[1];
  d.cols = images.dims[2];
  const std::size_t n = d.image_size();
  d.pixels.assign(images.data.begin() + begin * n, images.data.begin() + end * n);
  d.labels.assign(labels.data.begin() + begin, labels.data.begin() + end);
  return d;
}

std::vector<std::size_t> class_counts(const Dataset& dataset) {
  std::vector<std::size_t> counts(kDatasetMaxLabel + 1, 0);
  for (std::uint8_t label : dataset.labels) ++counts[label];
  return counts;
}

}  // namespace wl
