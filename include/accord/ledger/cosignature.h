// C2SP tlog-cosignature (cosignature/v1, Ed25519): a witness's timestamped signature over a
// checkpoint, carried as one more signed-note signature line after the log's own.
//
//   signed message: "cosignature/v1\ntime <decimal POSIX seconds>\n" + checkpoint note text
//   signature line: "— <witness name> base64(key id || u64 BE timestamp || 64-byte signature)\n"
//   key id:         SHA-256(<name> || "\n" || 0x04 || 32-byte public key)[:4]
//   witness key:    "<name>+<8 hex key id>+base64(0x04 || 32-byte public key)" (a vkey)
//
// Pure functions: no files, no clock (the caller passes the timestamp).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"
#include "accord/ledger/note.h"

struct evp_pkey_st;

namespace accord::ledger {

// The bytes a cosignature/v1 signs: the header line, the time line and the note text (which
// must end in "\n", as a checkpoint's does).
std::string CosignatureMessage(std::string_view checkpoint_text, uint64_t timestamp);

// A witness's signing side. Copies share the key; safe from several threads.
class Cosigner {
 public:
  // The witness key is an ordinary note private key file (PRIVATE+KEY+name+id+seed); the
  // cosigner uses the same Ed25519 key with the cosignature key id (algorithm byte 0x04).
  static Result<Cosigner> FromSigner(const Signer& signer);

  const std::string& name() const { return name_; }
  uint32_t key_id() const { return key_id_; }
  // "<name>+<8 hex key id>+base64(0x04 || public key)": what log operators configure.
  std::string VerifierKey() const;

  // One signature line, "— <name> <base64>\n", over `checkpoint_text` (the note text without
  // its signatures, ending in "\n") at `timestamp` (POSIX seconds, at most 2^63 - 1).
  std::string CosignatureLine(std::string_view checkpoint_text, uint64_t timestamp) const;

 private:
  Cosigner() = default;
  std::string name_;
  uint32_t key_id_ = 0;
  std::array<uint8_t, 32> public_key_{};
  std::shared_ptr<evp_pkey_st> key_;
};

// A witness's public key as a log or an auditor configures it.
struct WitnessKey {
  std::string name;
  uint32_t key_id = 0;
  std::array<uint8_t, 32> public_key{};
};

// Parses "<name>+<8 hex key id>+base64(0x04 || 32-byte key)" and checks the key id (field
// "witness_key"; a signing key with algorithm 0x01 is refused, naming the mix-up).
Result<WitnessKey> ParseWitnessKey(std::string_view vkey);

// Verifies the cosignature of the witness named `witness_name` with public key `public_key`
// (the vkey above, whose name must be `witness_name`) on a signed note (the checkpoint text,
// a blank line, then signature lines in any order: the log's signature and cosignatures).
// Lines by other keys are ignored. Returns the cosignature's timestamp; kCheckFailed when the
// note is malformed, has no line with this witness's name and key id, or when such a line's
// signature does not verify; kValidationFailed when the key itself is malformed. It does
// not check the log's own signature (OpenNote does that).
Result<uint64_t> VerifyCosignature(std::string_view note, std::string_view witness_name,
                                   std::string_view public_key);

// Every witness in `witness_keys` (vkeys as above) cosigned `note`: the first malformed key's
// error, or the first missing or invalid cosignature's kCheckFailed (its message names the
// witness).
Status VerifyCosignatures(std::string_view note, const std::vector<std::string>& witness_keys);

}  // namespace accord::ledger
