// Policy profiles: a TOML file that turns one seed policy into rules (MISSION "Policy
// profiles"). This layer validates the file; each feature reads its own section.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"
#include "accord/policy/gate.h"

namespace accord::policy {

// [identity] (issue 5): sign-in, sessions, break-glass, onboarding and entitlement reviews.
// Optional: every key has the default below (docs/profiles.md).
struct IdentityPolicy {
  // Roles that must use TOTP; `mfa_required_for = "everyone"` lists every role.
  std::vector<std::string> mfa_required_roles = {"security_officer", "privacy_officer", "auditor"};
  int session_idle_minutes = 15;  // HIPAA 164.312(a)(2)(iii) automatic logoff
  int session_absolute_hours = 12;
  int break_glass_minutes = 60;  // how long an emergency elevation lasts
  std::vector<std::string> break_glass_roles = {"privacy_officer", "staff"};
  int training_valid_days = 365;  // TR-7: HIPAA and security training expire yearly
  int review_regular_days = 90;   // TR-3 entitlement reviews
  int review_elevated_days = 60;
  int review_window_days = 14;  // a campaign opens this long before it is due
  std::vector<std::string> user_admin_roles = {"security_officer"};
  std::vector<std::string> reviewer_roles = {"security_officer"};

  bool MfaRequired(std::string_view role) const;
};

struct Profile {
  std::string name;         // [profile] name
  std::string title;        // [profile] title
  std::string seed;         // [profile] seed: the source document
  std::string source;       // the TOML text as loaded
  std::string sha256;       // hex SHA-256 of source
  AccessPolicy access;      // [access]: the access gate's rules (required)
  IdentityPolicy identity;  // [identity]: optional, defaults above
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
