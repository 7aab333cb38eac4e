#include "accord/core/bytes.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <cstdlib>

namespace accord {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";
constexpr char kBase64Std[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr char kBase64Url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr uint8_t kInvalid = 0xff;

struct DecodeTable {
  uint8_t v[256];
};

constexpr DecodeTable MakeTable(const char* alphabet, int size) {
  DecodeTable t{};
  for (auto& x : t.v) x = kInvalid;
  for (int i = 0; i < size; ++i) t.v[static_cast<uint8_t>(alphabet[i])] = static_cast<uint8_t>(i);
  return t;
}

constexpr DecodeTable kHexTable = [] {
  DecodeTable t = MakeTable("0123456789abcdef", 16);
  for (int i = 0; i < 6; ++i) t.v['A' + i] = static_cast<uint8_t>(10 + i);
  return t;
}();
constexpr DecodeTable kStdTable = MakeTable(kBase64Std, 64);
constexpr DecodeTable kUrlTable = MakeTable(kBase64Url, 64);

Error Invalid(std::string message) {
  return Error{ErrorCode::kValidationFailed, std::move(message), {}};
}

// Names the offending character so a user can find it; non-printables shown as \xNN.
Error BadChar(std::string_view what, std::string_view text, size_t offset) {
  char c[8];
  auto ch = static_cast<unsigned char>(text[offset]);
  if (ch >= 0x20 && ch < 0x7f) {
    std::snprintf(c, sizeof c, "'%c'", ch);
  } else {
    std::snprintf(c, sizeof c, "\\x%02x", ch);
  }
  return Invalid(std::string(what) + ": invalid character " + c + " at offset " +
                 std::to_string(offset));
}

std::string EncodeBase64(std::span<const uint8_t> in, const char* alphabet, bool pad) {
  const size_t full = in.size() / 3;
  const size_t rem = in.size() % 3;
  const size_t out_len = full * 4 + (rem == 0 ? 0 : (pad ? 4 : rem + 1));
  std::string out(out_len, '\0');
  char* o = out.data();
  const uint8_t* p = in.data();
  for (size_t i = 0; i < full; ++i, p += 3) {
    const uint32_t v = (uint32_t{p[0]} << 16) | (uint32_t{p[1]} << 8) | p[2];
    *o++ = alphabet[v >> 18];
    *o++ = alphabet[(v >> 12) & 63];
    *o++ = alphabet[(v >> 6) & 63];
    *o++ = alphabet[v & 63];
  }
  if (rem != 0) {
    const uint32_t v = (uint32_t{p[0]} << 16) | (rem == 2 ? uint32_t{p[1]} << 8 : 0);
    *o++ = alphabet[v >> 18];
    *o++ = alphabet[(v >> 12) & 63];
    if (rem == 2) *o++ = alphabet[(v >> 6) & 63];
    if (pad) {
      *o++ = '=';
      if (rem == 1) *o++ = '=';
    }
  }
  return out;
}

Result<Bytes> DecodeBase64(std::string_view text, const DecodeTable& table, bool padded,
                           std::string_view what) {
  size_t data_len = text.size();
  if (padded) {
    if (text.size() % 4 != 0) {
      return Invalid(std::string(what) + ": length " + std::to_string(text.size()) +
                     " is not a multiple of 4");
    }
    if (data_len > 0 && text[data_len - 1] == '=') --data_len;
    if (data_len > 0 && text[data_len - 1] == '=') --data_len;
  }
  const size_t rem = data_len % 4;
  if (rem == 1) {
    return Invalid(std::string(what) + ": length " + std::to_string(text.size()) +
                   " is not a valid encoded length");
  }
  const size_t full = data_len / 4;
  Bytes out(full * 3 + (rem == 0 ? 0 : rem - 1));
  uint8_t* o = out.data();
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  for (size_t i = 0; i < full; ++i, s += 4) {
    const uint8_t a = table.v[s[0]], b = table.v[s[1]], c = table.v[s[2]], d = table.v[s[3]];
    // Valid sextets are < 64, so one OR tells whether any of the four was invalid.
    if ((a | b | c | d) & 0x80) {
      for (size_t k = 0; k < 4; ++k) {
        if (table.v[s[k]] == kInvalid) return BadChar(what, text, i * 4 + k);
      }
    }
    const uint32_t v = (uint32_t{a} << 18) | (uint32_t{b} << 12) | (uint32_t{c} << 6) | d;
    *o++ = static_cast<uint8_t>(v >> 16);
    *o++ = static_cast<uint8_t>(v >> 8);
    *o++ = static_cast<uint8_t>(v);
  }
  if (rem != 0) {
    uint32_t v = 0;
    for (size_t k = 0; k < rem; ++k) {
      const uint8_t x = table.v[s[k]];
      if (x == kInvalid) return BadChar(what, text, full * 4 + k);
      v |= uint32_t{x} << (18 - 6 * k);
    }
    // Non-zero unused bits would give a second encoding of the same bytes.
    const uint32_t unused = rem == 2 ? (v & 0xffff) : (v & 0xff);
    if (unused != 0) return Invalid(std::string(what) + ": non-zero padding bits at the end");
    *o++ = static_cast<uint8_t>(v >> 16);
    if (rem == 3) *o++ = static_cast<uint8_t>(v >> 8);
  }
  return out;
}

}  // namespace

std::string HexEncode(std::span<const uint8_t> data) {
  std::string out(data.size() * 2, '\0');
  char* o = out.data();
  for (uint8_t b : data) {
    *o++ = kHexDigits[b >> 4];
    *o++ = kHexDigits[b & 15];
  }
  return out;
}

Result<Bytes> HexDecode(std::string_view text) {
  if (text.size() % 2 != 0) {
    return Invalid("hex: odd length " + std::to_string(text.size()) +
                   "; each byte needs two digits");
  }
  Bytes out(text.size() / 2);
  for (size_t i = 0; i < out.size(); ++i) {
    const uint8_t hi = kHexTable.v[static_cast<uint8_t>(text[2 * i])];
    const uint8_t lo = kHexTable.v[static_cast<uint8_t>(text[2 * i + 1])];
    if ((hi | lo) & 0x80) return BadChar("hex", text, hi == kInvalid ? 2 * i : 2 * i + 1);
    out[i] = static_cast<uint8_t>((hi << 4) | lo);
  }
  return out;
}

std::string Base64Encode(std::span<const uint8_t> data) {
  return EncodeBase64(data, kBase64Std, /*pad=*/true);
}

Result<Bytes> Base64Decode(std::string_view text) {
  return DecodeBase64(text, kStdTable, /*padded=*/true, "base64");
}

std::string Base64UrlEncode(std::span<const uint8_t> data) {
  return EncodeBase64(data, kBase64Url, /*pad=*/false);
}

Result<Bytes> Base64UrlDecode(std::string_view text) {
  return DecodeBase64(text, kUrlTable, /*padded=*/false, "base64url");
}

Bytes RandomBytes(size_t n) {
  Bytes out(n);
  for (size_t done = 0; done < n;) {
    const int chunk = static_cast<int>(std::min<size_t>(n - done, INT_MAX));
    if (RAND_bytes(out.data() + done, chunk) != 1) {
      std::fputs("accord: OpenSSL RAND_bytes failed; refusing to continue without randomness\n",
                 stderr);
      std::abort();
    }
    done += static_cast<size_t>(chunk);
  }
  return out;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  const bool same_size = a.size() == b.size();
  // On a size mismatch still scan a.size() bytes, so timing never depends on content.
  const char* other = same_size ? b.data() : a.data();
  const int diff = CRYPTO_memcmp(a.data(), other, a.size());
  return same_size & (diff == 0);
}

}  // namespace accord
