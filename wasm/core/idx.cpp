#include "core/idx.hpp"

#include <string>

#include "core/bytes.hpp"
#include "core/check.hpp"
#include "core/mnist_shape.hpp"

namespace wl {

std::size_t IdxArray::item_size() const {
  std::size_t n = 1;
  for (std::size_t i = 1; i < dims.size(); ++i) n *= dims[i];
  return n;
}

IdxArray parse_idx(const std::uint8_t* bytes, std::size_t size) {
  require(bytes != nullptr || size == 0, "idx: no data");
  require(size >= 4, "idx: file too short for a header (" + std::to_string(size) + " bytes)");
  require(bytes[0] == 0 && bytes[1] == 0, "idx: bad magic number");
  require(bytes[2] == 0x08, "idx: unsupported element type " + std::to_string(bytes[2]) +
                                " (only unsigned bytes, 0x08)");
  const std::size_t ndim = bytes[3];
  require(ndim >= 1 && ndim <= 4, "idx: unsupported number of dimensions " + std::to_string(ndim));
  const std::size_t header = 4 + 4 * ndim;
  require(size >= header, "idx: file truncated inside its header");

  IdxArray out;
  std::uint64_t total = 1;
  for (std::size_t d = 0; d < ndim; ++d) {
    const std::uint32_t dim = read_u32_be(bytes + 4 + 4 * d);
    require(dim > 0, "idx: dimension " + std::to_string(d) + " is zero");
    total *= dim;
    require(total <= (std::uint64_t{1} << 31), "idx: dimensions too large");
    out.dims.push_back(dim);
  }
  require(size - header == total,
          "idx: expected " + std::to_string(total) + " data bytes after the header, found " +
              std::to_string(size - header) + (size - header < total ? " (file truncated)" : ""));
  out.data.assign(bytes + header, bytes + size);
  return out;
}

void require_mnist_images(const IdxArray& images) {
  require(images.dims.size() == 3 && images.dims[1] == std::uint32_t{kMnistSide} &&
              images.dims[2] == std::uint32_t{kMnistSide},
          "idx: MNIST images must have shape N x 28 x 28");
}

void require_mnist_labels(const IdxArray& labels, std::size_t expected_count) {
  require(labels.dims.size() == 1, "idx: MNIST labels must be one-dimensional");
  require_size(labels.count(), expected_count, "idx: label count");
  for (std::size_t i = 0; i < labels.data.size(); ++i) {
    if (labels.data[i] > 9) {  // the message is built only on failure
      require(false, "idx: label " + std::to_string(i) + " is " + std::to_string(labels.data[i]) +
                         ", outside 0..9");
    }
  }
}

}  // namespace wl
