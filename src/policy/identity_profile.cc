// The [identity] section of a profile (docs/profiles.md): MFA, sessions, break-glass,
// onboarding and entitlement-review cadence. Every key is optional.
#include <algorithm>

#include "accord/domain/identity.h"
#include "profile_internal.h"

namespace accord::policy {

bool IdentityPolicy::MfaRequired(std::string_view role) const {
  return std::find(mfa_required_roles.begin(), mfa_required_roles.end(), role) !=
         mfa_required_roles.end();
}

namespace internal {
namespace {

struct IntKey {
  const char* key;
  int IdentityPolicy::*field;
  int min;
  int max;
};

constexpr IntKey kIntKeys[] = {
    {"session_idle_minutes", &IdentityPolicy::session_idle_minutes, 1, 24 * 60},
    {"session_absolute_hours", &IdentityPolicy::session_absolute_hours, 1, 24 * 30},
    {"break_glass_minutes", &IdentityPolicy::break_glass_minutes, 5, 24 * 60},
    {"training_valid_days", &IdentityPolicy::training_valid_days, 1, 3 * 365},
    {"review_regular_days", &IdentityPolicy::review_regular_days, 1, 365},
    {"review_elevated_days", &IdentityPolicy::review_elevated_days, 1, 365},
    {"review_window_days", &IdentityPolicy::review_window_days, 1, 90},
    {"password_min_bits", &IdentityPolicy::password_min_bits, 0, 100},
};

}  // namespace

void ParseIdentity(const toml::table& identity, Problems& problems, IdentityPolicy& out) {
  for (const auto& [key, node] : identity) {
    std::string k(key.str());
    std::string field = "identity." + k;
    if (k == "mfa_required_for") {
      ReadRoles(field, node, true, problems, out.mfa_required_roles);
      continue;
    }
    if (k == "break_glass_roles" || k == "user_admin_roles" || k == "reviewer_roles") {
      auto& target = k == "break_glass_roles"  ? out.break_glass_roles
                     : k == "user_admin_roles" ? out.user_admin_roles
                                               : out.reviewer_roles;
      ReadRoles(field, node, false, problems, target);
      continue;
    }
    if (k == "sso_required") {
      if (const auto* b = node.as_boolean()) {
        out.sso_required = b->get();
      } else {
        problems.Add(field, "must be true or false", LineOf(node));
      }
      continue;
    }
    const IntKey* spec = nullptr;
    for (const auto& ik : kIntKeys) {
      if (k == ik.key) spec = &ik;
    }
    if (!spec) {
      problems.Add(field, "unknown key", LineOf(node));
      continue;
    }
    const auto* v = node.as_integer();
    if (!v || v->get() < spec->min || v->get() > spec->max) {
      problems.Add(field,
                   "must be an integer between " + std::to_string(spec->min) + " and " +
                       std::to_string(spec->max),
                   LineOf(node));
      continue;
    }
    out.*(spec->field) = static_cast<int>(v->get());
  }
  for (const auto& role : out.user_admin_roles) {
    if (!domain::IsWorkforceRole(role)) {
      problems.Add("identity.user_admin_roles", "only workforce roles may administer accounts",
                   LineOf(identity));
    }
  }
  for (const auto& role : out.break_glass_roles) {
    if (!domain::IsWorkforceRole(role)) {
      problems.Add("identity.break_glass_roles", "only workforce roles may use break-glass",
                   LineOf(identity));
    }
  }
}

}  // namespace internal
}  // namespace accord::policy
