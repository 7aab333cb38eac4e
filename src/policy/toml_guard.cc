#include "toml_guard.h"

#include <string>

namespace accord::policy::internal {
namespace {

constexpr char32_t kShift = 0xF0000;

bool Unsafe(char32_t c) {
  return (c >= 0xA1 && c <= 0x499) || (c >= 0x2C6E && c <= 0x3067 && c != 0x3000) ||
         (c >= 0xFBC6 && c <= 0xFEFE);
}

void Append(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Decodes the well-formed sequence at s[i] (2 to 4 bytes) into c and its length; false for
// anything else, which is copied byte by byte for toml++ to refuse.
bool Decode(std::string_view s, size_t i, char32_t& c, size_t& n) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char lead = b(0);
  if (lead >= 0xC2 && lead <= 0xDF) {
    n = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    n = 3;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    n = 4;
  } else {
    return false;
  }
  if (i + n > s.size()) return false;
  c = lead & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    if ((b(k) & 0xC0) != 0x80) return false;
    c = (c << 6) | (b(k) & 0x3F);
  }
  const char32_t min = n == 2 ? 0x80 : n == 3 ? 0x800 : 0x10000;
  return c >= min && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF);
}

// Maps each character: `to_private` moves the unsafe ones to U+F0000 + c, otherwise back.
// Sets `clash` when the text already holds a character of the private range (to_private only).
std::string Map(std::string_view s, bool to_private, bool* clash) {
  std::string out;
  out.reserve(s.size() + s.size() / 4);
  for (size_t i = 0; i < s.size();) {
    char32_t c = 0;
    size_t n = 1;
    if (static_cast<unsigned char>(s[i]) < 0x80 || !Decode(s, i, c, n)) {
      out += s[i++];
      continue;
    }
    if (to_private) {
      if (c >= kShift && c <= 0xFFFFF && clash) *clash = true;
      Append(out, Unsafe(c) ? c + kShift : c);
    } else {
      Append(out, c >= kShift && Unsafe(c - kShift) ? c - kShift : c);
    }
    i += n;
  }
  return out;
}

void Restore(toml::node& node) {
  if (auto* t = node.as_table()) {
    for (auto&& [key, value] : *t) Restore(value);
  } else if (auto* a = node.as_array()) {
    for (auto& value : *a) Restore(value);
  } else if (auto* s = node.as_string()) {
    s->get() = Map(s->get(), false, nullptr);
  }
}

}  // namespace

toml::table ParseTomlGuarded(std::string_view text, std::string_view origin) {
  bool clash = false;
  std::string safe = Map(text, true, &clash);
  if (clash) {
    throw toml::parse_error("characters U+F0000 to U+FFFFF (private use) are not accepted",
                            toml::source_position{1, 1},
                            std::make_shared<const std::string>(origin));
  }
  toml::table table = toml::parse(safe, origin);
  Restore(table);
  return table;
}

}  // namespace accord::policy::internal
