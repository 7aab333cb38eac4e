// The evidence bundle (`*.accord-evidence.zip`, docs/ledger.md "The evidence bundle"): the
// names of its files, the manifest's signed statement, and reading and writing the archive
// (libzip). Shared by the exporter (evidence/export.h) and the offline verifier
// (evidence/verify.h); knows nothing of storage.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"

namespace accord::evidence {

inline constexpr std::string_view kFormat = "accord-evidence/1";
inline constexpr std::string_view kManifest = "manifest.json";
inline constexpr std::string_view kManifestSignature = "manifest.sig";
inline constexpr std::string_view kCheckpoint = "checkpoint.note";
inline constexpr std::string_view kPreviousCheckpoint = "previous/checkpoint.note";
inline constexpr std::string_view kConsistencyProof = "proofs/consistency.json";
inline constexpr std::string_view kLogKeys = "keys/log.txt";
inline constexpr std::string_view kVerifyPage = "verify.html";
inline constexpr std::string_view kReadme = "README.txt";

// "events/000000000042.json": the raw leaf bytes of ledger entry 42.
std::string EventPath(uint64_t index);
// "proofs/000000000042.json": its inclusion proof up to the bundle's checkpoint.
std::string InclusionProofPath(uint64_t index);
// "documents/<sha256 hex>": a referenced document's bytes.
std::string DocumentPath(std::string_view sha256_hex);

// The note text the log's key signs for a manifest: three lines, the second never a decimal
// number, so that no checkpoint verifier can take it for a checkpoint (c2sp.org/tlog-checkpoint).
std::string ManifestStatement(std::string_view origin, std::string_view manifest_sha256_hex);

// README.txt: what the bundle holds and the two ways to check it.
std::string ReadmeText(std::string_view origin);

struct Entry {
  std::string path;
  std::string content;
};

// Writes the entries, in order, into a new zip at `file` (replaced if it exists). Entries of
// 16 KiB or more other than documents are deflated, the rest stored.
[[nodiscard]] Status WriteArchive(const std::filesystem::path& file,
                                  const std::vector<Entry>& entries);

// Every entry of the zip at `file`, in archive order. Fails (kCheckFailed, naming the entry)
// when an entry cannot be read back intact (CRC), is a directory or an absolute or ".." path,
// appears twice, or is larger than `max_entry_bytes`.
[[nodiscard]] Result<std::vector<Entry>> ReadArchive(const std::filesystem::path& file,
                                                     uint64_t max_entry_bytes = 256u << 20);

}  // namespace accord::evidence
