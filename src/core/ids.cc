#include "accord/core/ids.h"

#include <openssl/rand.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace accord {
namespace {

// Crockford's alphabet omits i, l, o and u so ids survive being read aloud or retyped.
constexpr char kAlphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";
constexpr size_t kBodyLen = 26;
constexpr int64_t kMaxMillis = (int64_t{1} << 48) - 1;

bool InAlphabet(char c) {
  return (c >= '0' && c <= '9') ||
         (c >= 'a' && c <= 'z' && c != 'i' && c != 'l' && c != 'o' && c != 'u');
}

}  // namespace

// The last id's 128 bits and millisecond, for the same-millisecond rule.
struct Last {
  std::mutex mu;
  int64_t ms = -1;
  uint64_t hi = 0, lo = 0;
};
Last& LastId() {
  static Last last;
  return last;
}

std::string NewId(std::string_view prefix, TimePoint now) {
  const int64_t ms = std::clamp<int64_t>(now.time_since_epoch().count(), 0, kMaxMillis);
  // 128 bits: hi = 48-bit time + top 16 random bits, lo = remaining 64 random bits.
  uint64_t hi = 0, lo = 0;
  {
    Last& last = LastId();
    std::lock_guard lock(last.mu);
    if (ms == last.ms) {
      // One more than the last id; a carry out of the 80 random bits (about 2^-64 likely)
      // reaches the millisecond, which still sorts after.
      hi = last.hi + (last.lo == UINT64_MAX ? 1 : 0);
      lo = last.lo + 1;
    } else {
      uint8_t random[10];
      if (RAND_bytes(random, sizeof random) != 1) {
        std::fputs("accord: OpenSSL RAND_bytes failed while making an id\n", stderr);
        std::abort();
      }
      hi = static_cast<uint64_t>(ms) << 16 | uint64_t{random[0]} << 8 | random[1];
      for (int i = 2; i < 10; ++i) lo = lo << 8 | random[i];
      last.ms = ms;
    }
    last.hi = hi;
    last.lo = lo;
  }

  std::string out(prefix.size() + 1 + kBodyLen, '\0');
  std::copy(prefix.begin(), prefix.end(), out.begin());
  out[prefix.size()] = '_';
  // 26 chars carry 130 bits; emit from the least significant end, so the first char gets 3 bits.
  char* body = out.data() + prefix.size() + 1;
  for (size_t i = kBodyLen; i-- > 0;) {
    body[i] = kAlphabet[lo & 31];
    lo = lo >> 5 | hi << 59;
    hi >>= 5;
  }
  return out;
}

std::string NewId(std::string_view prefix) { return NewId(prefix, SystemClock().Now()); }

bool IsValidId(std::string_view id, std::string_view prefix) {
  if (id.size() != prefix.size() + 1 + kBodyLen || !id.starts_with(prefix) ||
      id[prefix.size()] != '_') {
    return false;
  }
  const std::string_view body = id.substr(prefix.size() + 1);
  // The first char holds only the top 3 of 130 bits; more would overflow 128.
  if (body[0] < '0' || body[0] > '7') return false;
  for (char c : body) {
    if (!InAlphabet(c)) return false;
  }
  return true;
}

}  // namespace accord
