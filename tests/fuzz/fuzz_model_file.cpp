// libFuzzer: the weights-file reader on hostile bytes. Anything it accepts
// must write back to the same bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <vector>

#include "core/model_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const wl::Model model = wl::read_model(data, size);
    const std::vector<std::uint8_t> again = wl::write_model(model);
    if (again.size() != size || !std::equal(again.begin(), again.end(), data)) std::abort();
  } catch (const std::invalid_argument&) {
  }
  return 0;
}
