#include "accord/core/jcs.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "accord/core/utf8.h"

namespace accord {
namespace {

namespace json = boost::json;

constexpr int kMaxDepth = 512;
constexpr int64_t kMaxSafeInt = int64_t{1} << 53;
// Larger integers would be rounded by any verifier that reads JSON numbers as doubles.
constexpr char kTooBig[] =
    "number exceeds IEEE 754 double precision (integers must be within +-2^53)";

// RFC 8785 sorts keys as UTF-16 code units. UTF-8 bytes already sort by code point, which
// agrees except that surrogate pairs (U+10000 and up, lead byte F0..F4) come before
// U+E000..U+FFFF (lead byte EE or EF). At the first differing byte both strings are at the
// same position in the same code point, so looking at that byte alone is enough.
bool KeyLess(const json::key_value_pair* a, const json::key_value_pair* b) {
  const std::string_view x = a->key(), y = b->key();
  const size_t n = std::min(x.size(), y.size());
  const auto [px, py] = std::mismatch(x.begin(), x.begin() + n, y.begin());
  if (px == x.begin() + n) return x.size() < y.size();
  const auto cx = static_cast<uint8_t>(*px), cy = static_cast<uint8_t>(*py);
  if (cx >= 0xf0 && (cy == 0xee || cy == 0xef)) return true;
  if (cy >= 0xf0 && (cx == 0xee || cx == 0xef)) return false;
  return cx < cy;
}

// Printable ASCII other than quote and backslash: copied through with no further checks.
constexpr std::array<bool, 256> kPlainAscii = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[c] = c != '"' && c != '\\';
  return t;
}();

class Writer {
 public:
  Writer(std::string& out, std::vector<const json::key_value_pair*>& scratch)
      : out_(out), scratch_(scratch) {}

  bool Value(const json::value& v, int depth);
  bool Object(const json::object& o, int depth);
  bool String(std::string_view s);

  // The failing member's path, built while unwinding, e.g. "payload.items[2]".
  std::string Field() const {
    std::string field;
    for (auto it = path_.rbegin(); it != path_.rend(); ++it) field += *it;
    if (!field.empty() && field[0] == '.') field.erase(0, 1);
    return field;
  }
  const std::string& reason() const { return reason_; }

 private:
  bool Fail(std::string reason) {
    reason_ = std::move(reason);
    return false;
  }
  template <typename Int>
  void Integer(Int v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
  }
  bool Number(double d);
  bool Array(const json::array& a, int depth);

  std::string& out_;
  std::vector<const json::key_value_pair*>& scratch_;
  std::string reason_;
  std::vector<std::string> path_;  // innermost first
};

bool Writer::Value(const json::value& v, int depth) {
  if (depth > kMaxDepth) return Fail("nesting is deeper than 512 levels");
  switch (v.kind()) {
    case json::kind::null:
      out_ += "null";
      return true;
    case json::kind::bool_:
      out_ += v.get_bool() ? "true" : "false";
      return true;
    case json::kind::int64: {
      const int64_t i = v.get_int64();
      if (i > kMaxSafeInt || i < -kMaxSafeInt) return Fail(kTooBig);
      Integer(i);
      return true;
    }
    case json::kind::uint64: {
      const uint64_t u = v.get_uint64();
      if (u > static_cast<uint64_t>(kMaxSafeInt)) return Fail(kTooBig);
      Integer(u);
      return true;
    }
    case json::kind::double_:
      return Number(v.get_double());
    case json::kind::string:
      return String(v.get_string());
    case json::kind::array:
      return Array(v.get_array(), depth);
    case json::kind::object:
      return Object(v.get_object(), depth);
  }
  return Fail("unknown JSON value kind");
}

// ECMAScript Number.prototype.toString: shortest round-trip digits, decimal notation for
// 1e-6 <= |d| < 1e21, otherwise d[.ddd]e(+|-)x.
bool Writer::Number(double d) {
  if (!std::isfinite(d)) return Fail("NaN and Infinity cannot be represented in JSON");
  if (d == 0) {  // also -0, which ECMAScript prints as "0"
    out_ += '0';
    return true;
  }
  if (std::fabs(d) < 0x1p53 && d == std::trunc(d)) {
    Integer(static_cast<int64_t>(d));
    return true;
  }
  // Shortest round-trip scientific form, e.g. "-1.2345e+21" or "5e-324".
  char sci[32];
  const char* end = std::to_chars(sci, sci + sizeof sci, d, std::chars_format::scientific).ptr;
  const char* p = sci;
  if (*p == '-') {
    out_ += '-';
    ++p;
  }
  char digits[20];
  int k = 0;
  for (; *p != 'e'; ++p) {
    if (*p != '.') digits[k++] = *p;
  }
  int exp = 0;
  std::from_chars(p + (p[1] == '+' ? 2 : 1), end, exp);
  const int n = exp + 1;  // position of the decimal point relative to the digits

  if (k <= n && n <= 21) {
    out_.append(digits, k).append(n - k, '0');
  } else if (0 < n && n <= 21) {
    out_.append(digits, n).append(1, '.').append(digits + n, k - n);
  } else if (-6 < n && n <= 0) {
    out_.append("0.").append(-n, '0').append(digits, k);
  } else {
    out_ += digits[0];
    if (k > 1) out_.append(1, '.').append(digits + 1, k - 1);
    out_ += exp < 0 ? "e-" : "e+";
    Integer(exp < 0 ? -exp : exp);
  }
  return true;
}

bool Writer::String(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out_ += '"';
  size_t run = 0;  // start of bytes not yet copied; copied in bulk between escapes
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<uint8_t>(s[i]);
    if (kPlainAscii[c]) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const size_t len = Utf8Length(s, i);
      if (len == 0) return Fail("string is not valid UTF-8 (byte " + std::to_string(i) + ")");
      i += len;
      continue;
    }
    out_.append(s.data() + run, i - run);
    out_ += '\\';
    switch (c) {
      case '"':
        out_ += '"';
        break;
      case '\\':
        out_ += '\\';
        break;
      case '\b':
        out_ += 'b';
        break;
      case '\t':
        out_ += 't';
        break;
      case '\n':
        out_ += 'n';
        break;
      case '\f':
        out_ += 'f';
        break;
      case '\r':
        out_ += 'r';
        break;
      default: {
        const char u[] = {'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out_.append(u, sizeof u);
      }
    }
    run = ++i;
  }
  out_.append(s.data() + run, s.size() - run);
  out_ += '"';
  return true;
}

