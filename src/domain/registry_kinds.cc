// Every registry kind's KindSpec (its fields, id prefix, parent, name, tag and status), in the
// one table RegistryKinds() that drives validation, the OpenAPI schemas, storage and routes.
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

#include "output_fields.h"

namespace accord::domain {

namespace {

using F = FieldType;

const std::vector<std::string> kCommitmentKeys = {"no_sale_or_sharing", "no_advertising_use",
                                                  "ai_zero_data_retention", "no_model_training"};

const std::vector<std::string> kDataCategories = {"ephi",        "pii",          "financial",
                                                  "credentials", "confidential", "public"};

FieldSpec Str(std::string name, bool required = false, std::string description = "") {
  return {.name = std::move(name),
          .type = F::kString,
          .required = required,
          .description = std::move(description)};
}
FieldSpec Text(std::string name, size_t max = 10000) {
  return {.name = std::move(name), .type = F::kText, .max_length = max};
}
FieldSpec Enum(std::string name, std::vector<std::string> values, bool required = false) {
  return {
      .name = std::move(name), .type = F::kEnum, .required = required, .values = std::move(values)};
}
FieldSpec Bool(std::string name, bool required = false, std::string description = "") {
  return {.name = std::move(name),
          .type = F::kBool,
          .required = required,
          .description = std::move(description)};
}
FieldSpec Time(std::string name, bool required = false) {
  return {.name = std::move(name), .type = F::kTime, .required = required};
}
FieldSpec Number(std::string name, double min, double max) {
  return {.name = std::move(name), .type = F::kNumber, .min = min, .max = max};
}

// Our own assessment of a party (risk, criticality, who owns it here): kept from its contacts.
FieldSpec Internal(FieldSpec f) {
  f.internal = true;
  f.description += f.description.empty() ? "" : "; ";
  f.description += "internal: not shown to the party's contacts";
  return f;
}

using namespace output_fields;  // Out, OutOpt, OutObject, ActorOut (output_fields.h)

// Fields every object carries, set by the server.
void AddMeta(std::vector<FieldSpec>& fields, const std::string& parent_kind) {
  fields.push_back(Out("id"));
  for (const char* f : {"created_at", "updated_at"}) fields.push_back(Out(f, F::kTime));
  fields.push_back(Out("version", F::kInt));
  if (!parent_kind.empty()) fields.push_back(Out(parent_kind + "_id"));
}

KindSpec Party() {
  KindSpec k{.kind = "party",
             .id_prefix = "pty",
             .name_field = "name",
             .tag_field = "kind",
             .status_field = "status",
             .unique_name = true};
  k.fields = {
      Str("name", true, "unique, case-insensitive"),
      Enum("kind", {"customer", "partner", "subcontractor", "contracted_developer"}, true),
      Str("legal_name"),
      Enum("status", {"prospect", "onboarding", "active", "offboarded"}),
      Internal(Str("owner", false, "who in our organisation owns the relationship")),
      Internal(Enum("criticality", {"low", "medium", "high"})),
      Internal(
          Bool("infrastructure_partner", false, "hosts or runs our infrastructure (SOC 2 yearly)")),
      Bool("public_subprocessor", false,
           "listed on the public subprocessor page; refused while its agreements in force lack a "
           "data-use commitment we publish that applies to it, unless commitment_exceptions "
           "names it"),
      Bool("ai_provider", false,
           "processes customer data with AI models: our commitments to AI providers apply"),
      Internal(
          {.name = "commitment_exceptions",
           .type = F::kObjectList,
           .max_length = 10,
           .fields = {Enum("commitment", kCommitmentKeys, true),
                      {.name = "reason", .type = F::kText, .required = true, .max_length = 2000}},
           .description = "published data-use commitments this party is not bound to, each "
                          "with the officer's reason (TR-11)"}),
      Str("purpose", false, "what it does for us, as published"),
      Str("location"),
      Str("region"),
      Str("website"),
      Internal({.name = "data_categories",
                .type = F::kEnumList,
                .values = kDataCategories,
                .max_length = 6,
                .description = "HITRUST 05.i risk identification"}),
      Internal(Enum("access_level", {"none", "non_production", "production"})),
      Internal(OutOpt("risk_tier")),
      Internal(OutObject("risk_tier_override",
                         {Out("tier"), Out("computed"), OutOpt("reason", F::kText), ActorOut("by"),
                          Out("at", F::kTime), OutOpt("questionnaire_id")},
                         false)),
  };
  AddMeta(k.fields, "");
  return k;
}

KindSpec Service() {
  KindSpec k{.kind = "service",
             .id_prefix = "svc",
             .parent_kind = "party",
             .name_field = "name",
             .tag_field = "direction"};
  k.fields = {
      Str("name", true),
      Text("description"),
      Enum("direction", {"provides", "uses"}),
      {.name = "systems",
       .type = F::kIdList,
       .max_length = 100,
       .description = "ids of our systems the service touches"},
      {.name = "data_categories", .type = F::kEnumList, .values = kDataCategories, .max_length = 6},
      Bool("handles_ephi", true, "creates, receives, maintains or transmits ePHI"),
      Str("environment_boundary", false, "its own account or tenant, e.g. an AWS account id"),
  };
  AddMeta(k.fields, "party");
  return k;
}

KindSpec Contact() {
  KindSpec k{.kind = "contact",
             .id_prefix = "cnt",
             .parent_kind = "party",
             .name_field = "name",
             .tag_field = "role"};
  k.fields = {
      Str("name", true),
      {.name = "email", .type = F::kEmail, .required = true},
      {.name = "phone", .type = F::kPhone},
      Str("role", false, "e.g. security, account manager, incident contact"),
      Bool("primary"),
  };
  AddMeta(k.fields, "party");
  return k;
}

KindSpec System() {
  KindSpec k{.kind = "system",
             .id_prefix = "sys",
             .name_field = "name",
             .tag_field = "environment",
             .unique_name = true};
  k.fields = {
      Str("name", true),
      Enum("environment", {"production", "staging", "development"}, true),
      Bool("contains_ephi", true),
      Str("owner", true),
      Bool("infrastructure", false, "changes to it are infrastructure changes (TP-8)"),
      Text("description", 2000),
      {.name = "endpoints",
       .type = F::kObjectList,
       .max_length = 20,
       .fields = {Str("name", true, "unique within the system; grant lines name it"),
                  Str("url", true, "scheme://host[:port][/path] or host:port"),
                  {.name = "protocol",
                   .type = F::kEnum,
                   .required = true,
                   .values = TransportProtocolNames()},
                  Text("description", 500),
                  OutOpt("plaintext", F::kBool)},
       .description = "how a third party reaches the system (TP-5); plaintext is set by the "
                      "server from the protocol"},
  };
  AddMeta(k.fields, "");
  return k;
}

// An attestation the organisation holds (ISO 27001, SOC 2 Type II, HITRUST r2, DPF ...),
// shown on the public trust page while it is valid (IN-4, TR-1).
KindSpec Certification() {
  KindSpec k{
      .kind = "certification", .id_prefix = "crt", .name_field = "name", .tag_field = "framework"};
  k.fields = {
      Str("name", true, "as the trust page shows it, e.g. SOC 2 Type II"),
      Enum("framework",
           {"iso27001_2022", "soc2_type1", "soc2_type2", "hitrust_r2", "hitrust_i1", "dpf", "hipaa",
            "pci_dss", "other"},
           true),
      Str("issuer", true, "the auditor or certification body"),
      Text("scope", 2000),
      Time("valid_from", true),
      Time("valid_until", true),
      Bool("public", false, "shown on the public trust page while valid (default true)"),
      Str("document_id", false, "the certificate or report (never public by itself)"),
  };
  AddMeta(k.fields, "");
  return k;
}

// TR-11: a data-use commitment the organisation makes to its customers, published on the trust
// center; the subprocessors it applies to must be bound to it by their agreements in force.
KindSpec DataCommitment() {
  KindSpec k{
      .kind = "data_commitment", .id_prefix = "dcm", .name_field = "statement", .tag_field = "key"};
  k.fields = {
      Str("statement", true, "as the trust page shows it, e.g. We never sell customer data"),
      Enum("key",
           {"no_sale_or_sharing", "no_advertising_use", "ai_zero_data_retention",
            "no_model_training", "other"},
           true),
      {.name = "applies_to",
       .type = F::kEnum,
       .required = true,
       .values = {"organisation", "all_subprocessors", "ai_providers"},
       .description = "organisation: our own promise only; all_subprocessors or ai_providers: "
                      "those subprocessors' agreements must make it too (data_use)"},
      Time("since", true),
      {.name = "evidence_kind",
       .type = F::kEnum,
       .values = {"document", "certification", "agreement_clause"},
       .description = "what backs it: a document, one of our certifications, or a clause of "
                      "our agreements"},
      {.name = "evidence_id",
       .type = F::kId,
       .description = "the document, certification or agreement (with evidence_kind)"},
      Str("evidence_note", false, "published with it, e.g. DPA section 7.2"),
      Bool("public", false, "shown on the public trust page (default true)"),
  };
  AddMeta(k.fields, "");
  return k;
}

// TR-11: our Data Privacy Framework participation (EU-U.S., its UK extension, Swiss-U.S.),
// re-certified every year; a re-certification falling due opens a finding a month before.
KindSpec DpfParticipation() {
  KindSpec k{.kind = "dpf_participation", .id_prefix = "dpf", .tag_field = "status"};
  k.fields = {
      {.name = "frameworks",
       .type = F::kEnumList,
       .required = true,
       .values = {"eu_us", "uk_extension", "swiss_us"},
       .max_length = 3,
       .description = "EU-U.S. DPF, the UK Extension to it, the Swiss-U.S. DPF"},
      Enum("status", {"active", "inactive", "withdrawn"}, true),
      Time("last_recertified_at", true),
      Str("listing_url", false, "the public listing on the DPF website (https)"),
      Bool("public", false, "shown on the public trust page (default true)"),
  };
  AddMeta(k.fields, "");
  return k;
}

KindSpec Agreement() {
  KindSpec k{.kind = "agreement",
             .id_prefix = "agr",
             .parent_kind = "party",
             .name_field = "title",
             .tag_field = "type",
             .status_field = "status"};
  k.fields = {
      Enum("type", {"baa", "sla", "nda", "dev_contract", "msa", "dpa"}, true),
      Str("title"),
      Enum("status", {"draft", "sent", "executed", "expired", "terminated"}),
      Time("effective_at"),
      Time("expires_at"),
      {.name = "renewal_notice_days", .type = F::kInt, .min = 0, .max = 3650},
      Str("review_rrule", false,
          "SLA reviews (TP-14): RFC 5545 RRULE such as FREQ=MONTHLY;INTERVAL=3; default from "
          "the profile's [reviews.schedule]"),
      Str("signed_by", false, "who signed for the third party"),
      {.name = "data_use",
       .type = F::kObject,
       .fields = {Bool("no_sale_or_sharing"), Bool("no_advertising_use"),
                  Bool("ai_zero_data_retention"), Bool("no_model_training"),
                  Bool("dpf_participation")},
       .description = "data-use commitments (TR-11)"},
      {.name = "baa",
       .type = F::kObject,
       .fields =
           {Bool("safeguards", false, "164.314(a)(2)(i)(A)"),
            Bool("subcontractor_flow_down", false, "164.314(a)(2)(i)(B)"),
            Bool("incident_reporting", false, "164.314(a)(2)(i)(C)"),
            Text("responsibilities", 4000),
            // Issue 27: what we owe this customer; sla.breach_notice_hours is what a vendor
            // owes us. Shorter than 164.410(b)'s 60 days, it sets our deadline.
            {.name = "breach_notice_hours",
             .type = F::kNumber,
             .min = 0,
             .max = 1440,
             .description = "hours after discovery within which we must notify this covered "
                            "entity of a breach; the 60 days of 164.410(b) when absent"},
            // Issue 23: this customer's own answers in the inheritance matrix.
            {.name = "inheritance",
             .type = F::kObjectList,
             .max_length = 100,
             .fields = {{.name = "control", .type = F::kString, .required = true, .max_length = 40},
                        Enum("inherited", {"yes", "partially", "no"}, true),
                        Text("responsibility", 2000)},
             .description = "the customer's inheritance of catalog controls where this "
                            "BAA departs from the default (docs/compliance.md)"}},
       .description = "HIPAA 164.314(a)(2)(i) checklist"},
      {.name = "sla",
       .type = F::kObject,
       .fields = {Bool("liability"), Bool("service_definitions"), Bool("security_controls"),
                  Bool("service_management"), Number("uptime_percent", 0, 100),
                  Number("response_hours", 0, 8760), Number("resolution_hours", 0, 8760),
                  Number("breach_notice_hours", 0, 8760)},
       .description = "SLA sections required by the seeds and measurable terms"},
      {.name = "click_through",
       .type = F::kObject,
       .read_only = true,
       .description = "a click-through NDA's acceptance (IN-4): name, email, organisation, "
                      "time, IP address, user agent, SHA-256 of the text accepted"},
      {.name = "document_id",
       .type = F::kId,
       .read_only = true,
       .description = "the agreement's text as accepted (click-through NDAs)"},
      {.name = "renews",
       .type = F::kId,
       .read_only = true,
       .description = "the agreement this one renews (POST /api/v1/agreements/{id}/renew)"},
      {.name = "renewed_by",
       .type = F::kId,
       .read_only = true,
       .description = "the agreement that renews this one"},
  };
  AddMeta(k.fields, "party");
  return k;
}

std::vector<FieldSpec> RecordFields() {
  return {
      Time("date", true),
      Str("reviewer", true),
      Enum("result", {"passed", "conditional", "failed"}, true),
      Text("summary", 4000),
      {.name = "evidence",
       .type = F::kIdList,
       .max_length = 50,
       .description = "ids of uploaded documents"},
      Time("next_due_at"),
  };
}

KindSpec DueDiligence() {
  KindSpec k{
      .kind = "due_diligence", .id_prefix = "ddg", .parent_kind = "party", .tag_field = "result"};
  k.fields = RecordFields();
  k.fields.push_back(Enum("scope", {"security", "privacy", "financial", "compliance", "other"}));
  AddMeta(k.fields, "party");
  return k;
}

KindSpec Control() {
  KindSpec k{.kind = "control",
             .id_prefix = "ctl",
             .parent_kind = "party",
             .name_field = "name",
             .tag_field = "type"};
  k.fields = RecordFields();
  k.fields.push_back(Str("name", true));
  k.fields.push_back(Enum("type",
                          {"encryption_in_transit", "access_control", "soc2_report",
                           "penetration_test", "infrastructure_permission", "other"},
                          true));
  k.fields.push_back({.name = "system_id",
                      .type = F::kId,
                      .description = "for infrastructure_permission: the system it covers"});
  k.fields.push_back(Time("valid_until"));
  AddMeta(k.fields, "party");
  return k;
}

KindSpec Document() {
  KindSpec k{.kind = "document",
             .id_prefix = "doc",
             .parent_kind = "party",
             .name_field = "filename",
             .tag_field = "content_type",
             .generic_write = false};
  k.fields = {Out("filename"),
              Out("content_type"),
              Out("size", F::kInt),
              Out("sha256"),
              OutOpt("agreement_id"),
              ActorOut("uploaded_by"),
              OutOpt("certification_id"),
              OutOpt("finding_id"),
              OutOpt("effective_at", F::kTime),
              OutOpt("breach_assessment_id"),
              OutOpt("library_answer_id")};  // a library answer's evidence (issue 28)
  AddMeta(k.fields, "party");
  return k;
}

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
std::vector<FieldSpec> DocumentationOut() {
  std::vector<FieldSpec> fields = {ActorOut("documented_by"), OutOpt("documented_at", F::kTime)};
  for (const auto& section : ReviewDocumentationFields()) fields.push_back(section);
  return fields;
}

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

}  // namespace

const std::vector<KindSpec>& RegistryKinds() {
  static const std::vector<KindSpec> kKinds = {
      Party(), System(), Service(), Contact(), Agreement(), DueDiligence(), Control(), Document(),
      Grant(), User(), EntitlementReview(), Alert(), Review(), Soc2Report(), ChangeNotice(),
      Finding(), Certification(), ReportRequest(), Connection(), DataCommitment(),
      DpfParticipation(), ChangeRequestKind(), VendorIncidentKind(), QuestionnaireTemplateKind(),
      QuestionnaireKind(),
      // Issue 27 (TR-8): the breach clock.
      breach::AssessmentKind(), breach::NoticeKind(),
      // Issue 28, item 2: a contact's request for a colleague's account.
      AccountRequestKind()};
  return kKinds;
}

}  // namespace accord::domain
