// The [separation] section of a profile (docs/profiles.md): which approvals one person may
// give to their own work. Strict by default: none.
#include <algorithm>

#include "profile_internal.h"

namespace accord::policy {

const std::vector<std::string>& SelfApprovalActions() {
  static const std::vector<std::string> kActions = {
      "grant.approve", "review.approve", "finding.approve_risk",
      // change requests (TR-5)
      "change.review", "change.approve", "change.release"};
  return kActions;
}

bool SeparationPolicy::AllowsSelfApproval(std::string_view action) const {
  return std::find(allow_self_approval.begin(), allow_self_approval.end(), action) !=
         allow_self_approval.end();
}

namespace internal {

void ParseSeparation(const toml::table& separation, Problems& problems, SeparationPolicy& out) {
  for (const auto& [key, node] : separation) {
    std::string k(key.str());
    std::string field = "separation." + k;
    if (k != "allow_self_approval") {
      problems.Add(field, "unknown key", LineOf(node));
      continue;
    }
    const toml::array* list = node.as_array();
    if (!list) {
      problems.Add(field, "must be a list of actions, e.g. [\"review.approve\"]", LineOf(node));
      continue;
    }
    std::vector<std::string> actions;
    for (const auto& item : *list) {
      const auto* s = item.as_string();
      const auto& known = SelfApprovalActions();
      if (!s || std::find(known.begin(), known.end(), s->get()) == known.end()) {
        std::string names;
        for (const auto& a : known) names += (names.empty() ? "" : ", ") + a;
        problems.Add(field, "unknown action (one of " + names + ")", LineOf(item));
        continue;
      }
      actions.push_back(s->get());
    }
    out.allow_self_approval = std::move(actions);
  }
}

}  // namespace internal
}  // namespace accord::policy
