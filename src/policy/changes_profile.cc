// The [changes] section (docs/profiles.md): approver roles and the emergency review window.
#include "accord/policy/changes_profile.h"

#include <map>
#include <mutex>

#include "accord/domain/identity.h"
#include "profile_internal.h"
#include "toml_guard.h"

namespace accord::policy {
namespace internal {

void ParseChanges(const toml::table& changes, Problems& problems, ChangesPolicy& out) {
  for (const auto& [key, node] : changes) {
    std::string k(key.str());
    std::string field = "changes." + k;
    if (k == "approver_roles") {
      std::vector<std::string> roles;
      if (!ReadRoles(field, node, false, problems, roles)) continue;
      if (roles.empty()) {
        problems.Add(field, "must name at least one role", LineOf(node));
        continue;
      }
      bool ok = true;
      for (const auto& role : roles) {
        if (domain::IsWorkforceRole(role)) continue;
        problems.Add(field, "'" + role + "' is not a workforce role", LineOf(node));
        ok = false;
      }
      if (ok) out.approver_roles = std::move(roles);
    } else if (k == "emergency_review_days") {
      const auto* v = node.as_integer();
      if (!v || v->get() < 1 || v->get() > 30) {
        problems.Add(field, "must be an integer between 1 and 30", LineOf(node));
        continue;
      }
      out.emergency_review_days = static_cast<int>(v->get());
    } else {
      problems.Add(field, "unknown key (one of approver_roles, emergency_review_days)",
                   LineOf(node));
    }
  }
}

}  // namespace internal

const ChangesPolicy& ChangesPolicyOf(const Profile* profile) {
  static const ChangesPolicy kDefaults;
  if (!profile || profile->source.empty()) return kDefaults;
  static std::mutex mu;
  static std::map<std::string, ChangesPolicy> cache;  // by the profile's SHA-256: few profiles
  std::lock_guard lock(mu);
  if (auto it = cache.find(profile->sha256); it != cache.end()) return it->second;
  ChangesPolicy policy;
  try {
    toml::table table =
        internal::ParseTomlGuarded(std::string_view(profile->source), std::string_view("profile"));
    if (const toml::table* changes = table["changes"].as_table()) {
      internal::Problems ignored("profile");
      internal::ParseChanges(*changes, ignored, policy);
    }
  } catch (const toml::parse_error&) {
    // ParseProfile accepted this text already; defaults if it somehow does not parse.
  }
  return cache.emplace(profile->sha256, std::move(policy)).first->second;
}

}  // namespace accord::policy
