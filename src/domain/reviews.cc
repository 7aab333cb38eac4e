#include "accord/domain/reviews.h"

#include <algorithm>
#include <boost/json.hpp>

#include "accord/domain/registry.h"

namespace accord::domain {

namespace json = boost::json;
using F = FieldType;

namespace {

bool Has(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

FieldSpec TextField(std::string name, std::string description, bool required = false) {
  return {.name = std::move(name),
          .type = F::kText,
          .required = required,
          .max_length = 20000,
          .description = std::move(description)};
}

FieldSpec IdField(std::string name, std::string description, bool required = false) {
  return {.name = std::move(name),
          .type = F::kId,
          .required = required,
          .description = std::move(description)};
}

FieldSpec TimeField(std::string name, std::string description, bool required = false) {
  return {.name = std::move(name),
          .type = F::kTime,
          .required = required,
          .description = std::move(description)};
}

// Which sections each kind must fill before it can be `documented` (TP-12: "SLA, security,
// and compliance performance is documented"; TP-10: the list and its contacts confirmed).
struct Required {
  std::string_view kind;
  std::vector<std::string_view> sections;
};

const std::vector<Required>& RequiredSections() {
  static const std::vector<Required> kRequired = {
      {"partner_list_review", {"summary", "list_confirmed", "contacts_confirmed"}},
      {"party_review",
       {"sla_performance", "security_performance", "compliance_performance", "contacts_confirmed"}},
      {"sla_review", {"sla_performance", "security_performance", "operational_issues"}},
      {"activity_review", {"summary", "sla_performance"}},
      {"change_review", {"summary", "impact", "backout_plan"}},
      {"risk_assessment", {"summary", "risk_level"}},
      {"sla_report", {"summary"}},
  };
  return kRequired;
}

bool Filled(const json::object& doc, std::string_view section) {
  const json::value* v = doc.if_contains(section);
  if (!v || v->is_null()) return false;
  if (v->is_bool()) return v->as_bool();  // a confirmation must be true
  if (v->is_string()) return !v->as_string().empty();
  return true;
}

}  // namespace

const std::vector<std::string>& ReviewKinds() {
  static const std::vector<std::string> kKinds = {
      "partner_list_review", "party_review",    "sla_review", "activity_review",
      "change_review",       "risk_assessment", "sla_report"};
  return kKinds;
}

bool IsReviewKind(std::string_view kind) { return Has(ReviewKinds(), kind); }

bool IsScheduledReviewKind(std::string_view kind) {
  return kind == "partner_list_review" || kind == "party_review" || kind == "sla_review" ||
         kind == "activity_review" || kind == "sla_report";
}

bool IsPartyReviewKind(std::string_view kind) {
  return IsReviewKind(kind) && kind != "partner_list_review" && kind != "sla_report";
}

std::string ReviewKindTitle(std::string_view kind) {
  if (kind == "partner_list_review") return "Partner and subcontractor list review";
  if (kind == "party_review") return "Security, compliance and SLA review";
  if (kind == "sla_review") return "SLA review";
  if (kind == "activity_review") return "Activity review";
  if (kind == "change_review") return "Change review";
  if (kind == "risk_assessment") return "Risk assessment";
  if (kind == "sla_report") return "Quarterly SLA-review report";
  return std::string(kind);
}

bool IsOpenReviewStatus(std::string_view status) {
  return status == "open" || status == "assigned" || status == "documented";
}

const std::vector<FieldSpec>& ReviewDocumentationFields() {
  static const std::vector<FieldSpec> kFields = {
      TextField("summary", "what was reviewed and the conclusion"),
      TextField("sla_performance", "SLA performance: uptime, response and resolution times"),
      TextField("security_performance", "security: incidents, security events, audit trails"),
      TextField("compliance_performance", "compliance: certifications, SOC 2, BAA obligations"),
      TextField("operational_issues", "operational issues, failures and disruptions (TP-14)"),
      TextField("impact", "what the change affects (systems, data, services)"),
      TextField("backout_plan", "how the change is undone if it fails (TR-5)"),
      {.name = "risk_level",
       .type = F::kEnum,
       .values = {"low", "medium", "high", "critical"},
       .description = "risk assessment outcome"},
      {.name = "list_confirmed",
       .type = F::kBool,
       .description = "the partner/subcontractor list is complete (TP-10)"},
      {.name = "contacts_confirmed",
       .type = F::kBool,
       .description = "contact information is up to date (TP-10)"},
      {.name = "soc2_report_ids",
       .type = F::kIdList,
       .max_length = 20,
       .description = "SOC 2 reports reviewed (TP-11)"},
      {.name = "evidence",
       .type = F::kIdList,
       .max_length = 50,
       .description = "ids of uploaded documents"},
  };
  return kFields;
}

std::vector<ErrorDetail> MissingReviewSections(std::string_view kind,
                                               const json::object& documentation) {
  std::vector<ErrorDetail> out;
  for (const auto& r : RequiredSections()) {
    if (r.kind != kind) continue;
    for (auto section : r.sections) {
      if (Filled(documentation, section)) continue;
      const json::value* v = documentation.if_contains(section);
      bool is_confirmation = section.ends_with("_confirmed");
      std::string reason = is_confirmation && v && v->is_bool()
                               ? "must be true: confirm it before the review is documented"
                               : "is required for a " + std::string(kind);
      out.push_back({"documentation." + std::string(section), std::move(reason), {}});
    }
  }
  return out;
}

const std::vector<FieldSpec>& ReviewCreateFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "review_kind",
       .type = F::kEnum,
       .required = true,
       .values = ReviewKinds(),
       .description = "change_review and risk_assessment are opened by change notices"},
      IdField("party_id", "required for every kind about one party"),
      IdField("agreement_id", "for an sla_review: the SLA"),
      TimeField("due_at", "when the review must be approved; in the future", true),
      {.name = "title", .type = F::kString, .description = "default from kind and party"},
      IdField("assignee_id", "assign at once (a user in the profile's assignee roles)"),
      {.name = "comment", .type = F::kText, .max_length = 4000},
  };
  return kFields;
}

