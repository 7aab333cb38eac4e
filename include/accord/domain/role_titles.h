// The roles in the words a person reads ("the Security Officer"), for messages that reach
// people: refusals, the gate's reasons, emails. The keys (security_officer) stay for machines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace accord::domain {

// "Security Officer" for security_officer; the key itself for a role it does not know.
inline std::string RoleTitle(std::string_view role) {
  if (role == "security_officer") return "Security Officer";
  if (role == "privacy_officer") return "Privacy Officer";
  if (role == "staff") return "staff";
  if (role == "auditor") return "the auditor";
  if (role == "third_party_contact") return "a party's contact";
  return std::string(role);
}

// "the Security Officer or the Privacy Officer"; "staff" reads without an article.
inline std::string RoleList(const std::vector<std::string>& roles) {
  std::string out;
  for (size_t i = 0; i < roles.size(); ++i) {
    std::string title = RoleTitle(roles[i]);
    if (title.ends_with("Officer")) title = "the " + title;
    out += (i == 0 ? "" : i + 1 == roles.size() ? " or " : ", ") + title;
  }
  return out;
}

}  // namespace accord::domain
