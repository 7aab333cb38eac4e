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

// OWASP ASVS 5.0 level 2: 12..128 characters counted as Unicode code points (invalid UTF-8 is
// refused), no composition rules; refused if it is a common password, or if it contains the
// email's local part (the part before the last '@') when that is at least 4 characters, both
// compared ignoring ASCII case. Errors are ValidationError("password", reason); no message
// contains the password.
[[nodiscard]] Status CheckPasswordPolicy(std::string_view password, std::string_view email = "");

// Exact match, ignoring ASCII case, against data/common-passwords.txt (compiled in).
bool IsCommonPassword(std::string_view password);
size_t CommonPasswordCount();

}  // namespace accord