const std::vector<FieldSpec>& ReviewResponseFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "message",
       .type = F::kText,
       .required = true,
       .max_length = 4000,
       .description = "the party's answer"},
      {.name = "documents",
       .type = F::kIdList,
       .max_length = 20,
       .description = "documents the party uploaded (POST /api/v1/parties/{id}/documents)"},
  };
  return kFields;
}

const std::vector<FieldSpec>& ReviewActionFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "action",
       .type = F::kEnum,
       .required = true,
       .values = {"assign", "document", "approve", "reject", "request_info"}},
      {.name = "comment",
       .type = F::kText,
       .max_length = 4000,
       .description = "required to reject (what needs further review) and to request_info "
                      "(what the party is asked for: its contacts read it)"},
      IdField("assignee_id", "for assign"),
      {.name = "documentation",
       .type = F::kObject,
       .fields = ReviewDocumentationFields(),
       .description = "for document: the sections the kind requires"},
  };
  return kFields;
}

const std::vector<FieldSpec>& ChangeNoticeCreateFields() {
  static const std::vector<FieldSpec> kFields = {
      IdField("party_id", "the party changing its services", true),
      {.name = "title", .type = F::kString, .required = true},
      TextField("description", "what changes, as the party announced it", true),
      {.name = "service_ids", .type = F::kIdList, .max_length = 50},
      {.name = "system_ids",
       .type = F::kIdList,
       .max_length = 50,
       .description = "our systems the change touches"},
      TimeField("planned_at", "when the party plans to implement it; in the future", true),
      {.name = "substantial",
       .type = F::kBool,
       .description = "the officer's call; the profile's rules may also make it substantial"},
      {.name = "new_subprocessor", .type = F::kBool},
      {.name = "new_data_location",
       .type = F::kString,
       .description = "where data will newly be stored or processed"},
  };
  return kFields;
}

const std::vector<FieldSpec>& ChangeNoticeActionFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "action",
       .type = F::kEnum,
       .required = true,
       .values = {"implemented", "withdrawn"}},
      TimeField("at", "when it happened (default now; not in the future)"),
      {.name = "comment", .type = F::kText, .max_length = 4000},
  };
  return kFields;
}

const std::vector<std::string>& FindingSeverities() {
  static const std::vector<std::string> kSeverities = {"critical", "high", "medium", "low"};
  return kSeverities;
}

const std::vector<FieldSpec>& FindingCreateFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "title", .type = F::kString, .required = true},
      TextField("description", "what was found"),
      {.name = "severity", .type = F::kEnum, .required = true, .values = FindingSeverities()},
      IdField("party_id", "the party it concerns"),
      IdField("review_id", "the review that found it"),
      IdField("owner_id", "who resolves it (default: you)"),
      TimeField("due_at", "default from the profile's remediation window for the severity"),
  };
  return kFields;
}

const std::vector<FieldSpec>& FindingActionFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "action",
       .type = F::kEnum,
       .required = true,
       .values = {"assign", "resolve", "accept_risk", "approve_risk", "decline_risk", "reopen"}},
      {.name = "comment",
       .type = F::kText,
       .max_length = 4000,
       .description = "the resolution, why the risk may be accepted, why an acceptance is "
                      "declined or why it reopens (required but to assign and approve_risk)"},
      IdField("owner_id", "for assign"),
      {.name = "evidence",
       .type = F::kIdList,
       .max_length = 50,
       .description = "ids of uploaded documents proving the resolution"},
      TimeField("expires_at",
                "for accept_risk: when the acceptance ends and the finding reopens (within a "
                "year)"),
  };
  return kFields;
}

}  // namespace accord::domain
