// Bytes of the project's binary files: unsigned 32-bit integers in either
// byte order (the .wlm and .wld files are little-endian, MNIST's idx files
// big-endian) and the CRC-32 that seals each .wlm and .wld file. The readers
// and writers of those formats (model_file, dataset, idx) all use these.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace wl {

// The u32 stored little-endian at p[0..4).
inline std::uint32_t read_u32_le(const std::uint8_t* p) {
  return std::uint32_t{p[0]} | (std::uint32_t{p[1]} << 8) | (std::uint32_t{p[2]} << 16) |
         (std::uint32_t{p[3]} << 24);
}

// The u32 stored big-endian at p[0..4).
inline std::uint32_t read_u32_be(const std::uint8_t* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
         std::uint32_t{p[3]};
}

// Stores v little-endian at p[0..4).
inline void write_u32_le(std::uint8_t* p, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}

// Appends v, little-endian, to out.
inline void append_u32_le(std::vector<std::uint8_t>& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

// CRC-32 (IEEE 802.3, the zlib/PNG one: reflected polynomial 0xEDB88320,
// init and final xor 0xFFFFFFFF) of a byte range;
// crc32("123456789") == 0xCBF43926, crc32 of nothing == 0.
std::uint32_t crc32(const std::uint8_t* bytes, std::size_t size);

}  // namespace wl
