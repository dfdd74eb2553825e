// libFuzzer: the site-data (.wld) reader on hostile bytes. Anything it
// accepts must write back to the same bytes.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <vector>

#include "core/dataset.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const wl::Dataset d = wl::read_dataset(data, size);
    const std::vector<std::uint8_t> again = wl::write_dataset(d);
    if (again.size() != size || !std::equal(again.begin(), again.end(), data)) std::abort();
  } catch (const std::invalid_argument&) {
  }
  return 0;
}
