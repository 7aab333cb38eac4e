// A party's contacts working together on a questionnaire (issue 28, item 2): a section of a
// questionnaire assigned to another contact account of the same party, and a contact's request
// for a colleague's account, which the Security Officer approves or declines. The request is a
// registry kind (`account_request`, `acr_…`, a party's child) written only by
// storage/account_requests.h; the assignments live on the questionnaire. Pure: no storage.
#pragma once

#include <vector>

#include "accord/domain/fields.h"
#include "accord/domain/registry.h"

namespace accord::domain {

KindSpec AccountRequestKind();
// A questionnaire's `assignments` ([{section, section_title, user_id, user_name, ...}]).
FieldSpec SectionAssignmentsField();

// Request bodies: {name, email, reason}; {action: approve|decline, reason?};
// {section, user_id|null} (null takes the assignment back).
const std::vector<FieldSpec>& AccountRequestFields();
const std::vector<FieldSpec>& AccountRequestActionFields();
const std::vector<FieldSpec>& SectionAssignFields();

}  // namespace accord::domain
