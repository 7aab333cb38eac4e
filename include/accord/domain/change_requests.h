// Change requests for our own systems (TR-5): the registry kind (`change_request`, ids `cr_…`)
// and the bodies of its commands. The workflow is workflow/change_request.h.
#pragma once

#include <vector>

#include "accord/domain/fields.h"
#include "accord/domain/registry.h"

namespace accord::domain {

KindSpec ChangeRequestKind();
// POST /api/v1/change-requests: title, description, system_ids, risk, backout_plan,
// emergency (+ emergency_reason), change_notice_id.
const std::vector<FieldSpec>& ChangeRequestCreateFields();
// POST /api/v1/change-requests/{id}/actions: action and what that step records.
const std::vector<FieldSpec>& ChangeRequestActionFields();
// PUT /api/v1/users/{id}/forge-logins: the account's logins on GitHub and GitLab.
const std::vector<FieldSpec>& ForgeLoginFields();

}  // namespace accord::domain
