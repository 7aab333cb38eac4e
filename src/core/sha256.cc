#include "accord/core/sha256.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace accord {
namespace {

[[noreturn]] void Die(const char* what) {
  // Only allocation failure inside OpenSSL gets here; hashing has no recoverable errors.
  std::fprintf(stderr, "accord: OpenSSL SHA-256 %s failed\n", what);
  std::abort();
}

// Fetched once: with OpenSSL 3, passing EVP_sha256() makes every init do a locked provider
// lookup, which costs more than hashing a small leaf.
const EVP_MD* Md() {
  static const EVP_MD* const md = [] {
    EVP_MD* m = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    if (m == nullptr) Die("fetch");
    return m;
  }();
  return md;
}

struct ThreadCtx {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  ~ThreadCtx() { EVP_MD_CTX_free(ctx); }
};

EVP_MD_CTX* Begin() {
  thread_local ThreadCtx tc;
  if (tc.ctx == nullptr || EVP_DigestInit_ex2(tc.ctx, Md(), nullptr) != 1) Die("init");
  return tc.ctx;
}

void Add(EVP_MD_CTX* ctx, const void* data, size_t n) {
  if (EVP_DigestUpdate(ctx, data, n) != 1) Die("update");
}

Hash Finish(EVP_MD_CTX* ctx) {
  Hash out;
  if (EVP_DigestFinal_ex(ctx, out.data(), nullptr) != 1) Die("final");
  return out;
}

}  // namespace

Hash Sha256(std::span<const uint8_t> data) {
  EVP_MD_CTX* ctx = Begin();
  Add(ctx, data.data(), data.size());
  return Finish(ctx);
}

Hash Sha256(std::string_view data) { return Sha256(AsBytes(data)); }

Hash Sha256Prefixed(uint8_t prefix, std::span<const uint8_t> data) {
  EVP_MD_CTX* ctx = Begin();
  Add(ctx, &prefix, 1);
  Add(ctx, data.data(), data.size());
  return Finish(ctx);
}

Hash Sha256Concat(uint8_t prefix, const Hash& a, const Hash& b) {
  // 65 bytes on the stack and one update are cheaper than three provider calls.
  uint8_t buf[1 + 2 * sizeof(Hash)];
  buf[0] = prefix;
  std::copy(a.begin(), a.end(), buf + 1);
  std::copy(b.begin(), b.end(), buf + 1 + a.size());
  EVP_MD_CTX* ctx = Begin();
  Add(ctx, buf, sizeof buf);
  return Finish(ctx);
}

void Sha256Hasher::CtxFree::operator()(evp_md_ctx_st* ctx) const { EVP_MD_CTX_free(ctx); }

Sha256Hasher::Sha256Hasher() : ctx_(EVP_MD_CTX_new()) {
  if (!ctx_ || EVP_DigestInit_ex2(ctx_.get(), Md(), nullptr) != 1) Die("init");
}

Sha256Hasher& Sha256Hasher::Update(std::span<const uint8_t> data) {
  Add(ctx_.get(), data.data(), data.size());
  return *this;
}

Sha256Hasher& Sha256Hasher::Update(std::string_view data) { return Update(AsBytes(data)); }

Hash Sha256Hasher::Final() {
  Hash out = Finish(ctx_.get());
  if (EVP_DigestInit_ex2(ctx_.get(), Md(), nullptr) != 1) Die("init");
  return out;
}

}  // namespace accord
