// Helpers the workflows share for their role and caller questions: role lists in messages,
// membership, and the actions a caller may take (AllowedActions) from a kind's own answers.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "accord/domain/role_titles.h"

namespace accord::workflow {

inline bool RoleIn(const std::vector<std::string>& roles, std::string_view role) {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

// "the Security Officer or the Privacy Officer": roles in a refusal a person reads.
inline std::string RoleNames(const std::vector<std::string>& roles) {
  return domain::RoleList(roles);
}

// The actions of `all`, in their order, for which `allowed` holds: a kind's AllowedActions
// passes the table, role and person questions as one predicate.
template <class Action, size_t N, class Pred>
std::vector<Action> ActionsWhere(const Action (&all)[N], Pred allowed) {
  std::vector<Action> out;
  for (Action a : all) {
    if (allowed(a)) out.push_back(a);
  }
  return out;
}

}  // namespace accord::workflow
