// Secure Message's encryption at rest (issue 26, item 4): AES-256-GCM through OpenSSL, a fresh
// data key per message, wrapped by a master key read from a file. Rotating the master key
// rewraps the data keys and leaves every message's ciphertext as it is.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/bytes.h"
#include "accord/core/result.h"

namespace accord::messaging {

using Key = std::array<uint8_t, 32>;

// A fresh random AES-256 key.
Key NewKey();
// nonce (12 random bytes) ‖ ciphertext ‖ tag (16). `aad` binds the box to where it belongs (a
// message id and part), so a box moved to another message or part does not open.
Bytes Seal(const Key& key, std::span<const uint8_t> plaintext, std::string_view aad);
// The plaintext, or kForbidden when the key, the aad or any byte is wrong (the message never
// says which).
Result<Bytes> Open(const Key& key, std::span<const uint8_t> sealed, std::string_view aad);

// The master keys of the key file: one "<id> <base64 of 32 bytes>" per line, '#' comments; the
// last line is the current key, which wraps new data keys; the earlier ones still unwrap.
class MasterKeyRing {
 public:
  struct Entry {
    std::string id;
    Key key;
  };
  // Errors name `field` and the line.
  static Result<MasterKeyRing> Parse(std::string_view text, const std::string& field);
  // A new key line ("mk-<hex> <base64>\n") to append to a key file.
  static std::string NewKeyLine();

  const Entry& current() const { return keys_.back(); }
  const std::vector<Entry>& keys() const { return keys_; }
  // A data key wrapped by the current key for `message_id`.
  Bytes Wrap(const Key& data_key, std::string_view message_id) const;
  // The data key wrapped by key `key_id`; kForbidden when that key is unknown or does not fit.
  Result<Key> Unwrap(std::string_view key_id, std::span<const uint8_t> wrapped,
                     std::string_view message_id) const;

 private:
  std::vector<Entry> keys_;
};

}  // namespace accord::messaging
