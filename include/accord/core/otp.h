// One-time passwords: HOTP (RFC 4226), TOTP (RFC 6238), and the base32 secrets and
// otpauth:// URIs that authenticator apps exchange.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "accord/core/bytes.h"
#include "accord/core/clock.h"
#include "accord/core/result.h"

namespace accord {

enum class OtpAlgorithm { kSha1, kSha256, kSha512 };

// Authenticator apps assume the defaults; other values need an app that reads them from the URI.
// Out-of-range values are clamped (digits to 6..10, step_seconds to >= 1) by every function
// alike, so a code generated and a code verified with the same params always agree.
struct OtpParams {
  OtpAlgorithm algorithm = OtpAlgorithm::kSha1;
  int digits = 6;
  int64_t step_seconds = 30;
  int64_t t0 = 0;  // unix seconds at which step 0 starts
};

// The counter's code, zero-padded to p.digits (6..10).
std::string Hotp(std::span<const uint8_t> key, uint64_t counter, const OtpParams& p = {});

// floor((unix seconds - t0) / step); 0 for times before t0.
uint64_t TotpStep(TimePoint t, const OtpParams& p = {});
std::string Totp(std::span<const uint8_t> key, TimePoint t, const OtpParams& p = {});

// Accepts `code` if it equals the code of a step in [step(now)-window, step(now)+window] that is
// greater than *last_used_step (when set): each code is usable once. Returns the matching step
// (the highest one if the code happens to match several), which the caller stores as the new
// last_used_step. Codes of the wrong length or with non-digits never match; a negative window
// counts as 0.
std::optional<uint64_t> VerifyTotp(std::span<const uint8_t> key, std::string_view code,
                                   TimePoint now, std::optional<uint64_t> last_used_step,
                                   const OtpParams& p = {}, int window = 1);

// RFC 4648 section 6 alphabet without '=' padding, as authenticator apps show secrets.
std::string Base32Encode(std::span<const uint8_t> data);
// Case-insensitive; ignores spaces and '=' padding; rejects any other character and lengths no
// encoding produces. Unused trailing bits are ignored.
[[nodiscard]] Result<Bytes> Base32Decode(std::string_view text);

// otpauth://totp/ISSUER:ACCOUNT?secret=...&issuer=...&algorithm=SHA1&digits=6&period=30, with
// the label parts and the issuer percent-encoded; without an issuer, the label is the account
// alone and there is no issuer parameter. p.t0 has no URI field: apps assume 0.
std::string OtpauthUri(std::string_view issuer, std::string_view account,
                       std::span<const uint8_t> secret, const OtpParams& p = {});

}  // namespace accord
