// `accord evidence verify`: checks an evidence bundle with nothing but the bundle and the
// log's public key (no server, no database), and names the first file or proof that fails.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"
#include "accord/evidence/layout.h"
#include "accord/ledger/note.h"

namespace accord::evidence {

struct VerifyOptions {
  std::vector<std::string> log_keys;      // verifier keys; at least one (field "key")
  std::vector<std::string> witness_keys;  // field "witness_key"
};

struct BundleFacts {
  std::string origin;
  uint64_t checkpoint_size = 0;
  std::string checkpoint_root;  // base64
  uint64_t events = 0;
  uint64_t documents = 0;
  uint64_t files = 0;
  std::optional<uint64_t> since_size;
  std::string exported_at;
};

// A failure is kCheckFailed whose message starts with the file that failed ("proofs/…json:
// …") and whose single detail's field is that file; a bad key is kValidationFailed ("key").
[[nodiscard]] Result<BundleFacts> VerifyBundle(const std::filesystem::path& file,
                                               const VerifyOptions& options);
[[nodiscard]] Result<BundleFacts> VerifyEntries(const std::vector<Entry>& entries,
                                                const VerifyOptions& options);

// A checkpoint note (checkpoint.note, previous/checkpoint.note): the log's own signature (any
// of `log_keys`), then a valid C2SP cosignature by every witness in `witness_keys` (vkeys,
// "<name>+<id>+<key>"), then the checkpoint parsed. kCheckFailed naming `file` and the witness.
[[nodiscard]] Result<ledger::Checkpoint> VerifyCheckpointNote(
    std::string_view file, std::string_view note, const std::vector<ledger::Verifier>& log_keys,
    const std::vector<std::string>& witness_keys);

}  // namespace accord::evidence
