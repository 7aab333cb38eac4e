// The five roles (CONTRACT.md "Roles and permissions") and named sets of them: who is an
// officer, the workforce, a ledger reader … is defined once here instead of as string lists
// in each route file. Routes and profiles still speak the roles' names.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace accord::domain {

enum class Role : uint8_t {
  kSecurityOfficer,
  kPrivacyOfficer,
  kStaff,
  kAuditor,
  kThirdPartyContact,
};

inline constexpr Role kRoles[] = {Role::kSecurityOfficer, Role::kPrivacyOfficer, Role::kStaff,
                                  Role::kAuditor, Role::kThirdPartyContact};

std::string_view Name(Role role);  // "security_officer"
std::optional<Role> ParseRole(std::string_view name);

class RoleSet {
 public:
  constexpr RoleSet() = default;
  constexpr RoleSet(std::initializer_list<Role> roles) {
    for (Role r : roles) bits_ = static_cast<uint8_t>(bits_ | Bit(r));
  }
  constexpr bool Has(Role role) const { return (bits_ & Bit(role)) != 0; }
  // By name; false for a name that is no role.
  bool Has(std::string_view role) const;
  constexpr RoleSet With(Role role) const {
    RoleSet out = *this;
    out.bits_ = static_cast<uint8_t>(out.bits_ | Bit(role));
    return out;
  }
  // The names, in kRoles order.
  std::vector<std::string> Names() const;
  // A route's roles are names (the route table, the OpenAPI document, the route matrix).
  operator std::vector<std::string>() const { return Names(); }  // NOLINT: implicit on purpose
  constexpr bool operator==(const RoleSet&) const = default;

 private:
  static constexpr uint8_t Bit(Role r) { return static_cast<uint8_t>(1u << static_cast<int>(r)); }
  uint8_t bits_ = 0;
};

// The sets the routes and rules use.
inline constexpr RoleSet kOfficers{Role::kSecurityOfficer, Role::kPrivacyOfficer};
inline constexpr RoleSet kWorkforce{Role::kSecurityOfficer, Role::kPrivacyOfficer, Role::kStaff};
inline constexpr RoleSet kLedgerReaders{Role::kSecurityOfficer, Role::kPrivacyOfficer,
                                        Role::kAuditor};
// Everyone of the organisation and its auditor: not a party's contact.
inline constexpr RoleSet kOrgReaders{Role::kSecurityOfficer, Role::kPrivacyOfficer, Role::kStaff,
                                     Role::kAuditor};
inline constexpr RoleSet kEveryone{Role::kSecurityOfficer, Role::kPrivacyOfficer, Role::kStaff,
                                   Role::kAuditor, Role::kThirdPartyContact};

}  // namespace accord::domain
