#include "accord/domain/colleagues.h"

#include "output_fields.h"

namespace accord::domain {

using F = FieldType;
using namespace output_fields;

KindSpec AccountRequestKind() {
  KindSpec k{.kind = "account_request",
             .id_prefix = "acr",
             .parent_kind = "party",
             .name_field = "name",
             .tag_field = "email",
             .status_field = "status",
             .generic_write = false};
  k.fields = {Out("name"),
              Out("email", F::kEmail),
              Out("reason", F::kText),
              Out("status"),
              ActorOut("requested_by", true),
              ActorOut("decided_by"),
              OutOpt("decided_at", F::kTime),
              OutOpt("decline_reason", F::kText),
              OutOpt("user_id"),
              OutOpt("allowed_actions", F::kStringList),
              Out("id"),
              Out("created_at", F::kTime),
              Out("updated_at", F::kTime),
              Out("version", F::kInt),
              Out("party_id")};
  return k;
}

FieldSpec SectionAssignmentsField() {
  return OutObject("assignments",
                   {Out("section", F::kInt), Out("section_title"), Out("user_id"),
                    OutOpt("user_name"), OutOpt("user_email", F::kEmail),
                    ActorOut("assigned_by", true), Out("assigned_at", F::kTime)},
                   false, F::kObjectList);
}

const std::vector<FieldSpec>& AccountRequestFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "name", .type = F::kString, .required = true, .max_length = 200},
      {.name = "email", .type = F::kEmail, .required = true, .max_length = 254},
      {.name = "reason",
       .type = F::kText,
       .required = true,
       .max_length = 2000,
       .description = "why the colleague needs an account (what they will answer)"}};
  return kFields;
}

const std::vector<FieldSpec>& AccountRequestActionFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "action", .type = F::kEnum, .required = true, .values = {"approve", "decline"}},
      {.name = "reason",
       .type = F::kText,
       .max_length = 2000,
       .description = "decline: why (required; emailed to the requester)"}};
  return kFields;
}

const std::vector<FieldSpec>& SectionAssignFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "section",
       .type = F::kInt,
       .required = true,
       .min = 0,
       .max = 49,
       .description = "the section's position in the questionnaire, from 0"},
      {.name = "user_id",
       .type = F::kId,
       .description = "a contact account of the same party; null takes the assignment back"}};
  return kFields;
}

}  // namespace accord::domain
