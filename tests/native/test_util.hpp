// Helpers shared by the native tests.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/bytes.hpp"
#include "core/cnn.hpp"
#include "core/random.hpp"

namespace wl_test {

// The message of the std::invalid_argument that f() throws, or "" if it returns.
template <typename F>
std::string thrown_message(F&& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

inline void put_u32_at(std::vector<std::uint8_t>& bytes, std::size_t at, std::uint32_t v) {
  wl::write_u32_le(bytes.data() + at, v);
}

// Recomputes a weightlab file's trailing CRC-32 after an edit, so a test
// reaches the check it means to reach instead of the checksum.
inline void reseal(std::vector<std::uint8_t>& bytes) {
  put_u32_at(bytes, bytes.size() - 4, wl::crc32(bytes.data(), bytes.size() - 4));
}

// A small CNN (c5x<c1>-p2-c5x<c2>-p2[-d<hidden>]-d10) with He-normal weights
// drawn from rng: the gradient and training tests' network.
inline wl::Cnn small_cnn(int c1, int c2, int hidden, wl::Rng& rng) {
  wl::CnnConfig config;
  config.conv1_channels = c1;
  config.conv2_channels = c2;
  config.hidden = hidden;
  wl::Cnn net(config);
  net.init(rng);
  return net;
}

}  // namespace wl_test
