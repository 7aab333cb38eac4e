// Small files only their owner may read, replaced whole: the witness's state and the
// server's last signed checkpoint (DATA_DIR/checkpoint).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "accord/core/result.h"

namespace accord::app {

// Writes `content` to a temporary file beside `path` (mode 0600), fsyncs it and renames it
// over `path`: a reader sees the old or the new content, never a part.
Status WritePrivateFile(const std::filesystem::path& path, std::string_view content);

// The content of `path` (at most 1 MiB), or nullopt when it does not exist. A file that
// group or others may access is refused, naming the chmod that fixes it (field `field`).
Result<std::optional<std::string>> ReadPrivateFile(const std::filesystem::path& path,
                                                   const std::string& field);

}  // namespace accord::app
