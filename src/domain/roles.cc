#include "accord/domain/roles.h"

namespace accord::domain {

std::string_view Name(Role role) {
  switch (role) {
    case Role::kSecurityOfficer:
      return "security_officer";
    case Role::kPrivacyOfficer:
      return "privacy_officer";
    case Role::kStaff:
      return "staff";
    case Role::kAuditor:
      return "auditor";
    case Role::kThirdPartyContact:
      return "third_party_contact";
  }
  return "";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role r : kRoles) {
    if (Name(r) == name) return r;
  }
  return std::nullopt;
}

bool RoleSet::Has(std::string_view role) const {
  auto r = ParseRole(role);
  return r && Has(*r);
}

std::vector<std::string> RoleSet::Names() const {
  std::vector<std::string> out;
  for (Role r : kRoles) {
    if (Has(r)) out.emplace_back(Name(r));
  }
  return out;
}

}  // namespace accord::domain
