#include "accord/policy/profile.h"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "accord/core/bytes.h"
#include "accord/core/sha256.h"
#include "accord/domain/identity.h"
#include "accord/policy/builtin_profiles.h"
#include "profile_internal.h"
#include "toml_guard.h"

namespace accord::policy {

namespace internal {

void Problems::Add(std::string field, std::string reason, int line) {
  details_.push_back(ErrorDetail{std::move(field), std::move(reason), line});
}

Error Problems::ToError() const {
  // In file order, as a reader goes through the file (toml++ visits keys alphabetically).
  std::vector<ErrorDetail> sorted = details_;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.line < b.line; });
  std::string message;
  for (const auto& d : sorted) {
    if (!message.empty()) message += "\n";
    message +=
        origin_ + ":" + std::to_string(d.line.value_or(1)) + ": " + d.field + ": " + d.reason;
  }
  return Error{ErrorCode::kValidationFailed, std::move(message), std::move(sorted)};
}

bool ReadRoles(const std::string& field, const toml::node& node, bool everyone_allowed,
               Problems& problems, std::vector<std::string>& out) {
  if (const auto* s = node.as_string(); s && everyone_allowed) {
    if (s->get() == "everyone") {
      out = domain::AllRoles();
      return true;
    }
    problems.Add(field, "must be \"everyone\" or an array of roles", LineOf(node));
    return false;
  }
  const auto* array = node.as_array();
  if (!array) {
    problems.Add(field, "must be an array of roles", LineOf(node));
    return false;
  }
  std::vector<std::string> roles;
  for (const auto& item : *array) {
    const auto* s = item.as_string();
    if (!s || !domain::IsRole(s->get())) {
      problems.Add(field,
                   "unknown role (one of security_officer, privacy_officer, staff, auditor, "
                   "third_party_contact)",
                   LineOf(item));
      return false;
    }
    roles.push_back(s->get());
  }
  out = std::move(roles);
  return true;
}

}  // namespace internal

namespace {

using internal::LineOf;
using internal::Problems;

// Sections later features own; listed here so unknown keys stay errors everywhere else.
const std::set<std::string>& KnownSections() {
  static const std::set<std::string> kSections = {"profile",    "access",  "identity",  "reviews",
                                                  "separation", "changes", "compliance"};
  return kSections;
}

void ParseMeta(const toml::table& meta, Problems& problems, Profile& profile) {
  for (const auto& [key, node] : meta) {
    std::string k(key.str());
    auto* value = node.as_string();
    if (k != "name" && k != "title" && k != "seed") {
      problems.Add("profile." + k, "unknown key", LineOf(node));
      continue;
    }
    if (!value) {
      problems.Add("profile." + k, "must be a string", LineOf(node));
      continue;
    }
    std::string v = value->get();
    if (k == "name") profile.name = v;
    if (k == "title") profile.title = v;
    if (k == "seed") profile.seed = v;
  }
  if (profile.name.empty()) problems.Add("profile.name", "is required", LineOf(meta));
}

}  // namespace

std::vector<std::string> BuiltinProfileNames() {
  std::vector<std::string> names;
  for (const auto& p : BuiltinProfiles()) names.emplace_back(p.name);
  return names;
}

Result<Profile> ParseProfile(std::string_view text, std::string_view origin) {
  Problems problems(origin);
  toml::table table;
  try {
    table = internal::ParseTomlGuarded(text, origin);
  } catch (const toml::parse_error& e) {
    problems.Add("toml", std::string(e.description()), static_cast<int>(e.source().begin.line));
    return problems.ToError();
  }
  Profile profile;
  for (const auto& [key, node] : table) {
    std::string k(key.str());
    if (!KnownSections().contains(k)) problems.Add(k, "unknown section", LineOf(node));
  }
  if (const toml::table* meta = table["profile"].as_table()) {
    ParseMeta(*meta, problems, profile);
  } else {
    problems.Add("profile", "the [profile] section is required", 1);
  }
  // Without rules the gate would let every request through, so [access] is required.
  if (const toml::table* access = table["access"].as_table()) {
    internal::ParseAccess(*access, problems, profile.access);
  } else if (const toml::node* node = table.get("access")) {
    problems.Add("access", "must be a section ([access])", LineOf(*node));
  } else {
    problems.Add("access", "the [access] section is required (docs/profiles.md)", 1);
  }
  if (const toml::table* identity = table["identity"].as_table()) {
    internal::ParseIdentity(*identity, problems, profile.identity);
  } else if (const toml::node* node = table.get("identity")) {
    problems.Add("identity", "must be a section ([identity])", LineOf(*node));
  }
  if (const toml::table* reviews = table["reviews"].as_table()) {
    internal::ParseReviews(*reviews, problems, profile.reviews);
  } else if (const toml::node* node = table.get("reviews")) {
    problems.Add("reviews", "must be a section ([reviews])", LineOf(*node));
  }
  if (const toml::table* separation = table["separation"].as_table()) {
    internal::ParseSeparation(*separation, problems, profile.separation);
  } else if (const toml::node* node = table.get("separation")) {
    problems.Add("separation", "must be a section ([separation])", LineOf(*node));
  }
  if (const toml::table* changes = table["changes"].as_table()) {
    ChangesPolicy checked;  // read again by ChangesPolicyOf; here for its problems
    internal::ParseChanges(*changes, problems, checked);
  } else if (const toml::node* node = table.get("changes")) {
    problems.Add("changes", "must be a section ([changes])", LineOf(*node));
  }
  if (const toml::table* compliance = table["compliance"].as_table()) {
    internal::ParseCompliance(*compliance, profile.access, problems, profile.compliance);
  } else if (const toml::node* node = table.get("compliance")) {
    problems.Add("compliance", "must be a section ([compliance])", LineOf(*node));
  }
  if (!problems.empty()) return problems.ToError();
  // Each workflow reads its own flag where it already reads its policy.
  profile.access.allow_self_approval = profile.separation.AllowsSelfApproval("grant.approve");
  profile.reviews.allow_self_approval = profile.separation.AllowsSelfApproval("review.approve");
  profile.source = std::string(text);
  profile.sha256 = HexEncode(Sha256(text));
  return profile;
}

Result<Profile> LoadProfile(std::string_view name_or_path) {
  for (const auto& p : BuiltinProfiles()) {
    if (p.name == name_or_path) return ParseProfile(p.toml, std::string(p.name) + ".toml");
  }
  std::ifstream in{std::string(name_or_path)};
  if (!in) {
    std::string names;
    for (const auto& n : BuiltinProfileNames()) names += (names.empty() ? "" : ", ") + n;
    return ValidationError("profile", "'" + std::string(name_or_path) +
                                          "' is neither a built-in profile (" + names +
                                          ") nor a readable file");
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return ParseProfile(buffer.str(), name_or_path);
}

}  // namespace accord::policy
