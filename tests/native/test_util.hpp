// Helpers shared by the native tests.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/model_file.hpp"

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
  for (int i = 0; i < 4; ++i) bytes[at + i] = static_cast<std::uint8_t>(v >> (8 * i));
}

// Recomputes a weightlab file's trailing CRC-32 after an edit, so a test
// reaches the check it means to reach instead of the checksum.
inline void reseal(std::vector<std::uint8_t>& bytes) {
  put_u32_at(bytes, bytes.size() - 4, wl::crc32(bytes.data(), bytes.size() - 4));
}

}  // namespace wl_test
