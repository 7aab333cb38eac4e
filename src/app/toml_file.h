// Internal to src/app: reading the settings file (app/config.h, app/smtp.h).
#pragma once

#include <toml++/toml.h>

#include <filesystem>
#include <string>

#include "accord/core/result.h"

namespace accord::app {

// The file as a TOML table, or a validation error naming the file, the problem and its line.
inline Result<toml::table> ParseTomlFile(const std::filesystem::path& file) {
  try {
    return toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    return Error{ErrorCode::kValidationFailed,
                 file.string() + ": " + std::string(e.description()),
                 {{"toml", std::string(e.description()), static_cast<int>(e.source().begin.line)}}};
  }
}

}  // namespace accord::app
