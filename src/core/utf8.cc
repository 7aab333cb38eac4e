#include "accord/core/utf8.h"

#include <cstdint>

namespace accord {

size_t Utf8Length(std::string_view s, size_t i) {
  auto at = [&](size_t k) { return static_cast<uint8_t>(i + k < s.size() ? s[i + k] : 0); };
  auto cont = [](uint8_t b, uint8_t lo = 0x80, uint8_t hi = 0xbf) { return b >= lo && b <= hi; };
  const uint8_t c = at(0);
  if (i >= s.size()) return 0;
  if (c < 0x80) return 1;
  if (c >= 0xc2 && c <= 0xdf) return cont(at(1)) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const uint8_t lo = c == 0xe0 ? 0xa0 : 0x80, hi = c == 0xed ? 0x9f : 0xbf;  // no surrogates
    return cont(at(1), lo, hi) && cont(at(2)) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const uint8_t lo = c == 0xf0 ? 0x90 : 0x80, hi = c == 0xf4 ? 0x8f : 0xbf;  // <= U+10FFFF
    return cont(at(1), lo, hi) && cont(at(2)) && cont(at(3)) ? 4 : 0;
  }
  return 0;
}

size_t InvalidUtf8At(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = Utf8Length(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

}  // namespace accord
