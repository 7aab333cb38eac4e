// Password hashing (Argon2id, PHC strings) and the password policy (OWASP ASVS 5.0 level 2).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "accord/core/result.h"

namespace accord {

// OWASP's Argon2id minimum: 19 MiB, 2 passes, 1 lane.
struct Argon2Params {
  uint32_t memory_kib = 19456;
  uint32_t iterations = 2;
  uint32_t parallelism = 1;
};

// Argon2id with a 16-byte random salt and a 32-byte tag, as a PHC string:
// "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>". Fails only on parameters libargon2 refuses
// or when it cannot allocate the memory.
[[nodiscard]] Result<std::string> HashPassword(std::string_view password,
                                               const Argon2Params& params = {});

// True iff `phc` is an Argon2id PHC string of `password`; false for a malformed string.
// Never throws. The parameters come from `phc`, so old hashes still verify after a change.
bool VerifyPassword(std::string_view password, std::string_view phc);

// A hash of a random password with default params, made once (thread-safe). Verifying against it
// costs what a real check costs, so an unknown account is indistinguishable by timing.
const std::string& DummyPasswordHash();

// The least guessability a new password needs, in bits as zxcvbn estimates it, when the
// profile names none ([identity] password_min_bits). 35 bits is a little over zxcvbn's
// "very unguessable" mark (10^10 guesses, 33.2 bits): `password1234` is 3, `Tr0ub4dour&3` 31,
// `correcthorsebatterystaple` 47.
inline constexpr int kDefaultPasswordMinBits = 35;

// zxcvbn's estimate of the guesses `password` takes, as log2 (bits). Words of `email` (its
// local part and domain, split at dots, dashes, underscores and pluses) are the attacker's
// first guesses, so a password built from them scores low. Fast (well under a millisecond for
// 128 characters), no allocation that grows with anything but the password.
double PasswordStrengthBits(std::string_view password, std::string_view email = "");

// OWASP ASVS 5.0 level 2: 12..128 characters counted as Unicode code points (invalid UTF-8 is
// refused), no composition rules; refused if it is a common password, or if it contains the
// email's local part (the part before the last '@') when that is at least 4 characters, both
// compared ignoring ASCII case, or if PasswordStrengthBits is below `min_bits` (0: no
// estimate). Errors are ValidationError("password", reason); no message contains the password.
[[nodiscard]] Status CheckPasswordPolicy(std::string_view password, std::string_view email = "",
                                         int min_bits = kDefaultPasswordMinBits);

// Exact match, ignoring ASCII case, against data/common-passwords.txt (compiled in).
bool IsCommonPassword(std::string_view password);
size_t CommonPasswordCount();

}  // namespace accord
