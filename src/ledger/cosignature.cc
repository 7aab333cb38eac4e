#include "accord/ledger/cosignature.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "accord/core/sha256.h"

namespace accord::ledger {
namespace {

constexpr uint8_t kAlgCosignatureV1 = 0x04;
constexpr size_t kKeySize = 32;
constexpr size_t kSigSize = 64;
constexpr std::string_view kSigPrefix = "\xE2\x80\x94 ";  // em dash (U+2014), space
constexpr uint64_t kMaxTimestamp = (uint64_t{1} << 63) - 1;

Error CheckFailed(std::string message) {
  return Error{ErrorCode::kCheckFailed, std::move(message), {}};
}

[[noreturn]] void Fatal(const char* what) {
  std::fprintf(stderr, "accord: OpenSSL %s failed; cannot continue\n", what);
  std::abort();
}

uint32_t ReadBigEndian32(const uint8_t* b) {
  return (uint32_t{b[0]} << 24) | (uint32_t{b[1]} << 16) | (uint32_t{b[2]} << 8) | b[3];
}

uint32_t CosignatureKeyId(std::string_view name, std::span<const uint8_t> public_key) {
  const uint8_t alg = kAlgCosignatureV1;
  const Hash h = Sha256Hasher()
                     .Update(name)
                     .Update(std::string_view("\n"))
                     .Update(std::span<const uint8_t>(&alg, 1))
                     .Update(public_key)
                     .Final();
  return ReadBigEndian32(h.data());
}

std::string Hex8(uint32_t v) {
  char buf[9];
  std::snprintf(buf, sizeof buf, "%08x", v);
  return buf;
}

std::pair<std::string_view, std::string_view> Chop(std::string_view s, char sep) {
  const size_t i = s.find(sep);
  if (i == std::string_view::npos) return {s, {}};
  return {s.substr(0, i), s.substr(i + 1)};
}

bool VerifyEd25519(const std::array<uint8_t, 32>& public_key, std::string_view message,
                   std::span<const uint8_t> signature) {
  EVP_PKEY* key =
      EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, public_key.data(), public_key.size());
  if (key == nullptr) return false;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  if (ctx == nullptr) Fatal("EVP_MD_CTX_new");
  const bool ok =
      EVP_DigestVerifyInit(ctx, nullptr, nullptr, nullptr, key) == 1 &&
      EVP_DigestVerify(ctx, signature.data(), signature.size(),
                       reinterpret_cast<const unsigned char*>(message.data()), message.size()) == 1;
  EVP_MD_CTX_free(ctx);
  EVP_PKEY_free(key);
  return ok;
}

}  // namespace

std::string CosignatureMessage(std::string_view checkpoint_text, uint64_t timestamp) {
  std::string message = "cosignature/v1\ntime " + std::to_string(timestamp) + "\n";
  message += checkpoint_text;
  return message;
}

Result<Cosigner> Cosigner::FromSigner(const Signer& signer) {
  // PRIVATE+KEY+<name>+<id>+base64(0x01 || seed): the seed is the same Ed25519 key.
  std::string encoded = signer.EncodedPrivateKey();
  // The fourth '+' ends the id: names have none, base64 may.
  size_t at = 0;
  for (int i = 0; i < 4 && at != std::string::npos; ++i)
    at = encoded.find('+', at == 0 ? 0 : at + 1);
  Result<Bytes> raw = at == std::string::npos
                          ? Result<Bytes>(Internal("malformed key"))
                          : Base64Decode(std::string_view(encoded).substr(at + 1));
  OPENSSL_cleanse(encoded.data(), encoded.size());
  if (!raw.ok() || raw->size() != 1 + kKeySize) return Internal("cannot read the witness key");
  EVP_PKEY* key =
      EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, raw->data() + 1, kKeySize);
  OPENSSL_cleanse(raw->data(), raw->size());
  if (key == nullptr) return Internal("cannot load the witness key");
  Cosigner c;
  c.key_ = std::shared_ptr<evp_pkey_st>(key, [](EVP_PKEY* k) { EVP_PKEY_free(k); });
  size_t len = c.public_key_.size();
  if (EVP_PKEY_get_raw_public_key(key, c.public_key_.data(), &len) != 1 || len != kKeySize) {
    return Internal("cannot derive the witness public key");
  }
  c.name_ = signer.name();
  c.key_id_ = CosignatureKeyId(c.name_, c.public_key_);
  return c;
}

std::string Cosigner::VerifierKey() const {
  Bytes key{kAlgCosignatureV1};
  key.insert(key.end(), public_key_.begin(), public_key_.end());
  return name_ + "+" + Hex8(key_id_) + "+" + Base64Encode(key);
}