bool Writer::Array(const json::array& a, int depth) {
  out_ += '[';
  for (size_t i = 0; i < a.size(); ++i) {
    if (i > 0) out_ += ',';
    if (!Value(a[i], depth + 1)) {
      path_.emplace_back(1, '[').append(std::to_string(i)).append(1, ']');
      return false;
    }
  }
  out_ += ']';
  return true;
}

bool Writer::Object(const json::object& o, int depth) {
  // Sorted member pointers live in one shared vector, so nesting allocates nothing;
  // indices, not iterators, because nested objects may grow it.
  const size_t base = scratch_.size();
  for (const auto& member : o) scratch_.push_back(&member);
  std::sort(scratch_.begin() + base, scratch_.end(), KeyLess);

  out_ += '{';
  for (size_t i = base; i < base + o.size(); ++i) {
    const json::key_value_pair& member = *scratch_[i];
    if (i > base) out_ += ',';
    const bool ok = String(member.key()) && (out_ += ':', Value(member.value(), depth + 1));
    if (!ok) {
      path_.emplace_back(1, '.').append(member.key());
      return false;
    }
  }
  out_ += '}';
  scratch_.resize(base);
  return true;
}

}  // namespace

// Runs `write` with a Writer appending to `out`; on failure restores `out` and names the field.
template <typename F>
Status WithWriter(std::string& out, F&& write) {
  // Reused across calls on this thread so steady-state canonicalization does not allocate.
  thread_local std::vector<const json::key_value_pair*> scratch;
  scratch.clear();
  const size_t original_size = out.size();
  Writer writer(out, scratch);
  if (write(writer)) return Ok();

  out.resize(original_size);
  std::string field = writer.Field();
  if (field.empty()) return Error{ErrorCode::kValidationFailed, writer.reason(), {}};
  return ValidationError(std::move(field), writer.reason());
}

Status CanonicalizeTo(const json::value& value, std::string& out) {
  return WithWriter(out, [&](Writer& w) { return w.Value(value, 0); });
}

Status CanonicalizeObjectTo(const json::object& object, std::string& out) {
  return WithWriter(out, [&](Writer& w) { return w.Object(object, 0); });
}

Status CanonicalizeStringTo(std::string_view text, std::string& out) {
  return WithWriter(out, [&](Writer& w) { return w.String(text); });
}

Result<std::string> Canonicalize(const json::value& value) {
  std::string out;
  out.reserve(256);
  ACCORD_TRY(CanonicalizeTo(value, out));
  return out;
}

}  // namespace accord
