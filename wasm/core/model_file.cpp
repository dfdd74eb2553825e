#include "core/model_file.hpp"

#include <cmath>
#include <cstring>
#include <set>

#include "core/bytes.hpp"
#include "core/check.hpp"

namespace wl {
namespace {

constexpr std::uint8_t kMagic[8] = {'W', 'L', 'M', 'O', 'D', 'E', 'L', '\0'};

bool is_printable_ascii(const std::string& s) {
  for (char c : s) {
    if (c < 0x20 || c > 0x7E) return false;
  }
  return true;
}

void require_valid_string(const std::string& s, const std::string& what) {
  require(!s.empty(), "model file: " + what + " is empty");
  require(s.size() <= kModelMaxStringLength,
          "model file: " + what + " is " + std::to_string(s.size()) + " bytes long, at most " +
              std::to_string(kModelMaxStringLength) + " allowed");
  require(is_printable_ascii(s), "model file: " + what + " contains non-printable characters");
}

// --- writing ---------------------------------------------------------------

void put_string(std::vector<std::uint8_t>& out, const std::string& s) {
  append_u32_le(out, static_cast<std::uint32_t>(s.size()));
  out.insert(out.end(), s.begin(), s.end());
}

void put_f32(std::vector<std::uint8_t>& out, float f) {
  std::uint32_t bits;
  std::memcpy(&bits, &f, 4);
  append_u32_le(out, bits);
}

// --- reading: a cursor that never steps past the end -----------------------

class Reader {
 public:
  Reader(const std::uint8_t* bytes, std::size_t size) : p_(bytes), left_(size) {}

  std::size_t left() const { return left_; }

  void need(std::size_t n, const std::string& what) const {
    require(n <= left_, "model file: truncated while reading " + what + " (needs " +
                            std::to_string(n) + " bytes, " + std::to_string(left_) + " remain)");
  }

  std::uint32_t u32(const std::string& what) {
    need(4, what);
    const std::uint32_t v = read_u32_le(p_);
    skip(4);
    return v;
  }

  std::string string(const std::string& what) {
    const std::uint32_t n = u32(what + " length");
    require(n >= 1 && n <= kModelMaxStringLength, "model file: " + what + " length " +
                                                      std::to_string(n) + " is outside 1.." +
                                                      std::to_string(kModelMaxStringLength));
    need(n, what);
    std::string s(reinterpret_cast<const char*>(p_), n);
    skip(n);
    require(is_printable_ascii(s), "model file: " + what + " contains non-printable characters");
    return s;
  }

  const std::uint8_t* take(std::size_t n, const std::string& what) {
    need(n, what);
    const std::uint8_t* at = p_;
    skip(n);
    return at;
  }

