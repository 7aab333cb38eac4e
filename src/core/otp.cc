#include "accord/core/otp.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace accord {
namespace {

constexpr char kBase32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr uint8_t kInvalid = 0xff;

[[noreturn]] void Die(const char* what) {
  // Only allocation failure inside OpenSSL gets here; HMAC has no recoverable errors.
  std::fprintf(stderr, "accord: OpenSSL %s failed\n", what);
  std::abort();
}

const EVP_MD* Fetch(const char* name) {
  EVP_MD* md = EVP_MD_fetch(nullptr, name, nullptr);
  if (md == nullptr) Die(name);
  return md;
}

// Fetched once: passing EVP_sha1() and friends makes every HMAC do a locked provider lookup.
const EVP_MD* Md(OtpAlgorithm algorithm) {
  static const std::array<const EVP_MD*, 3> kMds = {Fetch("SHA1"), Fetch("SHA256"),
                                                    Fetch("SHA512")};
  const auto i = static_cast<size_t>(algorithm);
  if (i >= kMds.size()) Die("digest lookup (unknown OtpAlgorithm)");
  return kMds[i];
}

std::string_view AlgorithmName(OtpAlgorithm algorithm) {
  switch (algorithm) {
    case OtpAlgorithm::kSha256:
      return "SHA256";
    case OtpAlgorithm::kSha512:
      return "SHA512";
    case OtpAlgorithm::kSha1:
      break;
  }
  return "SHA1";
}

// RFC 4226 requires at least 6 digits; 10 is the most a 31-bit truncated value fills.
int Digits(const OtpParams& p) { return std::clamp(p.digits, 6, 10); }
int64_t StepSeconds(const OtpParams& p) { return std::max<int64_t>(p.step_seconds, 1); }

constexpr std::array<uint8_t, 256> kBase32Table = [] {
  std::array<uint8_t, 256> t{};
  t.fill(kInvalid);
  for (int i = 0; i < 32; ++i) {
    const auto c = static_cast<uint8_t>(kBase32[i]);
    t[c] = static_cast<uint8_t>(i);
    if (c >= 'A' && c <= 'Z') t[c - 'A' + 'a'] = static_cast<uint8_t>(i);
  }
  return t;
}();

Error Invalid(std::string message) {
  return Error{ErrorCode::kValidationFailed, std::move(message), {}};
}

Error BadChar(std::string_view text, size_t offset) {
  char c[8];
  const auto ch = static_cast<unsigned char>(text[offset]);
  if (ch >= 0x20 && ch < 0x7f) {
    std::snprintf(c, sizeof c, "'%c'", ch);
  } else {
    std::snprintf(c, sizeof c, "\\x%02x", ch);
  }
  return Invalid(std::string("base32: invalid character ") + c + " at offset " +
                 std::to_string(offset) + "; the alphabet is A-Z and 2-7");
}

// RFC 3986 unreserved characters pass; everything else, ':' and spaces included, is %XX.
std::string PercentEncode(std::string_view s) {
  constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

}  // namespace

std::string Hotp(std::span<const uint8_t> key, uint64_t counter, const OtpParams& p) {
  if (key.size() > INT_MAX) Die("HMAC (key too long)");
  uint8_t message[8];
  for (int i = 0; i < 8; ++i) message[i] = static_cast<uint8_t>(counter >> (56 - 8 * i));
  // OpenSSL refuses a null key pointer even with length 0.
  static constexpr uint8_t kNoKey = 0;
  uint8_t mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  if (HMAC(Md(p.algorithm), key.empty() ? &kNoKey : key.data(), static_cast<int>(key.size()),
           message, sizeof message, mac, &mac_len) == nullptr) {
    Die("HMAC");
  }

  // RFC 4226 section 5.3 dynamic truncation.
  const size_t offset = mac[mac_len - 1] & 0x0f;
  uint64_t value = (uint32_t{mac[offset]} & 0x7f) << 24 | uint32_t{mac[offset + 1]} << 16 |
                   uint32_t{mac[offset + 2]} << 8 | uint32_t{mac[offset + 3]};
  const int digits = Digits(p);
  uint64_t modulus = 1;
  for (int i = 0; i < digits; ++i) modulus *= 10;
  value %= modulus;
  std::string code(static_cast<size_t>(digits), '0');
  for (int i = digits - 1; i >= 0 && value > 0; --i, value /= 10) {
    code[static_cast<size_t>(i)] = static_cast<char>('0' + value % 10);
  }
  return code;
}

uint64_t TotpStep(TimePoint t, const OtpParams& p) {
  const int64_t seconds = std::chrono::floor<std::chrono::seconds>(t).time_since_epoch().count();
  if (seconds < p.t0) return 0;
  // Exact even when seconds - t0 exceeds INT64_MAX: the true difference fits in uint64_t.
  const uint64_t elapsed = static_cast<uint64_t>(seconds) - static_cast<uint64_t>(p.t0);
  return elapsed / static_cast<uint64_t>(StepSeconds(p));
}

std::string Totp(std::span<const uint8_t> key, TimePoint t, const OtpParams& p) {
  return Hotp(key, TotpStep(t, p), p);
}

std::optional<uint64_t> VerifyTotp(std::span<const uint8_t> key, std::string_view code,
                                   TimePoint now, std::optional<uint64_t> last_used_step,
                                   const OtpParams& p, int window) {
  if (code.size() != static_cast<size_t>(Digits(p))) return std::nullopt;
  if (!std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  const uint64_t current = TotpStep(now, p);
  const auto w = static_cast<uint64_t>(std::max(window, 0));
  const uint64_t first = current > w ? current - w : 0;
  const uint64_t last = current > std::numeric_limits<uint64_t>::max() - w
                            ? std::numeric_limits<uint64_t>::max()
                            : current + w;
  // Every step is checked and the highest match kept: if two steps in the window share a code,
  // returning the lower one would let the same code through again at the higher step.
  std::optional<uint64_t> match;
  for (uint64_t step = first;; ++step) {
    if (!last_used_step || step > *last_used_step) {
      if (ConstantTimeEquals(Hotp(key, step, p), code)) match = step;
    }
    if (step == last) break;
  }
  return match;
}

std::string Base32Encode(std::span<const uint8_t> data) {
  std::string out;
  out.reserve((data.size() * 8 + 4) / 5);
  uint32_t buffer = 0;  // only the low `bits` bits are meaningful
  int bits = 0;
  for (const uint8_t b : data) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out.push_back(kBase32[(buffer >> bits) & 31]);
    }
  }
  if (bits > 0) out.push_back(kBase32[(buffer << (5 - bits)) & 31]);
  return out;
}

