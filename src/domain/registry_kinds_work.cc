// The registry kinds of our own work: access grants, user accounts, entitlement reviews,
// alerts, reviews, SOC 2 reports, report requests, change notices, findings and connections.
// The third-party kinds and the one table RegistryKinds() are in registry_kinds.cc.
#include <string>
#include <vector>

#include "accord/domain/breach.h"
#include "accord/domain/change_requests.h"
#include "accord/domain/colleagues.h"
#include "accord/domain/questionnaire.h"
#include "accord/domain/registry.h"
#include "accord/domain/reviews.h"
#include "accord/domain/soc2.h"
#include "accord/domain/transport.h"
#include "accord/domain/vendor_incidents.h"

#include "input_fields.h"
#include "output_fields.h"
#include "registry_kinds_work.h"

namespace accord::domain::work_kinds {

namespace {

using F = FieldType;
using namespace input_fields;   // Str, Text, Enum, ..., AddMeta (input_fields.h)
using namespace output_fields;  // Out, OutOpt, OutObject, ActorOut (output_fields.h)

}  // namespace

KindSpec Grant() {
  KindSpec k{.kind = "grant",
             .id_prefix = "gnt",
             .parent_kind = "party",
             .tag_field = "decision_outcome",
             .status_field = "status",
             .generic_write = false};
  k.fields = {OutOpt("contact_id"),
              OutObject("lines",
                        {Out("system_id"), OutOpt("system_name"), Out("permission"),
                         OutOpt("environment"), OutOpt("justification"),
                         OutOpt("contains_ephi", F::kBool), OutOpt("endpoints", F::kStringList)},
                        true, F::kObjectList),
              Out("start_at", F::kTime),
              Out("end_at", F::kTime),
              OutOpt("purpose", F::kText),
              Out("status"),
              Out("decision_outcome"),
              OutObject("decision", {}, true),
              ActorOut("requested_by", true),
              ActorOut("approved_by"),
              OutOpt("approved_at", F::kTime),
              OutOpt("approval_comment", F::kText),
              OutOpt("effective_status"),
              OutOpt("reason", F::kText),
              ActorOut("denied_by"),
              ActorOut("revoked_by"),
              OutOpt("revoked_at", F::kTime),
              OutOpt("self_approved", F::kBool)};
  AddMeta(k.fields, "party");
  return k;
}

// Accounts (issue 5): state written by the identity commands only, never by generic routes.
// party_id binds a third_party_contact to its one party (TP-7), so the registry's party
// scoping applies to users as it does to every other object.
KindSpec User() {
  KindSpec k{.kind = "user",
             .id_prefix = "usr",
             .name_field = "email",
             .tag_field = "role",
             .status_field = "status",
             .unique_name = true,
             .generic_write = false};
  k.fields = {Out("email", F::kEmail),
              OutOpt("name"),
              Out("role"),
              OutOpt("party_id"),
              Out("status"),
              OutOpt("expires_at", F::kTime),
              OutOpt("access_until", F::kTime),
              OutOpt("mfa_enrolled", F::kBool),
              OutObject("attestations", {}),
              OutOpt("workforce", F::kBool),
              OutObject("forge_logins", {OutOpt("github"), OutOpt("gitlab")})};
  AddMeta(k.fields, "");
  return k;
}

// An entitlement review campaign (TR-3): one line per account role or access grant.
KindSpec EntitlementReview() {
  KindSpec k{.kind = "entitlement_review",
             .id_prefix = "erv",
             .name_field = "title",
             .tag_field = "scope",
             .status_field = "status",
             .generic_write = false};
  k.fields = {Out("title"),
              Out("scope"),
              Out("status"),
              Out("due_at", F::kTime),
              OutObject("lines",
                        {OutOpt("id"), OutOpt("decision"), ActorOut("decided_by"),
                         OutOpt("decided_at", F::kTime), OutOpt("comment", F::kText)},
                        true, F::kObjectList),
              OutOpt("period", F::kInt),
              OutOpt("completed_at", F::kTime)};
  AddMeta(k.fields, "");
  return k;
}

// Something an officer must look at now (break-glass use, an overdue campaign).
KindSpec Alert() {
  KindSpec k{.kind = "alert",
             .id_prefix = "alr",
             .name_field = "title",
             .tag_field = "type",
             .status_field = "status",
             .generic_write = false};
  k.fields = {Out("title"),
              Out("type"),
              Out("status"),
              Out("severity"),
              OutObject("subject", {}),
              OutObject("detail", {}),
              ActorOut("acknowledged_by"),
              OutOpt("acknowledged_at", F::kTime)};
  AddMeta(k.fields, "");
  return k;
}

// A review's documentation: who documented it and when, beside the sections of the `document`
// action (which a kind requires: domain/reviews.cc).
namespace {

std::vector<FieldSpec> DocumentationOut() {
  std::vector<FieldSpec> fields = {ActorOut("documented_by"), OutOpt("documented_at", F::kTime)};
  for (const auto& section : ReviewDocumentationFields()) fields.push_back(section);
  return fields;
}

}  // namespace

// Issue 6 (TP-9 … TP-15): reviews, SOC 2 reports, change notices and findings. Reviews,
// change notices and findings name their party in `party_id` (org level, so they have
// their own collections) and are written only by their commands (storage/reviews.h).
KindSpec Review() {
  KindSpec k{.kind = "review",
             .id_prefix = "rev",
             .name_field = "title",
             .tag_field = "review_kind",
             .status_field = "status",
             .generic_write = false};
  k.fields = {
      Out("title"), Out("review_kind"), Out("status"), OutOpt("party_id"), OutOpt("agreement_id"),
      OutOpt("change_notice_id"), Out("due_at", F::kTime), OutOpt("period"), OutOpt("period_label"),
      OutOpt("series_key"), ActorOut("opened_by", true), ActorOut("assignee"),
      OutObject("documentation", DocumentationOut()),
      OutObject("rejections", {ActorOut("by", true), Out("at", F::kTime), Out("comment", F::kText)},
                false, F::kObjectList),
      // What the review asked its party (request_info) and what the party answered.
      OutObject("party_requests",
                {ActorOut("by", true), Out("at", F::kTime), Out("message", F::kText)}, false,
                F::kObjectList),
      OutObject("party_responses",
                {ActorOut("by", true), Out("at", F::kTime), Out("message", F::kText),
                 OutOpt("documents", F::kIdList)},
                false, F::kObjectList),
      OutOpt("awaiting_party", F::kBool), ActorOut("approved_by"), OutOpt("approved_at", F::kTime),
      OutOpt("on_time", F::kBool), OutOpt("overdue", F::kBool)};
  AddMeta(k.fields, "");
  return k;
}

// TP-11: a SOC 2 report of a party: submitted by the party (or by us on its behalf), then
// reviewed by us. What the reviewer records (exceptions, complementary user-entity controls,
// the summary, the findings) is our assessment, kept from the party's contacts.
KindSpec Soc2Report() {
  KindSpec k{.kind = "soc2_report",
             .id_prefix = "soc",
             .parent_kind = "party",
             .tag_field = "opinion",
             .status_field = "status",
             .generic_write = false};
  k.fields = {
      Enum("type", {"type1", "type2"}, true),
      Time("period_start"),
      Time("period_end", true),
      Str("auditor", true, "the audit firm"),
      Enum("opinion", {"unqualified", "qualified", "adverse", "disclaimer"}, true),
      Time("issued_at"),
      {.name = "reviewed_at",
       .type = F::kTime,
       .description = "when we reviewed it; absent while the report awaits review"},
      Internal(Soc2ExceptionsField()),
      Internal(Soc2UserEntityControlsField()),
      {.name = "bridge_letter",
       .type = F::kObject,
       .fields = {Time("covered_until", true), {.name = "document_id", .type = F::kId}},
       .description = "covers the gap between the period's end and now"},
      {.name = "document_id", .type = F::kId, .description = "the uploaded report"},
      Internal(Text("summary", 4000)),
      Out("status"),
      ActorOut("submitted_by"),
      Internal(ActorOut("reviewed_by")),
      Internal(OutOpt("finding_ids", F::kIdList)),
  };
  AddMeta(k.fields, "party");
  return k;
}

// IN-4: a customer's request for one of our audit reports, from the public form or logged by
// staff; NDA-gated, decided by an officer, delivered by a personal expiring link.
KindSpec ReportRequest() {
  KindSpec k{.kind = "report_request",
             .id_prefix = "rrq",
             .name_field = "organisation",
             .tag_field = "report_type",
             .status_field = "status",
             .generic_write = false};
  k.fields = {
      OutObject("requester", {Out("name"), Out("email", F::kEmail)}, true),
      Out("organisation"),
      Out("report_type"),
      OutOpt("questionnaire_id"),  // a customer questionnaire's link (issue 28, part 5)
      OutOpt("needed_by", F::kTime),
      OutOpt("message", F::kText),
      Out("source"),
      OutOpt("party_id"),
      OutObject("link", {OutOpt("how"), OutOpt("note")}),
      Out("status"),
      OutObject("nda", {OutOpt("agreement_id"), OutOpt("sent_at", F::kTime),
                        OutOpt("accepted_at", F::kTime), OutOpt("link_expires_at", F::kTime)}),
      OutObject("decision", {}),
      OutObject("delivery", {}),
      OutObject("history",
                {Out("action"), Out("status"), Out("at", F::kTime), ActorOut("by", true),
                 OutOpt("comment", F::kText)},
                true, F::kObjectList)};
  AddMeta(k.fields, "");
  return k;
}

// TP-9: a change a party announced to its services; reviewed before it is implemented.
KindSpec ChangeNotice() {
  KindSpec k{.kind = "change_notice",
             .id_prefix = "chg",
             .name_field = "title",
             .tag_field = "substantial_tag",
             .status_field = "status",
             .generic_write = false};
  k.fields = {Out("party_id"),
              Out("title"),
              OutOpt("description", F::kText),
              OutOpt("service_ids", F::kIdList),
              Internal(OutOpt("system_ids", F::kIdList)),
              OutOpt("planned_at", F::kTime),
              Internal(OutOpt("substantial", F::kBool)),
              Internal(OutOpt("substantial_reasons", F::kStringList)),
              OutOpt("new_subprocessor", F::kBool),
              OutOpt("new_data_location"),
              Out("status"),
              Internal(OutOpt("change_review_id")),
              Internal(OutOpt("risk_assessment_id")),
              OutOpt("implemented_at", F::kTime),
              Internal(OutOpt("finding_id")),
              Internal(OutOpt("substantial_tag")),
              Internal(OutOpt("change_request_id"))};
  AddMeta(k.fields, "");
  return k;
}

// TP-14: something a review, a SOC 2 report or the schedule found, tracked to resolution.
KindSpec Finding() {
  KindSpec k{.kind = "finding",
             .id_prefix = "fnd",
             .name_field = "title",
             .tag_field = "severity",
             .status_field = "status",
             .generic_write = false};
  k.fields = {
      Out("title"), OutOpt("description", F::kText), Out("severity"), Out("status"),
      OutOpt("party_id"), OutObject("source", {OutOpt("kind"), OutOpt("id")}), OutOpt("rule"),
      ActorOut("owner"), OutOpt("due_at", F::kTime), OutOpt("overdue", F::kBool),
      OutObject("resolution", {ActorOut("by"), OutOpt("at", F::kTime)}),
      OutObject("risk_acceptance", {ActorOut("requested_by"), OutOpt("requested_at", F::kTime),
                                    OutOpt("expires_at", F::kTime), OutOpt("reason", F::kText),
                                    ActorOut("approved_by"), OutOpt("approved_at", F::kTime)}),
      ActorOut("opened_by", true),
      // TR-4: what a scan found (source kind scan or scan_target).
      OutObject("scan", {OutOpt("target_id"), OutOpt("target"), OutOpt("tool"), OutOpt("kind"),
                         OutOpt("rule"), OutOpt("package"), OutOpt("installed_version"),
                         OutOpt("fixed_version"), OutOpt("location")})};
  AddMeta(k.fields, "");
  return k;
}

// TP-5: a connection a third party made under a grant, as one of our systems reported it.
KindSpec Connection() {
  KindSpec k{.kind = "connection",
             .id_prefix = "con",
             .parent_kind = "party",
             .tag_field = "weakness",
             .generic_write = false};
  k.fields = {Out("grant_id"),
              Out("system_id"),
              OutOpt("system_name"),
              Out("endpoint"),
              OutOpt("url"),
              Out("protocol"),
              OutOpt("tls_version"),
              OutOpt("cipher"),
              Out("connected_at", F::kTime),
              Out("source_address"),
              Out("weakness"),
              Internal(OutOpt("finding_id")),
              ActorOut("recorded_by", true)};
  AddMeta(k.fields, "party");
  return k;
}

}  // namespace accord::domain::work_kinds
