// libFuzzer: the idx parser and the MNIST shape checks must reject any bytes
// with std::invalid_argument, never crash, read out of bounds or hang.
#include <cstddef>
#include <cstdint>
#include <stdexcept>

#include "core/idx.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const wl::IdxArray a = wl::parse_idx(data, size);
    if (a.dims.size() == 3) wl::require_mnist_images(a);
    if (a.dims.size() == 1) wl::require_mnist_labels(a, a.count());
  } catch (const std::invalid_argument&) {
  }
  return 0;
}
