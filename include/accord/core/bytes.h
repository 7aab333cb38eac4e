// Byte buffers and their text encodings (hex, base64), randomness and safe comparison.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"

namespace accord {

using Bytes = std::vector<uint8_t>;
using Hash = std::array<uint8_t, 32>;

// Lowercase hex.
std::string HexEncode(std::span<const uint8_t> data);
// Accepts upper- and lowercase digits; rejects odd length and non-hex characters.
[[nodiscard]] Result<Bytes> HexDecode(std::string_view text);

// RFC 4648 section 4: standard alphabet, '=' padding.
std::string Base64Encode(std::span<const uint8_t> data);
// Strict: padding required, no whitespace, unused trailing bits must be zero, so every
// byte string has exactly one accepted encoding.
[[nodiscard]] Result<Bytes> Base64Decode(std::string_view text);

// RFC 4648 section 5: URL-safe alphabet, no padding (and padding is rejected on decode).
std::string Base64UrlEncode(std::span<const uint8_t> data);
[[nodiscard]] Result<Bytes> Base64UrlDecode(std::string_view text);

inline std::span<const uint8_t> AsBytes(std::string_view s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}
inline std::string_view AsString(std::span<const uint8_t> b) {
  return {reinterpret_cast<const char*>(b.data()), b.size()};
}

// Cryptographically secure; aborts if the OpenSSL RNG fails, since no caller can recover.
Bytes RandomBytes(size_t n);

// Timing depends only on a.size(), never on content; compare secrets (tokens, MACs) with this.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace accord
