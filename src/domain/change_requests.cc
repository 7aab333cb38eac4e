// The change_request kind (TR-5) and its command bodies.
#include "accord/domain/change_requests.h"

#include <string>

#include "output_fields.h"

namespace accord::domain {
namespace {

using F = FieldType;

using namespace output_fields;  // Out, OutOpt, OutObject, ActorOut (output_fields.h)

// A recorded step: who, when, and what they said.
FieldSpec Step(std::string name, std::vector<FieldSpec> more = {}) {
  std::vector<FieldSpec> fields = {ActorOut("by"), OutOpt("at", F::kTime),
                                   OutOpt("comment", F::kText)};
  for (auto& f : more) fields.push_back(std::move(f));
  return OutObject(std::move(name), std::move(fields));
}

}  // namespace

KindSpec ChangeRequestKind() {
  KindSpec k{.kind = "change_request",
             .id_prefix = "cr",
             .name_field = "title",
             .tag_field = "risk",
             .status_field = "status",
             .generic_write = false};
  k.fields = {
      Out("title"),
      Out("description", F::kText),
      Out("system_ids", F::kIdList),
      Out("risk"),
      Out("backout_plan", F::kText),
      Out("emergency", F::kBool),
      OutOpt("emergency_reason", F::kText),
      Out("status"),
      ActorOut("author", true),
      OutObject("test_evidence",
                {OutOpt("environment"), OutOpt("system_id"), OutOpt("summary", F::kText),
                 OutOpt("document_ids", F::kIdList), ActorOut("by"), OutOpt("at", F::kTime)},
                true, F::kObjectList),
      Step("review", {OutOpt("source"), OutOpt("pull_request_url")}),
      Step("approval"),
      Step("release", {OutOpt("reference")}),
      Step("post_implementation_check", {OutOpt("outcome")}),
      Step("rejection"),
      OutOpt("retrospective_due_at", F::kTime),
      OutOpt("retrospective_overdue", F::kBool),
      OutOpt("retrospective_finding_id"),
      OutObject("separation_relaxed",
                {Out("action"), Out("duties", F::kStringList), ActorOut("by")}, true,
                F::kObjectList),
      OutObject(
          "pull_requests",
          {Out("forge"), Out("number", F::kInt), OutOpt("url"), OutOpt("title"),
           OutOpt("merged_at", F::kTime), OutOpt("merged_by_login"),
           OutObject("reviews",
                     {Out("login"), Out("state"), OutOpt("account_id"), OutOpt("at", F::kTime),
                      OutOpt("counted", F::kBool), OutOpt("not_counted_because", F::kText)},
                     false, F::kObjectList)},
          true, F::kObjectList),
      OutOpt("change_notice_id"),
  };
  k.fields.push_back(Out("id"));
  for (const char* f : {"created_at", "updated_at"}) k.fields.push_back(Out(f, F::kTime));
  k.fields.push_back(Out("version", F::kInt));
  return k;
}

const std::vector<FieldSpec>& ChangeRequestCreateFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "title", .type = F::kString, .required = true},
      {.name = "description",
       .type = F::kText,
       .required = true,
       .max_length = 20000,
       .description = "what changes and why"},
      {.name = "system_ids",
       .type = F::kIdList,
       .required = true,
       .max_length = 50,
       .description = "our systems the change touches (at least one)"},
      {.name = "risk", .type = F::kEnum, .required = true, .values = {"low", "medium", "high"}},
      {.name = "backout_plan",
       .type = F::kText,
       .required = true,
       .max_length = 20000,
       .description = "how the change is undone if it goes wrong"},
      {.name = "emergency",
       .type = F::kBool,
       .description = "released first, reviewed and approved afterwards within the profile's "
                      "window"},
      {.name = "emergency_reason",
       .type = F::kText,
       .max_length = 4000,
       .description = "why it cannot wait (required for an emergency change)"},
      {.name = "change_notice_id",
       .type = F::kId,
       .description = "a vendor's substantial change notice touching our production systems "
                      "that this change implements our side of"},
  };
  return kFields;
}

const std::vector<FieldSpec>& ChangeRequestActionFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "action",
       .type = F::kEnum,
       .required = true,
       .values = {"record_tests", "review", "approve", "release", "verify", "back_out", "reject",
                  "withdraw"}},
      {.name = "comment", .type = F::kText, .max_length = 4000},
      {.name = "environment",
       .type = F::kEnum,
       .values = {"staging", "development"},
       .description = "record_tests: the lower environment the change was tested in"},
      {.name = "system_id",
       .type = F::kId,
       .description = "record_tests: the staging or development system tested on"},
      {.name = "summary",
       .type = F::kText,
       .max_length = 20000,
       .description = "record_tests: what was tested and the result"},
      {.name = "document_ids", .type = F::kIdList, .max_length = 20},
      {.name = "reference",
       .type = F::kString,
       .description = "release: the version, tag or commit released"},
  };
  return kFields;
}

const std::vector<FieldSpec>& ForgeLoginFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "github",
       .type = F::kString,
       .max_length = 39,
       .description = "the account's GitHub login (empty or null: none)"},
      {.name = "gitlab",
       .type = F::kString,
       .max_length = 255,
       .description = "the account's GitLab username (empty or null: none)"},
  };
  return kFields;
}

}  // namespace accord::domain
