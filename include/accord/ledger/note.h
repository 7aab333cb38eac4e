// C2SP signed notes (c2sp.org/signed-note) with Ed25519 keys in the Go sumdb/note key
// formats, and the C2SP tlog-checkpoint body they carry.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/bytes.h"
#include "accord/core/result.h"

struct evp_pkey_st;  // OpenSSL's EVP_PKEY, kept out of this header.

namespace accord::ledger {

// The note text of a c2sp.org/tlog-checkpoint: origin, decimal size, base64 root.
struct Checkpoint {
  std::string origin;
  uint64_t size = 0;
  Hash root{};

  friend bool operator==(const Checkpoint&, const Checkpoint&) = default;
};

// An origin line must be non-empty valid UTF-8 without control characters (field "origin").
Status ValidateOrigin(std::string_view origin);

// "origin\nsize\nbase64(root)\n". The origin must pass ValidateOrigin.
std::string FormatCheckpoint(const Checkpoint& checkpoint);

// Strict: the three lines as FormatCheckpoint writes them, size without leading zeros, a
// canonical base64 32-byte root, then optional non-empty extension lines (ignored). Errors
// are kValidationFailed with field "checkpoint.origin", "checkpoint.size" or
// "checkpoint.root" and the line number.
Result<Checkpoint> ParseCheckpoint(std::string_view body);

// A key name must be non-empty valid UTF-8 with no Unicode space and no '+' (field "name").
Status ValidateKeyName(std::string_view name);

// A public key: "<name>+<8 hex key id>+<base64(0x01 || 32-byte Ed25519 public key)>".
class Verifier {
 public:
  // Checks the format and that the key id matches the name and key (field "verifier_key").
  static Result<Verifier> Parse(std::string_view verifier_key);

  const std::string& name() const { return name_; }
  uint32_t key_id() const { return key_id_; }
  std::string VerifierKey() const;
  // The same public key under another name (a restarted log's origin; field "name").
  Result<Verifier> WithName(std::string name) const;

  // Whether `signature` (64 bytes, without the key id) is this key's signature of `message`.
  bool Verify(std::string_view message, std::span<const uint8_t> signature) const;

 private:
  Verifier() = default;

  std::string name_;
  uint32_t key_id_ = 0;
  std::array<uint8_t, 32> public_key_{};
  std::shared_ptr<evp_pkey_st> key_;
};

// An Ed25519 signing key with its name. Copies share the key; it is safe to use from
// several threads.
class Signer {
 public:
  // A new random key (field "name" when the name is invalid).
  static Result<Signer> Generate(std::string name);
  // "PRIVATE+KEY+<name>+<8 hex key id>+<base64(0x01 || 32-byte seed)>" as written by Go's
  // note.GenerateKey; the key id must match (field "private_key"; never echoes the key).
  static Result<Signer> FromPrivateKey(std::string_view encoded);

  const std::string& name() const { return name_; }
  // First 4 bytes, big-endian, of SHA-256(name || "\n" || 0x01 || public key).
  uint32_t KeyId() const { return key_id_; }
  std::string EncodedPrivateKey() const;
  std::string VerifierKey() const;
  // The same key under another name, hence another key id (a restarted log's origin, see
  // docs/ledger.md "Restarting the log"; field "name").
  Result<Signer> WithName(std::string name) const;

  // The signed note: text + "\n" + "— <name> <base64(key id || signature)>\n".
  // Precondition: text is a note text, i.e. non-empty and ending in "\n" (FormatCheckpoint
  // output is); any other text gives a note that OpenNote rejects. Signing itself cannot
  // fail short of memory exhaustion, which aborts.
  std::string Sign(std::string_view text) const;

 private:
  Signer() = default;
  static Result<Signer> FromSeed(std::string name, std::span<const uint8_t> seed);

  std::string name_;
  uint32_t key_id_ = 0;
  std::array<uint8_t, 32> public_key_{};
  std::shared_ptr<evp_pkey_st> key_;
};

struct OpenedNote {
  std::string text;                      // includes the final "\n"
  std::vector<std::string> verified_by;  // names of the known keys whose signature verified
};

// Parses a signed note and verifies every signature whose (name, key id) matches a known
// verifier; signatures by unknown keys are ignored. kCheckFailed when the note is malformed,
// when a matching signature fails, when two different known keys share a name and key id, or
// when no known key signed it. At most 100 signature lines are accepted.
Result<OpenedNote> OpenNote(std::string_view note, const std::vector<Verifier>& known);

// Reads the signing key in `file`, or creates it with a new key named `name` (used only when
// creating: an existing key keeps its name). An existing file must be a regular file that
// neither group nor others can access (field "signing_key"). A new file is written in full
// under a temporary name and linked into place, mode 0600, so concurrent callers never see a
// partial key: the loser of a race reads the winner's key.
Result<Signer> LoadOrCreateSigner(const std::filesystem::path& file, std::string name);

}  // namespace accord::ledger
