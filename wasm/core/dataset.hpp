// The site's digit data file (".wld"): labelled 8-bit greyscale images in one
// small little-endian binary file with a checksum, so the page fetches one
// file per set instead of parsing MNIST's four idx files.
//
// Byte layout (integers are unsigned 32-bit little-endian, "u32"):
//
//   offset        size         field
//   0             8            magic: the bytes "WLDATA\0\0"
//   8             4            u32 format version (kDatasetFormatVersion = 1)
//   12            4            u32 N: number of images (1..kDatasetMaxCount)
//   16            4            u32 R: rows per image (1..kDatasetMaxSide)
//   20            4            u32 C: columns per image (1..kDatasetMaxSide)
//   24            N*R*C        pixels, uint8, image after image, row-major
//                              (0 = background, 255 = full ink, as in MNIST)
//   24+N*R*C      N            labels, uint8, each 0..9
//   end-4         4            u32 CRC-32 (IEEE, as in zlib; wl::crc32, core/bytes.hpp) of
//                              every byte before it
//
// No padding, nothing after the checksum: a file's size is exactly
// 28 + N*(R*C + 1) bytes. 1,000 MNIST digits take 785,028 bytes.
//
// read_dataset() takes bytes (never a path): disk, fetch() and tests share it.
// It checks the whole size against the header before allocating anything, so
// hostile input can never make it allocate more than the input justifies.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/idx.hpp"

namespace wl {

inline constexpr std::uint32_t kDatasetFormatVersion = 1;
inline constexpr std::uint32_t kDatasetMaxCount = 100000;  // MNIST has 70,000 in all
inline constexpr std::uint32_t kDatasetMaxSide = 64;
inline constexpr std::size_t kDatasetHeaderSize = 24;
inline constexpr std::uint8_t kDatasetMaxLabel = 9;

struct Dataset {
  std::uint32_t count = 0, rows = 0, cols = 0;
  std::vector<std::uint8_t> pixels;  // [count][rows*cols]
  std::vector<std::uint8_t> labels;  // [count], 0..9

  std::size_t image_size() const { return std::size_t{rows} * cols; }
  const std::uint8_t* image(std::size_t i) const { return pixels.data() + i * image_size(); }
};

// Serialises a dataset. Throws std::invalid_argument if it breaks the format's
// rules (count or sides out of range, sizes that disagree, a label above 9).
std::vector<std::uint8_t> write_dataset(const Dataset& dataset);

// Parses and validates a whole file. Throws std::invalid_argument saying what
// is wrong: bad magic, unknown version, absurd counts or sides, truncation or
// trailing bytes, checksum mismatch, a label above 9.
Dataset read_dataset(const std::uint8_t* bytes, std::size_t size);

// Images [begin, end) of a pair of MNIST idx arrays (images N x 28 x 28,
// labels N), e.g. the book's first 1,000 training digits: begin 0, end 1000.
Dataset dataset_from_idx(const IdxArray& images, const IdxArray& labels, std::size_t begin,
                         std::size_t end);

// How many images of each digit 0..9.
std::vector<std::size_t> class_counts(const Dataset& dataset);

}  // namespace wl
