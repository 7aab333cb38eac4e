// Every registry kind's KindSpec (its fields, id prefix, parent, name, tag and status), in the
// one table RegistryKinds() that drives validation, the OpenAPI schemas, storage and routes.
// The third-party kinds are defined here, those of our own work in registry_kinds_work.cc.
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

namespace accord::domain {

namespace {

using F = FieldType;

const std::vector<std::string> kCommitmentKeys = {"no_sale_or_sharing", "no_advertising_use",
                                                  "ai_zero_data_retention", "no_model_training"};

const std::vector<std::string> kDataCategories = {"ephi",        "pii",          "financial",
                                                  "credentials", "confidential", "public"};

using namespace input_fields;   // Str, Text, Enum, ..., AddMeta (input_fields.h)
using namespace output_fields;  // Out, OutOpt, OutObject, ActorOut (output_fields.h)
using namespace work_kinds;     // Grant, User, ... (registry_kinds_work.cc)

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