std::string Cosigner::CosignatureLine(std::string_view checkpoint_text, uint64_t timestamp) const {
  timestamp = std::min(timestamp, kMaxTimestamp);
  const std::string message = CosignatureMessage(checkpoint_text, timestamp);
  Bytes sig(4 + 8 + kSigSize);
  for (int i = 0; i < 4; ++i) sig[i] = static_cast<uint8_t>(key_id_ >> (24 - 8 * i));
  for (int i = 0; i < 8; ++i) sig[4 + i] = static_cast<uint8_t>(timestamp >> (56 - 8 * i));
  size_t len = kSigSize;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  if (ctx == nullptr) Fatal("EVP_MD_CTX_new");
  if (EVP_DigestSignInit(ctx, nullptr, nullptr, nullptr, key_.get()) != 1 ||
      EVP_DigestSign(ctx, sig.data() + 12, &len,
                     reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1 ||
      len != kSigSize) {
    Fatal("Ed25519 signing");
  }
  EVP_MD_CTX_free(ctx);
  std::string line(kSigPrefix);
  line += name_;
  line += " ";
  line += Base64Encode(sig);
  line += "\n";
  return line;
}

Result<WitnessKey> ParseWitnessKey(std::string_view vkey) {
  const auto [name, rest] = Chop(vkey, '+');
  const auto [hex, b64] = Chop(rest, '+');
  if (!ValidateKeyName(name).ok()) {
    return ValidationError("witness_key", "must start with a key name without spaces or '+'");
  }
  Result<Bytes> id = HexDecode(hex);
  if (hex.size() != 8 || !id.ok())
    return ValidationError("witness_key", "key id must be 8 hex digits");
  Result<Bytes> key = Base64Decode(b64);
  if (!key.ok() || key->empty()) return ValidationError("witness_key", "key must be base64");
  if ((*key)[0] != kAlgCosignatureV1) {
    return ValidationError("witness_key",
                           (*key)[0] == 0x01
                               ? "is a checkpoint signing key (type 1); a witness key has type 4 "
                                 "(print it with 'accord witness --print-key')"
                               : "unknown key type " + std::to_string((*key)[0]) +
                                     " (only 4, cosignature/v1 Ed25519, is supported)");
  }
  if (key->size() != 1 + kKeySize) return ValidationError("witness_key", "key must be 32 bytes");
  WitnessKey w;
  w.name = std::string(name);
  std::copy(key->begin() + 1, key->end(), w.public_key.begin());
  w.key_id = CosignatureKeyId(w.name, w.public_key);
  if (w.key_id != ReadBigEndian32(id->data())) {
    return ValidationError("witness_key", "key id does not match the name and key");
  }
  return w;
}

Result<uint64_t> VerifyCosignature(std::string_view note, std::string_view witness_name,
                                   std::string_view public_key) {
  Result<WitnessKey> key = ParseWitnessKey(public_key);
  if (!key.ok()) return std::move(key).error();
  if (key->name != witness_name) {
    return ValidationError("witness_key",
                           "names '" + key->name + "', not '" + std::string(witness_name) + "'");
  }
  const size_t split = note.rfind("\n\n");
  if (split == std::string_view::npos || note.empty() || note.back() != '\n') {
    return CheckFailed("malformed note: no blank line before the signatures");
  }
  const std::string_view text = note.substr(0, split + 1);
  std::string_view sigs = note.substr(split + 2);
  bool seen = false;
  while (!sigs.empty()) {
    const size_t eol = sigs.find('\n');
    std::string_view line = sigs.substr(0, eol);
    sigs.remove_prefix(eol + 1);
    if (!line.starts_with(kSigPrefix)) {
      return CheckFailed("malformed note: a signature line does not start with an em dash");
    }
    line.remove_prefix(kSigPrefix.size());
    const auto [name, b64] = Chop(line, ' ');
    if (name != witness_name) continue;
    Result<Bytes> sig = Base64Decode(b64);
    if (!sig.ok() || sig->size() < 4 || ReadBigEndian32(sig->data()) != key->key_id) continue;
    seen = true;
    if (sig->size() != 4 + 8 + kSigSize) {
      return CheckFailed("cosignature by " + key->name + " has the wrong length");
    }
    uint64_t timestamp = 0;
    for (int i = 0; i < 8; ++i) timestamp = (timestamp << 8) | (*sig)[4 + i];
    if (timestamp > kMaxTimestamp) {
      return CheckFailed("cosignature by " + key->name + " has a timestamp beyond 2^63 - 1");
    }
    if (VerifyEd25519(key->public_key, CosignatureMessage(text, timestamp),
                      std::span<const uint8_t>(*sig).subspan(12))) {
      return timestamp;
    }
  }
  return CheckFailed(seen ? "invalid cosignature by witness " + key->name
                          : "no cosignature by witness " + key->name + "+" + Hex8(key->key_id));
}

Status VerifyCosignatures(std::string_view note, const std::vector<std::string>& witness_keys) {
  for (const std::string& w : witness_keys) {
    auto key = ParseWitnessKey(w);
    if (!key.ok()) return std::move(key).error();
    auto cosigned = VerifyCosignature(note, key->name, w);
    if (!cosigned.ok()) return std::move(cosigned).error();
  }
  return Ok();
}

}  // namespace accord::ledger
