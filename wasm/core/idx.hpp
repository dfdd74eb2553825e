// The idx format of the MNIST files (big-endian header, then raw bytes).
//   magic: 0x00 0x00 <type=0x08 unsigned byte> <number of dimensions>
//   dims:  one big-endian uint32 per dimension
//   data:  product(dims) bytes
// Parsed from bytes, never from a path: disk, fetch() and tests share this.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace wl {

struct IdxArray {
  std::vector<std::uint32_t> dims;  // e.g. {60000, 28, 28} or {60000}
  std::vector<std::uint8_t> data;   // product(dims) values, row-major
  std::size_t count() const { return dims.empty() ? 0 : dims[0]; }
  std::size_t item_size() const;  // product of dims[1..]
};

// Throws std::invalid_argument on a bad magic number, an unsupported type,
// zero or absurd dimensions, or a length that disagrees with the header.
IdxArray parse_idx(const std::uint8_t* bytes, std::size_t size);

// Labels must be 0..9: throws otherwise. Images must be count x 28 x 28.
void require_mnist_images(const IdxArray& images);
void require_mnist_labels(const IdxArray& labels, std::size_t expected_count);

}  // namespace wl
