// SHA-256 over OpenSSL, tuned for Merkle leaf and node hashing (RFC 6962).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "accord/core/bytes.h"

struct evp_md_ctx_st;  // OpenSSL's EVP_MD_CTX, kept out of this header.

namespace accord {

// One-shot hashes reuse a per-thread digest context, so they never allocate.
Hash Sha256(std::span<const uint8_t> data);
Hash Sha256(std::string_view data);

// SHA-256(prefix || data) without copying data: RFC 6962 leaf hash is Sha256Prefixed(0x00, leaf).
Hash Sha256Prefixed(uint8_t prefix, std::span<const uint8_t> data);
// SHA-256(prefix || a || b): RFC 6962 node hash is Sha256Concat(0x01, left, right).
Hash Sha256Concat(uint8_t prefix, const Hash& a, const Hash& b);

// Incremental hashing for input that arrives in pieces. Named apart from the Sha256()
// functions because a class and a function sharing a name hide each other.
class Sha256Hasher {
 public:
  Sha256Hasher();
  Sha256Hasher(Sha256Hasher&&) noexcept = default;
  Sha256Hasher& operator=(Sha256Hasher&&) noexcept = default;

  Sha256Hasher& Update(std::span<const uint8_t> data);
  Sha256Hasher& Update(std::string_view data);
  // Returns the digest and resets, so the hasher can be reused for a new message.
  Hash Final();

 private:
  struct CtxFree {
    void operator()(evp_md_ctx_st* ctx) const;
  };
  std::unique_ptr<evp_md_ctx_st, CtxFree> ctx_;
};

}  // namespace accord
