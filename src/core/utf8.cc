#include "accord/core/utf8.h"

#include <algorithm>
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

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++n) i += std::max<size_t>(Utf8Length(s, i), 1);
  return n;
}

namespace {

// The code point of the well-formed sequence of `length` bytes at s[i].
char32_t Decode(std::string_view s, size_t i, size_t length) {
  const auto b = [&](size_t k) { return static_cast<char32_t>(static_cast<uint8_t>(s[i + k])); };
  switch (length) {
    case 1:
      return b(0);
    case 2:
      return (b(0) & 0x1f) << 6 | (b(1) & 0x3f);
    case 3:
      return (b(0) & 0x0f) << 12 | (b(1) & 0x3f) << 6 | (b(2) & 0x3f);
    default:
      return (b(0) & 0x07) << 18 | (b(1) & 0x3f) << 12 | (b(2) & 0x3f) << 6 | (b(3) & 0x3f);
  }
}

bool IsBlank(char32_t c) {
  return (c >= 0x09 && c <= 0x0d) || c == 0x20 || c == 0x85 || c == 0xa0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200d) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f ||
         c == 0x2060 || c == 0x3000 || c == 0xfeff;
}

}  // namespace

std::string_view TrimBlank(std::string_view s) {
  size_t begin = 0;
  while (begin < s.size()) {
    const size_t n = Utf8Length(s, begin);
    if (n == 0 || !IsBlank(Decode(s, begin, n))) break;
    begin += n;
  }
  size_t end = begin;  // one past the last character that is not blank
  for (size_t i = begin; i < s.size();) {
    const size_t n = std::max<size_t>(Utf8Length(s, i), 1);
    if (Utf8Length(s, i) == 0 || !IsBlank(Decode(s, i, n))) end = i + n;
    i += n;
  }
  return s.substr(begin, end - begin);
}

}  // namespace accord