Result<Bytes> Base32Decode(std::string_view text) {
  Bytes out;
  out.reserve(text.size() * 5 / 8);
  uint32_t buffer = 0;
  int bits = 0;
  size_t symbols = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ' || text[i] == '=') continue;
    const uint8_t v = kBase32Table[static_cast<uint8_t>(text[i])];
    if (v == kInvalid) return BadChar(text, i);
    buffer = (buffer << 5) | v;
    bits += 5;
    ++symbols;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<uint8_t>(buffer >> bits));
    }
  }
  // Whole bytes take 0, 2, 4, 5 or 7 symbols past a multiple of 8; other counts mean a
  // character was lost or added.
  const size_t rem = symbols % 8;
  if (rem == 1 || rem == 3 || rem == 6) {
    return Invalid("base32: length " + std::to_string(symbols) +
                   " is not a valid encoded length; check for a missing or extra character");
  }
  return out;
}

std::string OtpauthUri(std::string_view issuer, std::string_view account,
                       std::span<const uint8_t> secret, const OtpParams& p) {
  std::string uri = "otpauth://totp/";
  if (!issuer.empty()) uri += PercentEncode(issuer) + ":";
  uri += PercentEncode(account);
  uri += "?secret=" + Base32Encode(secret);
  if (!issuer.empty()) uri += "&issuer=" + PercentEncode(issuer);
  uri += "&algorithm=";
  uri += AlgorithmName(p.algorithm);
  uri += "&digits=" + std::to_string(Digits(p));
  uri += "&period=" + std::to_string(StepSeconds(p));
  return uri;
}

}  // namespace accord
