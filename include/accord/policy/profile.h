// Policy profiles: a TOML file that turns one seed policy into rules (MISSION "Policy
// profiles"). This layer validates the file; each feature reads its own section.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"
#include "accord/policy/gate.h"

namespace accord::policy {

struct Profile {
  std::string name;     // [profile] name
  std::string title;    // [profile] title
  std::string seed;     // [profile] seed: the source document
  std::string source;   // the TOML text as loaded
  std::string sha256;   // hex SHA-256 of source
  AccessPolicy access;  // [access]: the access gate's rules (required)
};

// The built-in profiles' names: luma, bloomapi, janus.
std::vector<std::string> BuiltinProfileNames();

// A built-in name, or a path to a TOML file. Errors carry the line of the problem.
Result<Profile> LoadProfile(std::string_view name_or_path);

// Parses profile TOML text; `origin` names it in error messages. Every problem found is
// reported: one ErrorDetail (field, reason, line) each, and one "origin:line: field: reason"
// line each in the message.
Result<Profile> ParseProfile(std::string_view toml, std::string_view origin);

}  // namespace accord::policy
