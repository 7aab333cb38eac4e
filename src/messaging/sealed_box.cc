// AES-256-GCM with OpenSSL's EVP interface; see sealed_box.h.
#include "accord/messaging/sealed_box.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>
#include <stdexcept>

namespace accord::messaging {

namespace {

constexpr size_t kNonce = 12;
constexpr size_t kTag = 16;

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

Error Refused() { return Error{ErrorCode::kForbidden, "the message cannot be opened", {}}; }

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

}  // namespace

Key NewKey() {
  Key k;
  if (RAND_bytes(k.data(), static_cast<int>(k.size())) != 1) {
    throw std::runtime_error("RAND_bytes failed");
  }
  return k;
}

Bytes Seal(const Key& key, std::span<const uint8_t> plaintext, std::string_view aad) {
  Bytes out(kNonce + plaintext.size() + kTag);
  if (RAND_bytes(out.data(), kNonce) != 1) throw std::runtime_error("RAND_bytes failed");
  CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
  int len = 0;
  bool ok =
      ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(), out.data()) == 1;
  ok = ok &&
       EVP_EncryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const uint8_t*>(aad.data()),
                         static_cast<int>(aad.size())) == 1;
  ok = ok && EVP_EncryptUpdate(ctx.get(), out.data() + kNonce, &len, plaintext.data(),
                               static_cast<int>(plaintext.size())) == 1;
  ok = ok && EVP_EncryptFinal_ex(ctx.get(), out.data() + kNonce + len, &len) == 1;
  ok = ok && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTag,
                                 out.data() + kNonce + plaintext.size()) == 1;
  if (!ok) throw std::runtime_error("AES-256-GCM encryption failed");
  return out;
}

Result<Bytes> Open(const Key& key, std::span<const uint8_t> sealed, std::string_view aad) {
  if (sealed.size() < kNonce + kTag) return Refused();
  size_t n = sealed.size() - kNonce - kTag;
  Bytes out(n);
  CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
  int len = 0;
  bool ok = ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(),
                                      sealed.data()) == 1;
  ok = ok &&
       EVP_DecryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const uint8_t*>(aad.data()),
                         static_cast<int>(aad.size())) == 1;
  ok = ok && EVP_DecryptUpdate(ctx.get(), out.data(), &len, sealed.data() + kNonce,
                               static_cast<int>(n)) == 1;
  ok = ok && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTag,
                                 const_cast<uint8_t*>(sealed.data() + kNonce + n)) == 1;
  ok = ok && EVP_DecryptFinal_ex(ctx.get(), out.data() + len, &len) == 1;
  if (!ok) return Refused();
  return out;
}

Result<MasterKeyRing> MasterKeyRing::Parse(std::string_view text, const std::string& field) {
  MasterKeyRing ring;
  size_t line_no = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string line = Trim(text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    size_t sp = line.find_first_of(" \t");
    auto bad = [&](const std::string& why) {
      return Error{ErrorCode::kValidationFailed,
                   field + ": line " + std::to_string(line_no) + ": " + why,
                   {{field, why, static_cast<int>(line_no)}}};
    };
    if (sp == std::string::npos) return bad("expected \"<key id> <base64 of 32 bytes>\"");
    std::string id = line.substr(0, sp);
    auto key = Base64Decode(Trim(line.substr(sp + 1)));
    if (!key.ok() || key->size() != 32) return bad("the key must be 32 bytes in base64");
    for (const auto& e : ring.keys_) {
      if (e.id == id) return bad("key id " + id + " appears twice");
    }
    Entry e{id, {}};
    std::copy(key->begin(), key->end(), e.key.begin());
    ring.keys_.push_back(std::move(e));
  }
  if (ring.keys_.empty()) {
    return Error{
        ErrorCode::kValidationFailed, field + ": holds no key", {{field, "holds no key", {}}}};
  }
  return ring;
}

std::string MasterKeyRing::NewKeyLine() {
  Key k = NewKey();
  Bytes id = RandomBytes(4);
  return "mk-" + HexEncode(id) + " " + Base64Encode(k) + "\n";
}

Bytes MasterKeyRing::Wrap(const Key& data_key, std::string_view message_id) const {
  return Seal(current().key, data_key, "accord-data-key:" + std::string(message_id));
}

Result<Key> MasterKeyRing::Unwrap(std::string_view key_id, std::span<const uint8_t> wrapped,
                                  std::string_view message_id) const {
  for (const auto& e : keys_) {
    if (e.id != key_id) continue;
    auto raw = Open(e.key, wrapped, "accord-data-key:" + std::string(message_id));
    if (!raw.ok()) return std::move(raw).error();
    if (raw->size() != 32) return Refused();
    Key k;
    std::copy(raw->begin(), raw->end(), k.begin());
    return k;
  }
  return Refused();
}

}  // namespace accord::messaging
