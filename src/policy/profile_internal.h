// Shared by the profile parser's files: problems collected with their lines, so one run
// of `accord profile check` reports every mistake in a file, not just the first.
#pragma once

#include <toml++/toml.h>

#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"
#include "accord/policy/changes_profile.h"
#include "accord/policy/gate.h"
#include "accord/policy/profile.h"

namespace accord::policy::internal {

class Problems {
 public:
  explicit Problems(std::string_view origin) : origin_(origin) {}

  void Add(std::string field, std::string reason, int line);
  bool empty() const { return details_.empty(); }
  // kValidationFailed; the message has one "origin:line: field: reason" line per problem.
  Error ToError() const;

 private:
  std::string origin_;
  std::vector<ErrorDetail> details_;
};

inline int LineOf(const toml::node& node) { return static_cast<int>(node.source().begin.line); }

// Reads an array of role names into `out` (left unchanged on a mistake; returns whether it
// was read); `everyone_allowed` also accepts the string "everyone" for all roles.
bool ReadRoles(const std::string& field, const toml::node& node, bool everyone_allowed,
               Problems& problems, std::vector<std::string>& out);

// Reads the [identity] section into `out`.
void ParseIdentity(const toml::table& identity, Problems& problems, IdentityPolicy& out);

// Reads the [reviews] section into `out`.
void ParseReviews(const toml::table& reviews, Problems& problems, ReviewsPolicy& out);

// Reads the [separation] section into `out`.
void ParseSeparation(const toml::table& separation, Problems& problems, SeparationPolicy& out);

// Reads the [changes] section into `out` (policy/changes_profile.h).
void ParseChanges(const toml::table& changes, Problems& problems, ChangesPolicy& out);

// Reads the [access] section into `out`; every mistake goes to `problems`.
void ParseAccess(const toml::table& access, Problems& problems, AccessPolicy& out);

// Reads the [compliance] section into `out`; `access` (already read) names the rules a
// mapping may cite.
void ParseCompliance(const toml::table& compliance, const AccessPolicy& access, Problems& problems,
                     CompliancePolicy& out);

}  // namespace accord::policy::internal
