// Secure Message's master key file (issue 26): like ledger.key, a file only its owner may read
// (0600, refused otherwise), outside the database and its backups. Default
// DATA_DIR/message.keys, created with one key at the first start; `[secure_messages]
// master_key_file` in --config or --message-key-file names another. Rotation: append a key
// line (docs/operations.md); at its next start the server rewraps every data key under it (the
// messages' content is not re-encrypted); then the older lines may go.
#pragma once

#include <filesystem>

#include "accord/core/result.h"
#include "accord/messaging/sealed_box.h"
#include "accord/storage/store.h"

namespace accord::app {

// Reads the key file, creating it with one new key when it does not exist and `create`.
Result<messaging::MasterKeyRing> LoadMessageKeys(const std::filesystem::path& file, bool create);
// Reads `[secure_messages] master_key_file` of --config into `out` (unchanged when absent).
Status ReadMessageKeyConfig(const std::filesystem::path& config, std::filesystem::path& out);
// Rewraps data keys not under the current key, in one transaction; logs how many.
Status RewrapMessageKeys(storage::Store& store, const messaging::MasterKeyRing& keys);

class Runtime;
// The demo's messaging: a refused PHI email with its reason, and a Secure Message read by its
// recipient with the open recorded (demo_messaging.cc).
Status SeedMessagingDemo(Runtime& runtime, const messaging::MasterKeyRing& keys,
                         const std::string& link_base);

}  // namespace accord::app