 private:
  void skip(std::size_t n) {
    p_ += n;
    left_ -= n;
  }
  const std::uint8_t* p_;
  std::size_t left_;
};

}  // namespace

std::vector<std::uint8_t> write_model(const Model& model) {
  require_valid_string(model.architecture, "architecture");
  require(model.tensors.size() <= kModelMaxTensors,
          "model file: " + std::to_string(model.tensors.size()) + " tensors, at most " +
              std::to_string(kModelMaxTensors) + " allowed");
  std::set<std::string> names;
  std::vector<std::uint8_t> out(kMagic, kMagic + 8);
  append_u32_le(out, kModelFormatVersion);
  put_string(out, model.architecture);
  append_u32_le(out, static_cast<std::uint32_t>(model.tensors.size()));
  for (const Tensor& t : model.tensors) {
    require_valid_string(t.name, "tensor name");
    const std::string what = "tensor '" + t.name + "'";
    require(names.insert(t.name).second, "model file: duplicate " + what);
    require(!t.shape.empty() && t.shape.size() <= kModelMaxRank,
            "model file: " + what + " has rank " + std::to_string(t.shape.size()) +
                ", expected 1.." + std::to_string(kModelMaxRank));
    std::uint64_t count = 1;
    for (std::uint32_t d : t.shape) {
      require(d >= 1, "model file: " + what + " has a zero dimension");
      count *= d;
      require(count <= (std::uint64_t{1} << 28), "model file: " + what + " is too large");
    }
    require(count == t.values.size(), "model file: " + what + " has shape of " +
                                          std::to_string(count) + " values but holds " +
                                          std::to_string(t.values.size()));
    put_string(out, t.name);
    append_u32_le(out, static_cast<std::uint32_t>(t.shape.size()));
    for (std::uint32_t d : t.shape) append_u32_le(out, d);
    for (std::size_t i = 0; i < t.values.size(); ++i) {
      if (!std::isfinite(t.values[i])) {  // the message is built only on failure
        require(false, "model file: " + what + " value " + std::to_string(i) + " is not finite");
      }
      put_f32(out, t.values[i]);
    }
  }
  append_u32_le(out, crc32(out.data(), out.size()));
  return out;
}

Model read_model(const std::uint8_t* bytes, std::size_t size) {
  require(bytes != nullptr || size == 0, "model file: no data");
  require(size >= 8 && std::memcmp(bytes, kMagic, 8) == 0,
          "model file: bad magic (not a weightlab .wlm model file)");
  require(size >= 16, "model file: truncated header (" + std::to_string(size) + " bytes)");
  // The checksum covers everything before the last 4 bytes; the body is parsed
  // with a cursor limited to that range, so a truncated file fails either here
  // (checksum) or in the cursor (truncated), never by reading past the end.
  Reader r(bytes, size - 4);
  r.take(8, "magic");
  const std::uint32_t version = r.u32("format version");
  require(version == kModelFormatVersion,
          "model file: unsupported format version " + std::to_string(version) +
              " (this reader knows version " + std::to_string(kModelFormatVersion) + ")");

  // Pass 1: walk the structure without allocating tensor storage.
  Model model;
  model.architecture = r.string("architecture");
  const std::uint32_t count = r.u32("tensor count");
  require(count <= kModelMaxTensors, "model file: tensor count " + std::to_string(count) +
                                         " exceeds " + std::to_string(kModelMaxTensors));
  struct Pending {
    const std::uint8_t* values;
    std::size_t count;
  };
  std::vector<Pending> pending;
  std::set<std::string> names;
  for (std::uint32_t k = 0; k < count; ++k) {
    Tensor t;
    t.name = r.string("name of tensor " + std::to_string(k));
    const std::string what = "tensor '" + t.name + "'";
    require(names.insert(t.name).second, "model file: duplicate " + what);
    const std::uint32_t rank = r.u32("rank of " + what);
    require(rank >= 1 && rank <= kModelMaxRank, "model file: " + what + " has rank " +
                                                    std::to_string(rank) + ", expected 1.." +
                                                    std::to_string(kModelMaxRank));
    std::uint64_t n = 1;
    for (std::uint32_t d = 0; d < rank; ++d) {
      const std::uint32_t dim = r.u32("shape of " + what);
      require(dim >= 1, "model file: " + what + " has a zero dimension");
      n *= dim;
      // Bound by what is left in the file, so a hostile shape cannot make us
      // allocate (or overflow) before the truncation check below.
      require(n <= r.left() / 4, "model file: truncated or corrupted: " + what +
                                     " declares more values than the file holds");
      t.shape.push_back(dim);
    }
    pending.push_back({r.take(static_cast<std::size_t>(n) * 4, "values of " + what),
                       static_cast<std::size_t>(n)});
    model.tensors.push_back(std::move(t));
  }
  require(r.left() == 0,
          "model file: " + std::to_string(r.left()) + " unexpected bytes before the checksum");
  const std::uint32_t stored = read_u32_le(bytes + size - 4);
  require(stored == crc32(bytes, size - 4),
          "model file: checksum mismatch (the file is corrupted)");

  // Pass 2: copy values, now that their sizes are known to fit in the input.
  for (std::size_t k = 0; k < pending.size(); ++k) {
    Tensor& t = model.tensors[k];
    t.values.resize(pending[k].count);
    for (std::size_t i = 0; i < pending[k].count; ++i) {
      const std::uint32_t bits = read_u32_le(pending[k].values + 4 * i);
      float f;
      std::memcpy(&f, &bits, 4);
      if (!std::isfinite(f)) {  // the message is built only on failure
        require(false, "model file: tensor '" + t.name + "' value " + std::to_string(i) +
                           " is not finite");
      }
      t.values[i] = f;
    }
  }
  return model;
}

const Tensor& find_tensor(const Model& model, const std::string& name,
                          const std::vector<std::uint32_t>& shape) {
  auto shape_text = [](const std::vector<std::uint32_t>& s) {
    std::string out = "[";
    for (std::size_t i = 0; i < s.size(); ++i) out += (i ? "x" : "") + std::to_string(s[i]);
    return out + "]";
  };
  for (const Tensor& t : model.tensors) {
    if (t.name != name) continue;
    require(t.shape == shape, "model file: tensor '" + name + "' has shape " + shape_text(t.shape) +
                                  ", expected " + shape_text(shape));
    return t;
  }
  throw std::invalid_argument("model file: no tensor named '" + name + "' in model '" +
                              model.architecture + "'");
}

}  // namespace wl
