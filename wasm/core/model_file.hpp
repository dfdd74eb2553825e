// The weights file of every model in the project (".wlm"): a small,
// little-endian binary container of named float32 tensors, with a checksum.
//
// Byte layout (all integers are unsigned 32-bit little-endian, "u32"):
//
//   offset  size        field
//   0       8           magic: the bytes "WLMODEL\0"
//   8       4           u32 format version (kModelFormatVersion = 1)
//   12      4           u32 A: length of the architecture string (1..255)
//   16      A           architecture, printable ASCII, no terminator
//                       (e.g. "linear-784-10", "cnn-c5x16-p2-c5x32-p2-d10")
//   ..      4           u32 T: number of tensors (0..1024)
//   then T times:
//           4           u32 N: length of the tensor name (1..255)
//           N           name, printable ASCII, unique within the file
//           4           u32 R: rank (1..8)
//           4*R         u32 dims, each >= 1, outermost first (row-major)
//           4*prod      float32 values (IEEE 754, little-endian), all finite
//   end-4   4           u32 CRC-32 (IEEE 802.3, the zlib/PNG one: reflected
//                       polynomial 0xEDB88320, init and final xor 0xFFFFFFFF;
//                       wl::crc32 in core/bytes.hpp) of every byte before it
//
// There is no padding and nothing after the checksum. Values are stored as
// float32 whatever precision the model trains in.
//
// read_model() takes bytes (never a path): disk, fetch() and tests share it.
// It throws std::invalid_argument with a message saying what is wrong for
// any malformed input (bad magic, unknown version, truncation, trailing
// bytes, checksum mismatch, absurd lengths or shapes, duplicate names,
// non-finite values). It never reads out of bounds and never allocates more
// than the input's own size justifies, so it is safe on hostile bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace wl {

inline constexpr std::uint32_t kModelFormatVersion = 1;
inline constexpr std::uint32_t kModelMaxStringLength = 255;  // architecture and names
inline constexpr std::uint32_t kModelMaxTensors = 1024;
inline constexpr std::uint32_t kModelMaxRank = 8;

struct Tensor {
  std::string name;                  // e.g. "conv1.weight"
  std::vector<std::uint32_t> shape;  // outermost first; product(shape) == values.size()
  std::vector<float> values;         // row-major
};

struct Model {
  std::string architecture;  // names the layout the tensors belong to
  std::vector<Tensor> tensors;
};

// Serialises a model. Throws std::invalid_argument if the model breaks the
// format's rules (empty or overlong strings, bad shapes, a shape that does not
// match its values, duplicate names, non-finite values).
std::vector<std::uint8_t> write_model(const Model& model);

// Parses and validates a whole file; see the rules above.
Model read_model(const std::uint8_t* bytes, std::size_t size);

// The tensor called `name`, which must have exactly `shape`; throws
// std::invalid_argument naming the tensor otherwise.
const Tensor& find_tensor(const Model& model, const std::string& name,
                          const std::vector<std::uint32_t>& shape);

}  // namespace wl
